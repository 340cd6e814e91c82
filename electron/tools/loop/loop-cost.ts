// The sum over a loop's steps is shared with the renderer's money views ("Explain this cost").
export { sumLoopSteps, type LoopTotals } from '../../../shared/tools/loop-cost';
