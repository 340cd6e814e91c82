import type { ReactNode } from 'react';
import { useUi } from '../../common/ui-store';
import { KeysPanel } from './KeysPanel';
import { AnswerSettingsSection } from './AnswerSettingsSection';
import { TitleModelSetting } from '../../history/folders/titles/TitleModelSetting';
import { LocalApiSection } from './local-api/LocalApiSection';
import { ToolsSection } from './tools/ToolsSection';
import { BudgetSettingsSection } from '../../money/budgets/BudgetSettingsSection';
import { FeeSettingsSection } from '../../money/fees/FeeSettingsSection';
import { StorageSection } from '../../history/storage/StorageSection';
import { TransferSection } from '../../history/transfer/ui/TransferSection';
import { SettingsNav } from './frame/SettingsNav';
import { ModelsSection } from './frame/ModelsSection';
import { AboutSection } from './frame/AboutSection';
import { DEFAULT_SETTINGS_SECTION, type SettingsSectionId } from '../../common/settings-sections';
import './frame/settings-frame.css';

const PAGES: Record<SettingsSectionId, () => ReactNode> = {
  providers: () => <KeysPanel />,
  models: () => <ModelsSection />,
  answers: () => (
    <>
      <AnswerSettingsSection />
      <TitleModelSetting />
    </>
  ),
  tools: () => <ToolsSection />,
  'local-api': () => <LocalApiSection />,
  money: () => (
    <>
      <BudgetSettingsSection />
      <FeeSettingsSection />
    </>
  ),
  storage: () => (
    <>
      <StorageSection />
      <TransferSection />
    </>
  ),
  about: () => <AboutSection />,
};

/** Settings: the section list on the left, one section's page on the right. */
export function SettingsView() {
  const view = useUi((s) => s.view);
  const openSettings = useUi((s) => s.openSettings);
  const section = view.kind === 'settings' ? view.section : DEFAULT_SETTINGS_SECTION;
  return (
    <div className="settings-frame">
      <div className="settings-side">
        <h1>Settings</h1>
        <SettingsNav current={section} onOpen={openSettings} />
      </div>
      <div className="settings">{PAGES[section]()}</div>
    </div>
  );
}
