import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { isFarFuture, todayString, ValidationError } from '../../../shared/domain/validation';
import type { Encounter } from '../../../shared/domain/entities';
import { OWNER_ID } from '../../../shared/db';
import { useCommunities, useDb, usePeople } from '../../db';
import { Button, FormAlert, hasModKey, shortcutLabel } from '../../ui';
import { useUndo } from '../undo';
import { checkDraft, issuesToErrors, storedValueErrors, toRequest, type FieldErrors } from './checkDraft';
import type { EncounterDraft } from './draft';
import { EncounterFields } from './EncounterFields';
import { namesSummary } from './format';
import { FutureDateConfirm } from './FutureDateConfirm';
import { saveEditedEncounter, saveNewEncounter } from './saveDraft';
import './encounter-form.css';

interface Props {
  initial: EncounterDraft;
  /** Set when editing an existing encounter. */
  encounterId?: string;
  submitLabel: string;
  onSaved(encounter: Encounter): void;
  onCancel(): void;
}

/**
 * The one form for recording and editing an encounter. Everything is checked before anything is
 * written; the save itself is all-or-nothing and goes on the undo stack.
 */
export function EncounterForm({ initial, encounterId, submitLabel, onSaved, onCancel }: Props) {
  const db = useDb();
  const { record } = useUndo();
  const people = usePeople() ?? [];
  const communities = useCommunities() ?? [];
  const [draft, setDraft] = useState(initial);
  // An encounter being edited may hold a stored value the form cannot show: say so at once.
  const [errors, setErrors] = useState<FieldErrors>(() => (encounterId ? storedValueErrors(initial) : {}));
  const [confirmingDate, setConfirmingDate] = useState(false);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const participantsRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);

  useEffect(() => participantsRef.current?.focus(), []);
  useEffect(() => {
    if (focusInvalid) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const set = <K extends keyof EncounterDraft>(field: K, value: EncounterDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (field === 'date') setConfirmingDate(false);
  };

  const save = async (dateConfirmed: boolean) => {
    if (saving) return;
    const request = toRequest(draft, OWNER_ID);
    const found = checkDraft(request);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFocusInvalid((n) => n + 1);
      return;
    }
    if (!dateConfirmed && isFarFuture(draft.date, todayString())) {
      setConfirmingDate(true);
      return;
    }
    setConfirmingDate(false);
    setSaving(true);
    try {
      const names = draft.participants.map((p) => p.name);
      const what = draft.title ? `“${draft.title}”` : `encounter with ${namesSummary(names)}`;
      const result = encounterId
        ? await saveEditedEncounter(db, encounterId, request, `Saved changes to ${what}`)
        : await saveNewEncounter(db, request, `Recorded ${what}`);
      record(result.change);
      onSaved(result.encounter);
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(issuesToErrors(error.issues));
        setFocusInvalid((n) => n + 1);
      } else {
        setErrors({ form: `Nothing was saved: ${error instanceof Error ? error.message : String(error)}` });
      }
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  // Ctrl/Cmd+Enter saves from anywhere in the form, including the notes box.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && hasModKey(event)) {
      event.preventDefault();
      void save(false);
    }
  };

  return (
    <form ref={formRef} className="encounter-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <EncounterFields
        draft={draft}
        errors={errors}
        set={set}
        people={people}
        communities={communities}
        participantsRef={participantsRef}
        dateRef={dateRef}
      />
      <FormAlert message={errors.form} />
      {confirmingDate && (
        <FutureDateConfirm
          date={draft.date}
          onConfirm={() => void save(true)}
          onChangeDate={() => {
            setConfirmingDate(false);
            dateRef.current?.focus();
          }}
        />
      )}
      <div className="form-actions">
        <span className="form-actions__hint">Enter saves · {shortcutLabel('Enter')} from notes</span>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={saving}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
