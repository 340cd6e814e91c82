import { exportMenuSlot, fillSendGuard, sendEstimateSlot } from '../common/slots/room-slots';
import { ExportMenu } from '../history/transfer/ui/ExportMenu';
import { BudgetBlockedNotice } from '../money/budgets/BudgetBlockedNotice';
import { useBudgetGate } from '../money/budgets/use-budget-gate';
import { SendEstimate } from '../money/estimate/SendEstimate';

// The feature areas never import each other: where one's UI shows another's, app/ fills the slot (common/slots/).
// Imported once, by App.

sendEstimateSlot.fill(SendEstimate);
exportMenuSlot.fill(ExportMenu);
fillSendGuard({ useGate: useBudgetGate, blockedNotice: BudgetBlockedNotice });
