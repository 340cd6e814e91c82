import { z } from 'zod';
import { columnToolsSchema, offeredToolSchema, toolSelectionSchema } from '../../../../shared/tools/tool-selection';
import { loopStepSchema } from '../../../../shared/tools/tool-steps';

// The tool fields of an export (docs/export-format.md, "Tool steps"): the room's and each column's pick, and on an
// answer the tools it was offered and its loop step by step, in the shapes main and the room already use.

export const toolExportFields = {
  conversation: { tools: toolSelectionSchema.optional() },
  column: { tools: columnToolsSchema.optional() },
  message: {
    offeredTools: z.array(offeredToolSchema).max(1000).optional(),
    toolSteps: z.array(loopStepSchema).max(100).optional(),
  },
};
