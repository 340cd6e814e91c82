import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within, waitFor, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, settled, type Harness } from '../../support/room-harness';
import type { ModelSummary } from '../../../../shared/contract/models';
import type { ContentPart } from '../../../../shared/openrouter/chat-request';

const model = (over: Partial<ModelSummary> & { id: string }): ModelSummary => ({
  name: over.id, provider: over.id.split('/')[0]!, contextLength: 128_000, inputModalities: ['text'], outputModalities: ['text'],
  promptUsdPerMTok: 1, completionUsdPerMTok: 2, isFree: false, supportsReasoning: false, supportsTools: false, servedBy: ['OpenRouter'], servedByIds: ['openrouter'], pricing: null, ...over,
});

const MODELS: ModelSummary[] = [
  model({ id: 'anthropic/claude-sonnet-4.5', name: 'Anthropic: Claude Sonnet 4.5', contextLength: 1_000_000, inputModalities: ['text', 'image', 'file'], promptUsdPerMTok: 3, completionUsdPerMTok: 15, supportsReasoning: true, supportsTools: true, servedBy: ['OpenRouter', 'Anthropic'] }),
  model({ id: 'meta-llama/llama-3.3-70b-instruct:free', name: 'Meta: Llama 3.3 70B (free)', isFree: true, promptUsdPerMTok: 0, completionUsdPerMTok: 0 }),
  model({ id: 'openai/gpt-4o-mini', name: 'OpenAI: GPT-4o mini', inputModalities: ['text', 'image'], promptUsdPerMTok: 0.15, completionUsdPerMTok: 0.6, supportsTools: true, servedBy: ['OpenRouter', 'OpenAI'] }),
  model({ id: 'test/textonly', name: 'Text Only' }),
];

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000, models: MODELS });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

describe('composer', { timeout: 30_000 }, () => {
  it('Enter sends, Shift+Enter is a new line, an empty prompt cannot be sent', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    const box = (await screen.findByRole('textbox', { name: 'Prompt' })) as HTMLTextAreaElement;
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    const before = h.requests.length;
    await user.type(box, 'line one{Shift>}{Enter}{/Shift}line two');
    expect(box.value).toBe('line one\nline two');
    expect(h.requests.length).toBe(before);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(h.requests.length).toBe(before + 1));
    expect(h.requests[before]!.messages).toEqual([{ role: 'user', content: 'line one\nline two' }]);
    expect(box.value).toBe('');
    await settled(h);
  });

  it('attaches an image and a text file: the image goes as an image_url part, the text inline; columns that cannot see images say so', async () => {
    const user = userEvent.setup();
    openRoomWith(['openai/gpt-4o-mini', 'test/textonly']);
    const input = await screen.findByLabelText('Choose files to attach');
    const png = new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'dot.png', { type: 'image/png' });
    const notes = new File(['remember the milk'], 'notes.txt', { type: 'text/plain' });
    await user.upload(input as HTMLInputElement, [png, notes]);
    const chips = await screen.findByRole('list', { name: 'Attachments to send' });
    expect(await within(chips).findByText('dot.png')).toBeTruthy();
    expect(await within(chips).findByText('notes.txt')).toBeTruthy();
    const warnings = screen.getByRole('alert', { name: 'Attachment warnings' });
    expect(warnings.textContent).toContain('textonly does not accept images');
    expect(warnings.textContent).not.toContain('gpt-4o-mini');
    const before = h.requests.length;
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'What is this?{Enter}');
    await waitFor(() => expect(h.requests.length).toBe(before + 2));
    const req = h.requests.slice(before).find((r) => r.model === 'openai/gpt-4o-mini')!;
    const parts = req.messages[0]!.content as ContentPart[];
    expect(parts[0]).toEqual({ type: 'text', text: expect.stringContaining('What is this?') });
    expect((parts[0] as { text: string }).text).toContain('remember the milk');
    expect(parts[1]).toEqual({ type: 'image_url', image_url: { url: expect.stringMatching(/^data:image\/png;base64,/) } });
    await settled(h);
    expect(within(screen.getByRole('list', { name: 'Attachments' })).getByText('dot.png')).toBeTruthy();
  });

  it('takes images pasted into the prompt and files dropped on the composer', async () => {
    openRoomWith(['openai/gpt-4o-mini']);
    const box = await screen.findByRole('textbox', { name: 'Prompt' });
    const png = new File([new Uint8Array([137, 80, 78, 71])], 'pasted.png', { type: 'image/png' });
    fireEvent.paste(box, { clipboardData: { files: [png], getData: () => '' } });
    const chips = await screen.findByRole('list', { name: 'Attachments to send' });
    expect(await within(chips).findByText('pasted.png')).toBeTruthy();
    const pdf = new File(['%PDF-1.4'], 'paper.pdf', { type: 'application/pdf' });
    fireEvent.drop(box.closest('.composer')!, { dataTransfer: { files: [pdf] } });
    expect(await within(chips).findByText('paper.pdf')).toBeTruthy();
    // gpt-4o-mini takes images but not files: say so before sending
    expect((await screen.findByRole('alert', { name: 'Attachment warnings' })).textContent).toContain('gpt-4o-mini does not read PDFs natively');
  });

  it('refuses files it cannot send', async () => {
    const user = userEvent.setup({ applyAccept: false });
    openRoomWith(['test/alpha']);
    const input = await screen.findByLabelText('Choose files to attach');
    await user.upload(input as HTMLInputElement, new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/only images .* PDFs and text files/);
  });
});

