import { useMemo, useState, type FormEvent } from 'react';
import { deviceNames$, renameThisDevice, thisDeviceId, MAX_DEVICE_NAME_LENGTH } from '../../../shared/db';
import { useDb, useObservable } from '../../db';
import { Button, TextField, useToast } from '../../ui';

/**
 * Settings › Sync › This device: the name the other devices know this one by (it syncs with the
 * journal), used where sync keeps both sides of an edit made on two devices at once.
 */
export function DeviceNameForm() {
  const db = useDb();
  const toast = useToast();
  const id = useMemo(() => thisDeviceId(db), [db]);
  const names = useObservable(useMemo(() => deviceNames$(db), [db]));
  const saved = names?.get(id) ?? '';
  // null: show the saved name, which may still arrive (this device is named on start) or change by sync.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const value = draft ?? saved;

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await renameThisDevice(db, value);
      setDraft(null);
      toast.show({ message: `This device is now called “${value.trim()}”.` });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="sync-settings__device"
      aria-label="This device"
      onSubmit={(event) => void rename(event)}
      noValidate
    >
      <TextField
        label="This device"
        value={value}
        maxLength={MAX_DEVICE_NAME_LENGTH}
        autoComplete="off"
        error={error}
        hint="The name your other devices use for this one, for example in the note kept when the same text was edited on two devices at once."
        onChange={(event) => {
          setDraft(event.target.value);
          setError(undefined);
        }}
      />
      <Button type="submit" disabled={saving}>
        Rename
      </Button>
    </form>
  );
}
