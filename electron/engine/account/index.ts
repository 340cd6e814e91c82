// OpenRouter account: balance, key limits, free-model limits, per-generation stats and background reconciliation.
export {
  createAccountClient,
  DEFAULT_OPENROUTER_API,
  freeModelLimits,
  FREE_MODEL_RPD_NO_CREDITS,
  FREE_MODEL_RPD_WITH_CREDITS,
  FREE_MODEL_RPM,
  type AccountClient,
  type AccountClientOptions,
} from './account-client';
export {
  billedMicrosOf,
  createReconciliationQueue,
  type ReconcileJob,
  type ReconcileOutcome,
  type ReconciliationQueue,
  type ReconciliationQueueOptions,
  type Timers,
} from './reconciliation-queue';
export type {
  AccountError,
  AccountErrorKind,
  AccountResult,
  BalanceInfo,
  FreeModelLimits,
  GenerationStats,
  KeyInfo,
} from './types';
