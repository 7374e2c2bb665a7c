import { useState } from 'react';
import {
  resetStrengthSettings,
  setStrengthSettings,
  settingAt,
  STRENGTH_SETTING_PATHS,
} from '../../../shared/db';
import { DEFAULT_STRENGTH_SETTINGS, SETTING_RATIONALE, type StrengthSettings } from '../../../shared/network';
import { useDb } from '../../db';
import { Button, useToast } from '../../ui';
import { useUndo } from '../undo';
import { STRENGTH_GROUPS, type StrengthField, type StrengthTopic } from './strengthFields';
import { LearnedStrengthPanel } from './LearnedStrengthPanel';
import { StrengthSettingRow, type StrengthValue } from './StrengthSettingRow';
import { useStrengthSettings } from './useStrengthSettings';
import './strengthSettings.css';

function changedCount(settings: StrengthSettings): number {
  return STRENGTH_SETTING_PATHS.filter(
    (p) => JSON.stringify(settingAt(settings, p)) !== JSON.stringify(settingAt(DEFAULT_STRENGTH_SETTINGS, p)),
  ).length;
}

/** Builds the sparse change for one setting (`channelWeights.video` → `{ channelWeights: { video } }`). */
function changeFor(path: string, value: StrengthValue): Record<string, unknown> {
  const [key, entry] = path.split('.') as [string, string | undefined];
  return entry === undefined ? { [key]: value } : { [key]: { [entry]: value } };
}

/**
 * The tie strength model's settings: every weight, half-life and threshold, with its default and
 * why it is what it is. Each edit is saved when it is committed and can be undone like any change.
 */
export function StrengthSettingsSection() {
  const db = useDb();
  const undo = useUndo();
  const toast = useToast();
  const settings = useStrengthSettings();
  const [resetting, setResetting] = useState(false);

  const commit = async (field: StrengthField, value: StrengthValue) => {
    const change = await setStrengthSettings(db, changeFor(field.path, value), `Change “${field.name}”`);
    if (change) undo.record(change);
  };

  const reset = async () => {
    setResetting(true);
    try {
      const change = await resetStrengthSettings(db);
      if (change) undo.record(change);
    } catch (error) {
      toast.show({ tone: 'error', message: `The settings could not be reset: ${String(error)}` });
    } finally {
      setResetting(false);
    }
  };

  const changed = settings ? changedCount(settings) : 0;
  return (
    <section className="card settings__section strength-settings" aria-labelledby="strength-settings-heading">
      <h2 id="strength-settings-heading" className="settings__heading">
        Tie strength
      </h2>
      <p className="muted">
        The numbers behind each tie’s strength, the map and Keep in touch. The defaults come from research on
        how ties grow and fade; change one to fit how you keep in touch. A change is saved when you leave the
        box or press Enter, and the map is redrawn with it.
      </p>
      <div className="strength-settings__actions">
        <Button onClick={() => void reset()} disabled={!settings || changed === 0 || resetting}>
          Reset to defaults
        </Button>
        <span className="muted" aria-live="polite">
          {!settings
            ? 'Loading…'
            : changed === 0
              ? 'All settings are at their defaults.'
              : `${changed} changed.`}
        </span>
      </div>
      {settings &&
        STRENGTH_GROUPS.map((group) => (
          <section
            key={group.id}
            className="strength-settings__group"
            aria-labelledby={`strength-${group.id}`}
          >
            <h3 id={`strength-${group.id}`} className="strength-settings__group-title">
              {group.title}
            </h3>
            <p className="muted">{group.intro}</p>
            {group.panel === 'learned' && <LearnedStrengthPanel settings={settings} />}
            {group.topics.map((topic) => (
              <Topic key={topic.key} topic={topic} settings={settings} onCommit={commit} />
            ))}
          </section>
        ))}
    </section>
  );
}

function Topic({
  topic,
  settings,
  onCommit,
}: {
  topic: StrengthTopic;
  settings: StrengthSettings;
  onCommit(field: StrengthField, value: StrengthValue): Promise<void>;
}) {
  const whyId = `strength-why-${topic.key}`;
  const rows = topic.fields.map((field) => (
    <StrengthSettingRow
      key={field.path}
      field={field}
      settings={settings}
      describedBy={whyId}
      onCommit={onCommit}
    />
  ));
  const why = (
    <p id={whyId} className="strength-settings__why">
      {SETTING_RATIONALE[topic.key]}
    </p>
  );
  if (!topic.title) {
    return (
      <div className="strength-settings__topic">
        {rows}
        {why}
      </div>
    );
  }
  return (
    <fieldset className="strength-settings__topic strength-settings__table">
      <legend className="strength-settings__legend">{topic.title}</legend>
      {why}
      <div className="strength-settings__grid">{rows}</div>
    </fieldset>
  );
}
