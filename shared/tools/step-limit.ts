/** How many model steps a column's tool loop may take unless Settings says otherwise: main stops the loop there,
 * and the pre-send estimate says that many steps may each be billed. */
export const DEFAULT_TOOL_STEP_LIMIT = 10;
