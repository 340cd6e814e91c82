import { z } from 'zod';

/** How many model steps a column's tool loop may take unless Settings says otherwise: main stops the loop there,
 * and the pre-send estimate says that many steps may each be billed. */
export const DEFAULT_TOOL_STEP_LIMIT = 10;
export const MIN_TOOL_STEP_LIMIT = 1;
export const MAX_TOOL_STEP_LIMIT = 50;

/** The limit as Settings → Tools stores it (settings.json, `toolStepLimit`). */
export const toolStepLimitSchema = z.number().int().min(MIN_TOOL_STEP_LIMIT).max(MAX_TOOL_STEP_LIMIT);
