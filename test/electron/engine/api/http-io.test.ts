import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BodyTooLarge, readBody } from '../../../../electron/engine/api/http-io';

const incoming = (headers: Record<string, string>) => Object.assign(new PassThrough(), { headers }) as unknown as IncomingMessage & PassThrough;
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);

describe('readBody', () => {
  it('has the body as soon as Content-Length bytes arrived, without waiting for the end of the stream', async () => {
    const body = '{"model":"a/b","messages":[{"role":"user","content":"héllo"}]}';
    const req = incoming({ 'content-length': String(Buffer.byteLength(body)) });
    const read = readBody(req, 1024);
    const bytes = Buffer.from(body);
    req.write(bytes.subarray(0, 20));
    req.write(bytes.subarray(20)); // split inside nothing in particular; the stream is never ended
    expect(await within(read, 200)).toBe(body);
  });

  it('waits for the end when there is no Content-Length (chunked)', async () => {
    const req = incoming({});
    const read = readBody(req, 1024);
    req.write('{"a":');
    expect(await within(read, 50)).toBe('pending');
    req.end('1}');
    expect(await read).toBe('{"a":1}');
  });

  it('an empty body with Content-Length 0 resolves at the end', async () => {
    const req = incoming({ 'content-length': '0' });
    const read = readBody(req, 1024);
    req.end();
    expect(await read).toBe('');
  });

  it('refuses a body over the limit', async () => {
    const req = incoming({ 'content-length': '2000' });
    const read = readBody(req, 1000);
    req.write(Buffer.alloc(1500, 'a'));
    await expect(read).rejects.toBeInstanceOf(BodyTooLarge);
  });
});
