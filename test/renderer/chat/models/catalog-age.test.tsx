import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeMain } from '../../support/fake-main';
import { CatalogAge, catalogAgeText, catalogIsStale } from '../../../../renderer/common/models/CatalogAge';

const main = installFakeMain();
afterEach(() => cleanup());

describe('catalog age in the model picker', () => {
  it('says where the prices come from and how old they are', () => {
    const now = Date.UTC(2026, 10, 22, 12);
    expect(catalogAgeText('bundled', Date.UTC(2026, 10, 19), now)).toMatch(/^Prices: bundled snapshot from .* · 3 days old$/);
    expect(catalogAgeText('live', now - 5 * 3_600_000, now)).toMatch(/fetched from OpenRouter .* · 5 h old$/);
    expect(catalogAgeText('cache', now - 60_000, now)).toMatch(/less than an hour old$/);
    expect(catalogAgeText('none', null, now)).toBe('Prices: no catalog');
  });

  it('refreshes on demand and says why when it keeps the current list', async () => {
    let refreshed = 0;
    main.handlers['models.refresh'] = () => {
      refreshed++;
      return { models: [], source: 'bundled', fetchedAt: 1, problem: 'could not refresh the model list (offline or unreachable)' };
    };
    main.handlers['models.list'] = () => ({ models: [], source: 'bundled', fetchedAt: 1 });
    let reloaded = 0;
    render(<CatalogAge source="bundled" fetchedAt={Date.now() - 3_600_000 * 30} onRefreshed={() => reloaded++} />);
    expect(screen.getByLabelText('Catalog age').textContent).toMatch(/bundled snapshot from .* · 30 h old/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText(/Kept the current list: could not refresh the model list \(offline or unreachable\)/)).toBeTruthy();
    expect(refreshed).toBe(1);
    expect(reloaded).toBe(1);
  });

  it('warns when the prices are over 30 days old', () => {
    const { rerender } = render(<CatalogAge source="cache" fetchedAt={Date.now() - 31 * 86_400_000} onRefreshed={() => {}} />);
    expect(screen.getByRole('status').textContent).toContain('over 30 days old: prices may have changed since.');
    rerender(<CatalogAge source="cache" fetchedAt={Date.now() - 29 * 86_400_000} onRefreshed={() => {}} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(catalogIsStale(Date.UTC(2026, 10, 1), Date.UTC(2026, 11, 2))).toBe(true);
  });
});
