import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeUpstream, type FakeUpstream } from '../../fakes';
import { startFakeOpenRouterAccount, sampleKeyData, type FakeOpenRouterAccount } from '../../fakes/openrouter-account';

// One fake OpenRouter at one base URL, as the real one is: chat completions from the fake provider server, and
// the account API (/generation, /credits, /key) from the fake account, behind a small router that forwards each
// request by path.

export interface FakeOpenRouter {
  url: string; // http://127.0.0.1:<port>/api/v1
  chat: FakeUpstream;
  account: FakeOpenRouterAccount;
  close(): Promise<void>;
}

const ACCOUNT_PATHS = /^\/api\/v1\/(generation|credits|key|auth\/key)(\?|$)/;

export async function startFakeOpenRouter(key: string): Promise<FakeOpenRouter> {
  const chat = await startFakeUpstream('openrouter', { requireKey: key });
  const account = await startFakeOpenRouterAccount({ keys: { [key]: { credits: { total_credits: 50, total_usage: 1.5 }, key: sampleKeyData() } } });
  const target = (path: string) => new URL(ACCOUNT_PATHS.test(path) ? account.baseUrl : chat.url);
  const server: Server = createServer((req, res) => {
    const t = target(req.url ?? '/');
    const upstream = request(
      { hostname: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: `${t.hostname}:${t.port}` } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    chat,
    account,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await chat.close();
      await account.close();
    },
  };
}
