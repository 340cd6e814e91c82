import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup } from '@testing-library/react';
import { installFakeMain } from '../support/fake-main';
import { RoomWelcome } from '../../../renderer/chat/room/RoomWelcome';
import type { KeySummary } from '../../../shared/contract/routes';
import '../../../renderer/app/feature-slots';

const KEY: KeySummary = { id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', hint: '••••2222', source: 'vault', createdAt: 1 };

let answerKeys: (keys: KeySummary[]) => void = () => {};
beforeAll(() => {
  installFakeMain({
    'keys.list': () => new Promise<KeySummary[]>((resolve) => (answerKeys = resolve)),
    'models.list': () => ({ models: [], source: 'bundled', fetchedAt: 1 }),
  });
});
afterEach(cleanup);

describe('a new chat before the keys are known', () => {
  it('shows neither the welcome nor the first run until it knows which one applies', async () => {
    render(<RoomWelcome />);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: 'Talk to many models at once' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Get a first answer' })).toBeNull();
    answerKeys([KEY]);
    expect(await screen.findByRole('heading', { name: 'Talk to many models at once' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Get a first answer' })).toBeNull();
  });
});
