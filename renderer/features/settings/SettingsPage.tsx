import { useEffect, useState } from 'react';
import { setPreferences } from '../../../shared/db';
import type { AppInfo } from '../../../shared/ipc';
import type { Theme } from '../../../shared/domain/entities';
import { useDb, usePreferences } from '../../db';
import { appInfo } from '../../platform';
import { DataHealthSection } from '../health';
import { SyncSettingsSection } from '../sync';
import { BackupSettingsSection } from '../transfer';
import { useToast, ViewBoundary } from '../../ui';
import { StrengthSettingsSection } from './StrengthSettingsSection';
import './settings.css';

const THEMES: { value: Theme; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: 'Follow the light or dark setting of your computer' },
  { value: 'light', label: 'Light', hint: 'Always light' },
  { value: 'dark', label: 'Dark', hint: 'Always dark' },
];

export function SettingsPage() {
  const db = useDb();
  const toast = useToast();
  const stored = usePreferences()?.theme;
  // The choice shows at once; the stored preference catches up a moment later.
  const [chosen, setChosen] = useState<Theme | null>(null);
  const theme = chosen ?? stored;
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let current = true;
    appInfo().then(
      (value) => current && setInfo(value),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  const choose = (value: Theme) => {
    setChosen(value);
    setPreferences(db, { theme: value }).catch((error: unknown) => {
      setChosen(null);
      toast.show({ tone: 'error', message: `The theme could not be saved: ${String(error)}` });
    });
  };

  return (
    <div className="page settings">
      <header className="page__header">
        <h1 className="page__title">Settings</h1>
      </header>
      <section className="card settings__section">
        <fieldset className="settings__themes">
          <legend className="settings__heading">Appearance</legend>
          {THEMES.map((t) => (
            <label key={t.value} className="settings__theme">
              <input
                type="radio"
                name="theme"
                value={t.value}
                checked={theme === t.value}
                onChange={() => choose(t.value)}
                aria-label={t.label}
                aria-describedby={`theme-hint-${t.value}`}
              />
              <span className={`settings__swatch settings__swatch--${t.value}`} aria-hidden="true" />
              <span className="settings__theme-text">
                <span className="settings__theme-label">{t.label}</span>
                <span className="muted" id={`theme-hint-${t.value}`}>
                  {t.hint}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      </section>
      {/* Each section stands alone: Settings must keep working (sync, backups, Data health) whatever fails. */}
      <ViewBoundary what="the tie strength settings">
        <StrengthSettingsSection />
      </ViewBoundary>
      <ViewBoundary what="the sync settings">
        <SyncSettingsSection />
      </ViewBoundary>
      <ViewBoundary what="the backup settings">
        <BackupSettingsSection />
      </ViewBoundary>
      <ViewBoundary what="Data health">
        <DataHealthSection />
      </ViewBoundary>
      <section className="card settings__section" aria-labelledby="about-heading">
        <h2 id="about-heading" className="settings__heading">
          About Kith
        </h2>
        <p>{!info ? '…' : info.platform === 'web' ? describeWeb(info.version) : `Version ${info.version}`}</p>
        <p className="muted">
          Your journal is stored on this device, and sent only to the sync server you set up. Kith sends
          nothing else anywhere.
        </p>
      </section>
    </div>
  );
}

/** The browser build knows its version only when the build stamped it in. */
function describeWeb(version: string): string {
  return version === 'web' ? 'Running in the browser' : `Version ${version}, running in the browser`;
}
