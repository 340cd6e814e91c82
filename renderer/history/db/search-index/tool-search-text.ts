// The part of an answer's tool loop the full-text index holds: each call's tool name and function name, and its
// result text. Stored rows and export files both pass through here, so it reads `unknown` defensively.

export function toolSearchText(toolSteps: unknown): string {
  if (!Array.isArray(toolSteps)) return '';
  const parts: string[] = [];
  for (const step of toolSteps as unknown[]) {
    const calls = (step as { calls?: unknown } | null)?.calls;
    if (!Array.isArray(calls)) continue;
    for (const c of calls as unknown[]) {
      const call = (c ?? {}) as { tool?: unknown; functionName?: unknown; result?: { text?: unknown } | null };
      const name = typeof call.tool === 'string' ? call.tool : call.functionName;
      if (typeof name === 'string' && name !== '') parts.push(name);
      if (typeof call.result?.text === 'string' && call.result.text !== '') parts.push(call.result.text);
    }
  }
  return parts.join('\n');
}
