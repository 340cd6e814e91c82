// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage } from '../../../../renderer/history/db/messages';
import { buildChatRequest } from '../../../../renderer/chat/state/request';
import { answerImagesForModel, withAnswerImageData } from '../../../../renderer/chat/images/answer-images-in-context';
import { adapterFor } from '../../../../electron/engine/providers/registry';
import { adapterRequest } from '../../../electron/engine/providers/support/replay';
import type { MessageRow } from '../../../../renderer/history/db/types';
import type { ModelSummary } from '../../../../shared/contract/models';

// "Make it blue": the previous answer's stored images go back with the next prompt as image inputs, to models that
// take images; each upstream receives them in its own format.

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const URL_A = `data:image/png;base64,${PNG}`;
const column = { id: 'colA', model: 'google/gemini-2.5-flash-image', settings: {} };
const seesImages = { inputModalities: ['text', 'image'] } as ModelSummary;
const textOnly = { inputModalities: ['text'] } as ModelSummary;

async function history(): Promise<MessageRow[]> {
  const conv = await newConversation('edit');
  const u1 = await appendUserMessage(conv.id, { content: 'draw a cat' });
  const a = await createAssistantMessage(conv.id, { parentId: u1.id, columnId: 'colA', model: { requested: column.model } });
  await finalizeAssistantMessage(a.id, { status: 'done', content: 'Here.', images: [URL_A] });
  const u2 = await appendUserMessage(conv.id, { content: 'make it blue', parentId: u1.id });
  return [u1, (await getMessage(a.id))!, u2];
}

async function nextRequest(model: ModelSummary) {
  const sent = await history();
  return answerImagesForModel(buildChatRequest(column, sent, await withAnswerImageData(sent, new Map())), model);
}

describe('the previous answer\'s images in the next prompt', () => {
  it('go back on the answer in OpenRouter\'s shape to a model that takes images', async () => {
    await freshDb();
    const req = await nextRequest(seesImages);
    expect(req.messages[1]).toEqual({ role: 'assistant', content: 'Here.', images: [{ type: 'image_url', image_url: { url: URL_A } }] });
    // OpenRouter (chat completions) takes them as image_url parts of the next user message
    const body = JSON.parse(adapterFor('openrouter').buildRequest(adapterRequest('openrouter', req)).body!) as { messages: unknown[] };
    expect(body.messages[2]).toEqual({ role: 'user', content: [{ type: 'image_url', image_url: { url: URL_A } }, { type: 'text', text: 'make it blue' }] });
  });

  it('reach a Gemini upstream as the model turn\'s inline data and an Anthropic upstream as a user image block', async () => {
    await freshDb();
    const req = await nextRequest(seesImages);
    const gemini = JSON.parse(adapterFor('gemini').buildRequest(adapterRequest('gemini', req)).body!) as { contents: unknown[] };
    expect(gemini.contents[1]).toEqual({ role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: PNG } }, { text: 'Here.' }] });
    const anthropic = JSON.parse(adapterFor('anthropic').buildRequest(adapterRequest('anthropic', req)).body!) as { messages: { content: unknown }[] };
    expect(anthropic.messages[2]!.content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
      { type: 'text', text: 'make it blue' },
    ]);
  });

  it('are left out for a model that takes no image input', async () => {
    await freshDb();
    const req = await nextRequest(textOnly);
    expect(req.messages[1]).toEqual({ role: 'assistant', content: 'Here.' });
    expect(JSON.stringify(req)).not.toContain('base64');
  });
});
