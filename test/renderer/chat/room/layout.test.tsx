import { describe, it, expect, beforeAll, beforeEach, afterEach, vi } from 'vitest';
import { screen, cleanup, within, waitFor, act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, reloadPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { App } from '../../../../renderer/app/App';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { getConversation } from '../../../../renderer/history/db/conversations';
import { shownLayout } from '../../../../renderer/chat/room/layout/room-layout';

// The room's layout: chosen with a three-way control in the room bar, stored with the room, and stacked on its own
// when the room is too narrow for two columns side by side.

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
  vi.unstubAllGlobals();
});

const layoutGroup = () => screen.getByRole('radiogroup', { name: 'Layout' });
const radio = (name: string) => within(layoutGroup()).getByRole('radio', { name });
const area = () => document.querySelector<HTMLElement>('.turn-area')!;

describe('which layout is drawn', () => {
  it('keeps the choice while two columns fit, and stacks when they do not', () => {
    expect(shownLayout(undefined, 3, 764, 320)).toEqual({ layout: 'side', auto: false }); // 1024 px with the sidebar: scrolls sideways
    expect(shownLayout('grid', 4, 764, 320)).toEqual({ layout: 'grid', auto: false });
    expect(shownLayout('side', 3, 600, 320)).toEqual({ layout: 'stacked', auto: true });
    expect(shownLayout('grid', 4, 600, 320)).toEqual({ layout: 'stacked', auto: true });
    expect(shownLayout('stacked', 3, 1600, 320)).toEqual({ layout: 'stacked', auto: false });
    expect(shownLayout('side', 1, 300, 320)).toEqual({ layout: 'side', auto: false }); // one column is one column
    expect(shownLayout('side', 3, null, 320)).toEqual({ layout: 'side', auto: false }); // not laid out: as chosen
  });
});

describe('room layout control', { timeout: 30_000 }, () => {
  it('offers three named layouts, draws the one chosen and stores it with the room', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta', 'test/gamma', 'test/delta']);
    expect(within(layoutGroup()).getAllByRole('radio').map((r) => [r.getAttribute('aria-label'), r.getAttribute('title')])).toEqual([
      ['Side by side', 'Side by side'],
      ['Grid, two per row', 'Grid, two per row'],
      ['Stacked', 'Stacked'],
    ]);
    expect(radio('Side by side').getAttribute('aria-checked')).toBe('true');

    // chosen in a new chat: the room is stored with it on its first prompt
    await user.click(radio('Grid, two per row'));
    expect(radio('Grid, two per row').getAttribute('aria-checked')).toBe('true');
    await sendPrompt('Four at once');
    await screen.findAllByRole('article', { name: /^Answer from / });
    expect(area().className).toContain('layout-grid');
    expect(area().style.getPropertyValue('--answer-grid')).toBe('repeat(2, minmax(0, 1fr))');
    await settled(h);
    const id = useRoom.getState().openId!;
    await waitFor(async () => expect((await getConversation(id))?.layout).toBe('grid'));

    // changed in a stored room: written at once, and there after a reload
    await user.click(radio('Stacked'));
    await waitFor(async () => expect((await getConversation(id))?.layout).toBe('stacked'));
    expect(area().className).toContain('layout-stacked');
    cleanup();
    reloadPage();
    render(<App />);
    await waitFor(() => expect(radio('Stacked').getAttribute('aria-checked')).toBe('true'));
    expect(area().className).toContain('layout-stacked');
  });

  it('moves with the arrow keys, as a radio group does', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await user.click(radio('Side by side')); // focus it (it is chosen already)
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(radio('Grid, two per row').getAttribute('aria-checked')).toBe('true'));
    expect(document.activeElement).toBe(radio('Grid, two per row'));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    await waitFor(() => expect(radio('Stacked').getAttribute('aria-checked')).toBe('true'));
  });

  it('stacks the answers on its own when the room is too narrow for two columns, and says so', async () => {
    let width = 1200;
    const observers: (() => void)[] = [];
    vi.stubGlobal('ResizeObserver', class {
      constructor(private cb: (entries: unknown[]) => void) {
        observers.push(() => this.cb([]));
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    });
    const clientWidth = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('room') ? width : 0;
    });
    try {
      openRoomWith(['test/alpha', 'test/beta', 'test/gamma']);
      await sendPrompt('Narrow');
      await screen.findAllByRole('article', { name: /^Answer from / });
      expect(area().className).toContain('layout-side');
      expect(screen.queryByText('Stacked: narrow window')).toBeNull();

      width = 560;
      act(() => observers.forEach((o) => o()));
      expect(area().className).toContain('layout-stacked');
      expect(area().style.getPropertyValue('--answer-grid')).toBe('minmax(0, 1fr)');
      expect(screen.getByText('Stacked: narrow window')).toBeTruthy();
      expect(layoutGroup().getAttribute('aria-describedby')).toBeTruthy();
      // the choice is the user's still: side by side comes back when the room is wide again
      expect(radio('Side by side').getAttribute('aria-checked')).toBe('true');
      width = 1200;
      act(() => observers.forEach((o) => o()));
      expect(area().className).toContain('layout-side');
      await settled(h);
    } finally {
      clientWidth.mockRestore();
    }
  });
});
