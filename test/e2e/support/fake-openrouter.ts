import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeUpstream, type FakeUpstream } from '../../fakes';
import { startFakeOpenRouterAccount, sampleKeyData, type FakeOpenRouterAccount } from '../../fakes/openrouter-account';

// One fake OpenRouter on 127.0.0.1, as a user's key sees it: chat completions and /models from the fake
// upstream, /credits, /key and /generation from the fake account API, both under the same /api/v1.

export interface FakeOpenRouter {
  /** the base URL, http://127.0.0.1:<port>/api/v1 */
  url: string;
  upstream: FakeUpstream;
  account: FakeOpenRouterAccount;
  close(): Promise<void>;
}

const ACCOUNT_PATHS = /^\/api\/v1\/(credits|key|auth\/key|generation)(\?|$)/;

export async function startFakeOpenRouter(apiKey: string, credits = { total_credits: 25, total_usage: 4.5 }): Promise<FakeOpenRouter> {
  const upstream = await startFakeUpstream('openrouter', { requireKey: apiKey });
  const account = await startFakeOpenRouterAccount({ keys: { [apiKey]: { credits, key: sampleKeyData() } } });
  const targets = { upstream: new URL(upstream.url), account: new URL(account.baseUrl) };
  const server: Server = createServer((req, res) => {
    const target = ACCOUNT_PATHS.test(req.url ?? '') ? targets.account : targets.upstream;
    const forward = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    upstream,
    account,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await upstream.close();
      await account.close();
    },
  };
}
