import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { settingAt, strengthSettingProblem } from '../../../shared/db';
import { DEFAULT_STRENGTH_SETTINGS, type StrengthSettings } from '../../../shared/network';
import type { StrengthField } from './strengthFields';

interface Props {
  field: StrengthField;
  settings: StrengthSettings;
  /** Ids of text that describes every entry of this setting (its rationale). */
  describedBy: string;
  /** Saves the value; rejects with a message to show when storage refuses it. */
  onCommit(field: StrengthField, value: StrengthValue): Promise<void>;
}

/** What one setting holds: a number, the Dunbar list, or a switch. */
export type StrengthValue = number | number[] | boolean;

/** The list of Dunbar layers is typed as "5, 15, 50"; a single setting as a number. */
function parse(text: string, isList: boolean): number | number[] | null {
  const parts = isList ? text.split(/[,;\s]+/).filter(Boolean) : [text.trim()];
  if (parts.length === 0 || parts.some((p) => p === '')) return null;
  const numbers = parts.map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return null;
  return isList ? numbers : (numbers[0] as number);
}

/**
 * One setting: its number, unit and default. What is typed is kept as typed until it is committed
 * (blur or Enter); a bad value stays in the box with a message naming the setting, and is not saved.
 */
export function StrengthSettingRow(props: Props) {
  return typeof settingAt(DEFAULT_STRENGTH_SETTINGS, props.field.path) === 'boolean' ? (
    <StrengthSwitchRow {...props} />
  ) : (
    <StrengthNumberRow {...props} />
  );
}

function format(value: unknown): string {
  return typeof value === 'boolean'
    ? value
      ? 'on'
      : 'off'
    : Array.isArray(value)
      ? value.join(', ')
      : String(value);
}

/** Around one setting's control: its default (`${id}-default`) and its error (`${id}-error`). */
function SettingFrame(props: {
  id: string;
  error: string | null;
  changed: boolean;
  fallback: unknown;
  children: ReactNode;
}) {
  const { id, error, changed, fallback } = props;
  return (
    <div className={['strength-setting', error && 'field--invalid'].filter(Boolean).join(' ')}>
      {props.children}
      <span
        id={`${id}-default`}
        className={changed ? 'strength-setting__default is-changed' : 'strength-setting__default'}
      >
        {changed ? `Changed; default ${format(fallback)}` : `Default ${format(fallback)}`}
      </span>
      {error && (
        <p id={`${id}-error`} className="field__error strength-setting__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A setting that is on or off: saved as soon as it is switched. */
function StrengthSwitchRow({ field, settings, describedBy, onCommit }: Props) {
  const id = useId();
  const on = settingAt(settings, field.path) === true;
  const fallback = settingAt(DEFAULT_STRENGTH_SETTINGS, field.path) === true;
  const [error, setError] = useState<string | null>(null);
  const toggle = async (value: boolean) => {
    try {
      await onCommit(field, value);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <SettingFrame id={id} error={error} changed={on !== fallback} fallback={fallback}>
      <label className="strength-setting__label strength-setting__switch" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          aria-label={field.name}
          aria-describedby={[`${id}-default`, error ? `${id}-error` : null, describedBy]
            .filter(Boolean)
            .join(' ')}
          checked={on}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        {field.label}
      </label>
    </SettingFrame>
  );
}

function StrengthNumberRow({ field, settings, describedBy, onCommit }: Props) {
  const id = useId();
  const stored = settingAt(settings, field.path);
  const fallback = settingAt(DEFAULT_STRENGTH_SETTINGS, field.path);
  const isList = Array.isArray(fallback);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? format(stored);
  const changed = format(stored) !== format(fallback);

  const commit = async () => {
    if (draft === null) return;
    if (draft.trim() === format(stored)) {
      setDraft(null);
      setError(null);
      return;
    }
    const value = parse(draft, isList);
    const problem =
      value === null
        ? `must be ${isList ? 'a list of numbers separated by commas' : 'a number'}`
        : strengthSettingProblem(field.path, value, settings);
    if (problem !== null || value === null) {
      setError(`${field.name} ${problem}.`);
      return;
    }
    try {
      await onCommit(field, value);
      setDraft(null);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  };

  return (
    <SettingFrame id={id} error={error} changed={changed} fallback={fallback}>
      <label className="strength-setting__label" htmlFor={id}>
        {field.label}
      </label>
      <span className="strength-setting__control">
        <input
          id={id}
          className="input strength-setting__input"
          type={isList ? 'text' : 'number'}
          step={isList ? undefined : 'any'}
          inputMode={isList ? 'text' : 'decimal'}
          aria-label={field.name}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-default`, error ? `${id}-error` : null, describedBy]
            .filter(Boolean)
            .join(' ')}
          value={text}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={() => void commit()}
          onKeyDown={onKeyDown}
        />
        <span className="strength-setting__unit">{field.unit}</span>
      </span>
    </SettingFrame>
  );
}
