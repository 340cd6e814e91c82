import { DEFAULT_TOOL_STEP_LIMIT } from '../../../shared/tools/step-limit';

// A column that offers tools may run a tool loop: each model step is a request of its own, billed on its own, and
// every step sends the whole conversation again. The estimate covers one request; this says so.

/** The note for a column, or null when it offers no tools. `stepLimit`: the room's limit when it offers tools
 * (undefined: the column offers tools when its request carries them, with the default limit). */
export function toolLoopNote(request: { tools?: readonly unknown[] | undefined }, stepLimit?: number | null): string | null {
  const offers = stepLimit !== undefined ? stepLimit !== null : (request.tools?.length ?? 0) > 0;
  if (!offers) return null;
  return `with tools: up to ${stepLimit ?? DEFAULT_TOOL_STEP_LIMIT} steps, each billed`;
}
