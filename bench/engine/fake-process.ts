// A child process serving the fake provider, so a benchmark's main process holds only what it measures.
// Started by ./processes.ts; the parent sends the script once and gets the base URL back.
import { startFakeUpstream, type FakeScript } from '../../test/fakes';

process.once('message', (script: FakeScript) => {
  void startFakeUpstream('openai', { defaultScript: script, keepAliveTimeoutMs: 30_000 }).then((fake) => {
    process.send!({ url: fake.url });
    process.once('disconnect', () => void fake.close().then(() => process.exit(0)));
  });
});