describe('model picker and column settings', { timeout: 30_000 }, () => {
  it('Ctrl+K opens a fuzzy, filterable picker showing prices, context and who serves each model', async () => {
    const user = userEvent.setup();
    openRoomWith([]);
    await screen.findByRole('heading', { name: 'Talk to many models at once' });
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Add a model' });
    const list = await within(dialog).findByRole('listbox', { name: 'Models' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(4));
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search models' }), 'sonet');
    const claude = within(list).getByRole('button', { name: /Claude Sonnet 4.5/ });
    expect(claude.textContent).toContain('$3.00 in / $15.00 out per 1M');
    expect(claude.textContent).toContain('1M ctx');
    expect(claude.textContent).toContain('served by OpenRouter, Anthropic');
    await user.clear(within(dialog).getByRole('searchbox', { name: 'Search models' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'free' }));
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(1));
    expect(within(list).getByText('Meta: Llama 3.3 70B (free)')).toBeTruthy();
    await user.click(within(dialog).getByRole('checkbox', { name: 'free' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'image input' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'tools' }));
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Min context' }), '1000000');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(1));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('group', { name: 'Column claude-sonnet-4.5' })).toBeTruthy();
    // the same model may be added twice
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByRole('searchbox', { name: 'Search models' }), 'anthropic/claude-sonnet-4.5');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('group', { name: 'Column claude-sonnet-4.5 #2' })).toBeTruthy();
  });

  it('sends each column’s own settings: system prompt, temperature, max tokens, reasoning, variant, provider preferences', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/alpha']);
    await user.click(await screen.findByRole('button', { name: 'Column menu for alpha #2' }));
    await user.click(screen.getByRole('menuitem', { name: 'Column settings for alpha #2' }));
    const form = screen.getByRole('form', { name: 'Settings form for alpha #2' });
    await user.type(within(form).getByLabelText('System prompt'), 'Be terse.');
    await user.type(within(form).getByLabelText('Temperature'), '0.2');
    await user.type(within(form).getByLabelText('Max tokens'), '300');
    await user.selectOptions(within(form).getByLabelText('Reasoning effort'), 'high');
    await user.selectOptions(within(form).getByLabelText('Variant'), 'nitro');
    await user.type(within(form).getByLabelText('Order (comma-separated)'), 'groq, together');
    await user.type(within(form).getByLabelText('Ignore'), 'azure');
    await user.selectOptions(within(form).getByLabelText('Sort'), 'latency');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('group', { name: 'Column alpha:nitro' })).toBeTruthy();
    const before = h.requests.length;
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'Hi{Enter}');
    await waitFor(() => expect(h.requests.length).toBe(before + 2));
    const [plain, tuned] = [h.requests[before]!, h.requests[before + 1]!].sort((a, b) => a.model!.length - b.model!.length);
    expect(plain).toEqual({ model: 'test/alpha', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    expect(tuned).toEqual({
      model: 'test/alpha:nitro',
      messages: [{ role: 'system', content: 'Be terse.' }, { role: 'user', content: 'Hi' }],
      stream: true,
      temperature: 0.2,
      max_tokens: 300,
      reasoning: { effort: 'high' },
      provider: { order: ['groq', 'together'], ignore: ['azure'], sort: 'latency' },
    });
    await settled(h);
  });
});
