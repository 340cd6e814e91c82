import type { TestProject } from 'vitest/node';
import { startSharedChromium } from './browser';

/** The e2e project's global setup: one Chromium for every test file instead of one each (a launch costs a
 * second or two of CPU). Files reach it through launchChromium(). Without Chromium, nothing starts here and each
 * file's launchChromium() says what is missing. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  let shared: Awaited<ReturnType<typeof startSharedChromium>>;
  try {
    shared = await startSharedChromium();
  } catch {
    project.provide('chromiumEndpoint', '');
    return undefined;
  }
  project.provide('chromiumEndpoint', shared.endpoint);
  return shared.stop;
}
