import { describe, it, expect, beforeAll } from 'vitest';
import { render, screen, cleanup } from '@testing-library/react';
import { installFakeMain } from '../support/fake-main';
import { useRouteValue } from '../../../renderer/bridge/use-route-value';
import { afterTeardown } from '../support/after-teardown';

// Every settings section loads what it shows through useRouteValue: an answer that arrives after the section is
// closed must not update it (with the page, or a test's window, gone that update throws).

let main: ReturnType<typeof installFakeMain>;
beforeAll(() => {
  main = installFakeMain();
});

function Version() {
  const { value, error } = useRouteValue('app.info', {});
  return <p>{error ?? (value ? `version ${value.version}` : 'loading')}</p>;
}

/** Holds main's answer to app.info until released; `asked` resolves once the page asked. */
function holdAppInfo(answer: () => unknown) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const asked = new Promise<void>((askedNow) => {
    main.handlers['app.info'] = async () => {
      askedNow();
      await released;
      return answer();
    };
  });
  return { asked, release };
}

describe('useRouteValue', () => {
  it('shows the value main answers', async () => {
    main.handlers['app.info'] = () => ({ version: '1.2.3', transport: 'electron' });
    render(<Version />);
    expect(await screen.findByText('version 1.2.3')).toBeTruthy();
  });

  it('drops an answer that comes after the component is gone', async () => {
    const held = holdAppInfo(() => ({ version: '1.2.3', transport: 'electron' }));
    render(<Version />);
    await held.asked;
    cleanup();
    expect(await afterTeardown(held.release)).toEqual([]);
  });

  it('drops a refusal that comes after the component is gone', async () => {
    const held = holdAppInfo(() => {
      throw new Error('main is shutting down');
    });
    render(<Version />);
    await held.asked;
    cleanup();
    expect(await afterTeardown(held.release)).toEqual([]);
  });
});
