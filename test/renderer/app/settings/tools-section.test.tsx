import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen, cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_STDIO } from '../../../fakes/mcp/stdio-command';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { installFakePreload } from '../../support/fake-preload';
import { ToolsSection } from '../../../../renderer/app/settings/tools/ToolsSection';

// Settings → Tools against the real backend and a real MCP server (the SDK-built fake in test/fakes/mcp/).

const ENV_SECRET = 'ghp_ENV-SECRET-not-for-the-page';
const HEADER_SECRET = 'Bearer HEADER-SECRET-not-for-the-page';
const FAKE = FAKE_STDIO;

let backend: Backend;
beforeAll(() => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-tools-section-'));
  backend = createBackend({ dataDir, transport: 'electron', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  installFakePreload(backend);
});
afterEach(() => cleanup());
afterAll(() => backend.close());

/** Everything the page holds: its text and every field's value. */
function pageText(): string {
  const values = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
  return `${document.body.innerHTML}\n${values.join('\n')}`;
}

describe('Settings → Tools', () => {
  it('imports mcpServers JSON, asks to confirm the command, starts the server and lists its tools as text', async () => {
    const user = userEvent.setup();
    render(<ToolsSection />);
    expect(await screen.findByText('No MCP servers yet.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Paste mcpServers JSON' }));
    await user.click(screen.getByRole('textbox', { name: 'mcpServers JSON' }));
    await user.paste(JSON.stringify({ mcpServers: { fake: { ...FAKE, env: { FAKE_TOKEN: ENV_SECRET } }, broken: { args: ['x'] } } }));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('status')).textContent).toContain('Added 1 server: fake.');
    expect(within(screen.getByRole('list', { name: 'Entries not added' })).getByText('broken: has neither a command nor a url')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Close' }));

    const row = await screen.findByRole('listitem', { name: 'fake' });
    expect(within(row).getByLabelText('State of fake').textContent).toBe('needs your confirmation');
    const confirm = within(row).getByRole('group', { name: 'Confirm the command of fake' });
    expect(confirm.querySelector('pre')!.textContent).toBe(`FAKE_TOKEN=•••• ${FAKE.command} ${FAKE.args.join(' ')}`);
    expect(row.textContent).toContain('FAKE_TOKEN •••• set');
    expect(within(row).queryByRole('button', { name: 'Start fake' })).toBeNull();

    await user.click(within(confirm).getByRole('button', { name: 'Allow this command' }));
    await user.click(await within(row).findByRole('button', { name: 'Start fake' }));
    expect((await within(row).findByText(/^ready with \d+ tools$/, {}, { timeout: 15_000 })).textContent).toBe('ready with 9 tools');

    const tools = within(row).getByRole('list', { name: 'Tools of fake' });
    expect(within(tools).getByText('Returns its text, prefixed with the server name.')).toBeTruthy();
    // A description full of markup and script is shown as text: no element was made from it.
    expect(within(tools).getByText(/^Returns markup and script: <script>/).textContent).toContain('<img src=x onerror=');
    expect(document.querySelector('.mcp-tools script, .mcp-tools img, .mcp-tools b')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    const echo = within(tools).getByText('echo').closest('li')!;
    await user.click(within(echo).getByText('Input schema'));
    expect(JSON.parse(echo.querySelector('pre')!.textContent!)).toMatchObject({ properties: { text: { type: 'string', description: 'What to echo' } } });
    expect(pageText()).not.toContain(ENV_SECRET);

    await user.click(within(row).getByRole('button', { name: 'Disable fake' }));
    expect((await within(row).findByText('disabled')).textContent).toBe('disabled');
    await user.click(within(row).getByRole('button', { name: 'Remove fake' }));
    expect(await screen.findByText('No MCP servers yet.')).toBeTruthy();
  });

  it('adds an HTTP server with a header through the form; the value is sealed and only "•••• set" comes back', async () => {
    const user = userEvent.setup();
    render(<ToolsSection />);
    await user.click(await screen.findByRole('button', { name: 'Add a server' }));
    const form = screen.getByRole('form', { name: 'Add an MCP server' });
    await user.type(within(form).getByLabelText('Server name'), 'Remote');
    await user.selectOptions(within(form).getByLabelText('Server kind'), 'http');
    await user.type(within(form).getByLabelText('URL'), 'not a url');
    await user.click(within(form).getByRole('button', { name: 'Add a header' }));
    await user.type(within(form).getByLabelText('Headers 1 name'), 'Authorization');
    await user.type(within(form).getByLabelText('Headers 1 value'), HEADER_SECRET);
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/^url: /);

    await user.clear(within(form).getByLabelText('URL'));
    await user.type(within(form).getByLabelText('URL'), 'http://127.0.0.1:9/mcp');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    const row = await screen.findByRole('listitem', { name: 'Remote' });
    expect(row.textContent).toContain('Authorization •••• set');
    expect(within(row).getByLabelText('State of Remote').textContent).toBe('stopped (starts when needed)');

    await user.click(within(row).getByRole('button', { name: 'Edit Remote' }));
    const edit = screen.getByRole('form', { name: 'Edit Remote' });
    expect((within(edit).getByLabelText('Headers 1 value') as HTMLInputElement).value).toBe('');
    expect(within(edit).getByLabelText('Headers 1 value').getAttribute('placeholder')).toBe('•••• set (type to replace)');
    expect(pageText()).not.toContain('HEADER-SECRET');
    await user.click(within(edit).getByRole('button', { name: 'Cancel' }));
  });
});
