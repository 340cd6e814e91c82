import { bridge } from '../../bridge';
import { useRouteValue } from '../../bridge/use-route-value';
import { KeysPanel } from './KeysPanel';
import { AnswerSettingsSection } from './AnswerSettingsSection';
import { LocalApiSection } from './local-api/LocalApiSection';
import { ToolsSection } from './tools/ToolsSection';
import { BudgetSettingsSection } from '../../money/budgets/BudgetSettingsSection';
import { FeeSettingsSection } from '../../money/fees/FeeSettingsSection';
import { StorageSection } from '../../history/storage/StorageSection';
import { TransferSection } from '../../history/transfer/ui/TransferSection';
import type { AppSettings } from '../../../shared/contract/routes';

export function SettingsView() {
  const { value: settings } = useRouteValue('settings.get', {}, 'settings.changed');
  return (
    <div className="settings">
      <h1>Settings</h1>
      <KeysPanel />
      <LocalApiSection />
      <ToolsSection />
      <BudgetSettingsSection />
      <FeeSettingsSection />
      <StorageSection />
      <TransferSection />
      <AnswerSettingsSection />
      <section aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">Appearance</h2>
        <label>
          Theme{' '}
          <select
            aria-label="Theme"
            value={settings?.theme ?? 'system'}
            onChange={(e) => void bridge().invoke('settings.update', { theme: e.target.value as AppSettings['theme'] })}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </section>
    </div>
  );
}
