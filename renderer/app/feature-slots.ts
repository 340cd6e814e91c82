import { SearchReplayButton } from '../chat/replay/SearchReplayButton';
import { FirstRun } from './first-run/FirstRun';
import { AssistantsPanel } from '../assistants/ui/AssistantsPanel';
import { RoomAssistantControls } from '../assistants/ui/RoomAssistantControls';
import { assistantsPanelSlot, firstRunSlot, roomAssistantSlot, searchReplaySlot, exportMenuSlot, fillSendGuard, promptSuggestionSlot, replayDialogSlot, repriceSlot, sendEstimateSlot } from '../common/slots/room-slots';
import { ReplayDialog } from '../chat/replay/ReplayDialog';
import { ExportMenu } from '../history/transfer/ui/ExportMenu';
import { BudgetBlockedNotice } from '../money/budgets/BudgetBlockedNotice';
import { useBudgetGate } from '../money/budgets/use-budget-gate';
import { SendEstimate } from '../money/estimate/SendEstimate';
import { RepriceButton } from '../money/reprice/RepriceButton';
import { PromptSuggestion } from '../money/suggest/PromptSuggestion';

// The feature areas never import each other: where one's UI shows another's, app/ fills the slot (common/slots/).
// Imported once, by App.

sendEstimateSlot.fill(SendEstimate);
exportMenuSlot.fill(ExportMenu);
repriceSlot.fill(RepriceButton);
promptSuggestionSlot.fill(PromptSuggestion);
replayDialogSlot.fill(ReplayDialog);
searchReplaySlot.fill(SearchReplayButton);
firstRunSlot.fill(FirstRun);
roomAssistantSlot.fill(RoomAssistantControls);
assistantsPanelSlot.fill(AssistantsPanel);
fillSendGuard({ useGate: useBudgetGate, blockedNotice: BudgetBlockedNotice });
