import { afterEach, describe, expect, it } from 'vitest';
import { createStreamManager } from '../../../../electron/backend/chat/stream-manager';
import type { ChatEngine } from '../../../../electron/backend/chat/chat-engine';
import type { ChatRequest } from '../../../../shared/openrouter/chat-request';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import type { StreamSnapshot } from '../../../../shared/contract/chat';
import { resolveOfferedTools } from '../../../../shared/tools/tool-selection';
import { createRoomApprovals } from '../../../../electron/tools/loop/room-approvals';
import { resultImages } from '../../../../electron/tools/mcp/result-images';
import { PIXEL_PNG } from '../../../fakes/mcp/fake-tools';
import { addConfirmedStdio, newManager } from './support';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('images in a tool result', () => {
  it('reach the step’s result as data: URLs (PNG only here, at most 4) while the model gets their description', async () => {
    const m = newManager();
    cleanups.push(() => m.manager.close());
    const server = await m.manager.start((await addConfirmedStdio(m.manager, 'Fake')).id);
    const offered = resolveOfferedTools({ servers: [server.id], tools: [] }, [server]);
    const approvals = createRoomApprovals();
    approvals.allowAlways('room', server.id, 'picture');
    const requests: ChatRequest[] = [];
    const engine: ChatEngine = {
      async chat(req, opts) {
        requests.push(structuredClone(req));
        const rec = { id: `gen-${requests.length}`, costMicros: 1, durationMs: 1, tokens: null, finishReason: 'stop' } as unknown as GenerationRecord;
        await opts.onEvent({ type: 'start', id: rec.id, created: 0, model: 'fake/a', provider: 'Fake' });
        if (requests.length === 1) await opts.onEvent({ type: 'tool_call', index: 0, id: 'c1', name: 'picture', argumentsDelta: '{}' });
        else await opts.onEvent({ type: 'text', text: 'A picture.' });
        return { record: rec };
      },
    };
    let done!: (s: StreamSnapshot) => void;
    const finished = new Promise<StreamSnapshot>((r) => (done = r));
    const streams = createStreamManager(engine, { delta: () => undefined, finished: (s) => done(s) }, {
      flushMs: 5,
      tools: { callTool: m.manager.callTool, approvals },
    });
    cleanups.push(() => streams.close());
    streams.start('images-1', { conversationId: 'room', messageId: 'm', columnId: 'col' }, { model: 'fake/a', messages: [{ role: 'user', content: 'draw' }] }, { offered });
    const snap = await finished;

    expect(snap.status).toBe('done');
    const result = snap.toolSteps![0]!.calls[0]!.result!;
    expect(result.images).toEqual(
      [1, 2, 3, 4].map((n) => ({ url: `data:image/png;base64,${PIXEL_PNG}`, alt: `Image ${n} returned by picture` })),
    );
    expect(result.imagesSkipped).toBe(3); // the SVG and the PNGs over the count
    const toModel = requests[1]!.messages.find((msg) => msg.role === 'tool')!;
    expect(JSON.stringify(toModel)).not.toContain('data:');
    expect(toModel.content).toContain('Here is the picture.\n[image image/png, ');
  });

  it('leaves out an image over 2 MB, of another type, or that is not base64', () => {
    const big = 'A'.repeat(Math.ceil(((2 * 1024 * 1024 + 3) * 4) / 3));
    const out = resultImages(
      [
        { type: 'image', mimeType: 'image/jpeg', data: big },
        { type: 'image', mimeType: 'image/svg+xml', data: PIXEL_PNG },
        { type: 'image', mimeType: 'image/png', data: 'not base64 <script>' },
        { type: 'image', mimeType: 'IMAGE/WEBP', data: PIXEL_PNG },
        { type: 'text', text: 'hi' },
      ],
      'shot',
    );
    expect(out).toEqual({ images: [{ url: `data:image/webp;base64,${PIXEL_PNG}`, alt: 'Image 1 returned by shot' }], skipped: 3 });
  });
});
