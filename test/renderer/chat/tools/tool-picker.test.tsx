import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { McpServerSummary } from '../../../../shared/contract/mcp';
import type { ToolSelection } from '../../../../shared/tools/tool-selection';
import { ToolSelectionPicker } from '../../../../renderer/chat/tools/ToolSelectionPicker';
import { toolSupportOf } from '../../../../renderer/chat/tools/offer-tools';

// The Tools picker: servers with their state, the exact command line of a stdio server never allowed (allowed here
// through mcp.confirm), whole servers or single tools picked.

const SERVERS: McpServerSummary[] = [
  { id: 'files', name: 'Files', enabled: true, transport: 'stdio', command: 'npx', args: ['-y', 'fs-server', '/home/me'], commandLine: "npx -y fs-server '/home/me'", confirmed: false, status: 'awaiting-confirmation', tools: [] },
  {
    id: 'harbour', name: 'Harbour', enabled: true, transport: 'http', url: 'http://127.0.0.1:9/mcp', confirmed: true, status: 'ready',
    tools: [{ name: 'tide_table', description: 'Tides of a port', inputSchema: {} }, { name: 'weather', inputSchema: {} }],
  },
];

const invoked: { route: string; input: unknown }[] = [];
beforeEach(() => {
  window.parley = {
    invoke: (async (route: string, input: unknown) => {
      invoked.push({ route, input });
      return { ok: true, value: route === 'mcp.list' ? SERVERS : SERVERS[0] };
    }) as never,
    subscribe: () => () => {},
  };
});
afterEach(() => {
  cleanup();
  invoked.length = 0;
});

describe('ToolSelectionPicker', () => {
  it('shows each server with its state, asks to allow a command line before it runs, and picks servers or single tools', async () => {
    const changes: ToolSelection[] = [];
    render(<ToolSelectionPicker value={{ servers: [], tools: [] }} onChange={(s) => changes.push(s)} />);
    const confirm = await screen.findByRole('group', { name: 'Confirm the command of Files' });
    expect(confirm.querySelector('pre')!.textContent).toBe("npx -y fs-server '/home/me'");
    expect(screen.getByLabelText('State of Harbour').textContent).toBe('ready, 2 tools');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Allow this command' }));
    await waitFor(() => expect(invoked.at(-1)).toEqual({ route: 'mcp.confirm', input: { id: 'files', commandLine: "npx -y fs-server '/home/me'" } }));

    fireEvent.click(screen.getByRole('checkbox', { name: 'weather of Harbour' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Harbour: all tools' }));
    expect(changes).toEqual([
      { servers: [], tools: [{ server: 'harbour', tool: 'weather' }] },
      { servers: ['harbour'], tools: [] },
    ]);
  });

  it('shows a whole server picked with all its tools ticked and locked', async () => {
    render(<ToolSelectionPicker value={{ servers: ['harbour'], tools: [] }} onChange={() => undefined} />);
    const tide = (await screen.findByRole('checkbox', { name: 'tide_table of Harbour' })) as HTMLInputElement;
    expect(tide.checked).toBe(true);
    expect(tide.disabled).toBe(true);
  });
});

describe('toolSupportOf', () => {
  it('reads the catalog: supported, unsupported, or unknown when the model is not in it', () => {
    expect(toolSupportOf({ supportsTools: true, toolSupport: 'supported' })).toBe('supported');
    expect(toolSupportOf({ supportsTools: false, toolSupport: 'unsupported' })).toBe('unsupported');
    expect(toolSupportOf({ supportsTools: false, toolSupport: 'unknown' })).toBe('unknown');
    expect(toolSupportOf(undefined)).toBe('unknown');
  });
});
