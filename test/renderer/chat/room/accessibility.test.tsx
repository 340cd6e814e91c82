import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { computeAccessibleName } from 'dom-accessibility-api';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { intervalMs } from '../../../../renderer/common/room/live-answers';

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

const CONTROLS = 'button, input:not([type=hidden]):not([hidden]), select, textarea, a[href], [role=option], [tabindex="0"]';

function unnamed(atLeast: number): string[] {
  const controls = [...document.body.querySelectorAll<HTMLElement>(CONTROLS)].filter((el) => !el.closest('[hidden]'));
  expect(controls.length).toBeGreaterThanOrEqual(atLeast);
  return controls.filter((el) => computeAccessibleName(el).trim() === '').map((el) => el.outerHTML.slice(0, 120));
}

describe('accessibility', { timeout: 30_000 }, () => {
  it('every control in a room with answers, settings, picker and code blocks has an accessible name', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('echo: Some **markdown** with [a link](https://example.com)\n\n```js\nconst x = 1;\n```');
    await within(await screen.findByRole('article', { name: 'Answer from beta' }, { timeout: 5000 })).findByRole('button', { name: 'Copy js block' }, { timeout: 5000 });
    await settled(h);
    await screen.findAllByLabelText('Answer details');
    expect(unnamed(25)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Column menu for alpha' }));
    expect(unnamed(25)).toEqual([]);
    await user.click(screen.getByRole('menuitem', { name: 'Column settings for alpha' }));
    await user.click(screen.getByRole('button', { name: 'Edit prompt' }));
    expect(unnamed(35)).toEqual([]);
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByRole('combobox', { name: 'Type a command' }), 'add model{Enter}');
    await screen.findByRole('dialog', { name: 'Add a model' });
    expect(unnamed(45)).toEqual([]);
  });

  it('Ctrl+N opens a new chat with the same models', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('hello');
    await within(await screen.findByRole('article', { name: 'Answer from beta' }, { timeout: 5000 })).findByText(/to "hello"/, {}, { timeout: 5000 });
    await settled(h);
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('region', { name: 'Room: New chat' })).toBeTruthy();
    expect(screen.queryByRole('article', { name: 'Your prompt' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Column alpha' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Column beta' })).toBeTruthy();
  });
});

describe('stream update pacing', () => {
  it('updates each column at most ~20 times a second, slower (√N) as more columns stream', () => {
    expect(intervalMs(1)).toBe(50);
    expect(intervalMs(4)).toBe(100);
    expect(intervalMs(9)).toBe(150);
    expect(intervalMs(16)).toBeGreaterThan(intervalMs(9));
  });
});
