import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../../../electron/engine/providers/registry';
import { adapterRequest } from '../support/replay';

// "Make it blue": an earlier answer's images go back as image input. Anthropic takes images from the user only, so
// they lead the next user message as base64 image blocks (the assistant turn keeps its text).

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('Anthropic: an earlier answer\'s images', () => {
  it('are sent as image blocks at the start of the next user message', () => {
    const req = adapterRequest('anthropic', {
      messages: [
        { role: 'user', content: 'draw a cat' },
        { role: 'assistant', content: 'Here.', images: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } }] },
        { role: 'user', content: 'make it blue' },
      ],
    });
    const body = JSON.parse(adapterFor('anthropic').buildRequest(req).body!) as { messages: { role: string; content: unknown }[] };
    expect(body.messages).toHaveLength(3);
    expect(JSON.stringify(body.messages[1])).not.toContain(PNG);
    expect(body.messages[1]!.role).toBe('assistant');
    expect(body.messages[2]).toEqual({
      role: 'user',
      content: [
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
        { type: 'text', text: 'make it blue' },
      ],
    });
  });
});
