// Money: exact cost of a request, token estimates, BYOK fee comparison, spend limits, local-vs-billed checks.
// All amounts are integer micro-dollars (1 USD = 1_000_000).
export {
  computeCost,
  overrideApplies,
  type CostComponent,
  type CostLine,
  type CostOptions,
  type CostResult,
  type CostUsage,
} from './cost';
export {
  exactMicrosToUsd,
  formatMicros,
  formatRate,
  formatUsdText,
  isBelowMicro,
  microsToUsd,
  percentDiff,
  usdText,
  usdTextToNumber,
  usdToMicros,
  type FormatOptions,
} from './money';
export { costReasonText, shownCost, shownCostLabel, shownMicros, sourceText, type CostFacts, type ShownCost, type ShownSource } from './shown-cost';
export { estimateRequestTokens, exceedsContext, type TokenEstimate } from './estimate-tokens';
export {
  ALLOWANCE_CHANGE_AT,
  allowanceAt,
  calculateByokFees,
  DEFAULT_BYOK_FEE_SETTINGS,
  type ByokAllowance,
  type ByokComparison,
  type ByokFeeReport,
  type ByokFeeSettings,
  type ByokTraffic,
  type Figure,
} from './byok-fees';
export {
  budgetPeriods,
  evaluateBudgets,
  WARN_PERCENT,
  type BudgetEvaluation,
  type BudgetLimits,
  type BudgetMessage,
  type BudgetOptions,
  type BudgetPeriods,
  type BudgetState,
  type LedgerTotals,
  type SpendLimit,
  type SpendTotals,
} from './budgets';
export { reconcile, type ReconcileResult, type ReconcileStatus } from './reconcile';
