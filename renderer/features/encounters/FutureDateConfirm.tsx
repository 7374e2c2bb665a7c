import { useEffect, useRef } from 'react';
import { Button } from '../../ui';
import { formatDayLong } from './format';

interface Props {
  date: string;
  onConfirm(): void;
  onChangeDate(): void;
}

/** A date far ahead is usually a typo (2062 for 2026), so saving it takes one deliberate extra step. */
export function FutureDateConfirm({ date, onConfirm, onChangeDate }: Props) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div className="form-confirm" role="alert">
      <p>
        <strong>{formatDayLong(date)}</strong> is more than 30 days from today. Is that the right date?
      </p>
      <div className="row">
        <Button variant="primary" size="sm" ref={confirmRef} onClick={onConfirm}>
          Save with this date
        </Button>
        <Button size="sm" onClick={onChangeDate}>
          Change the date
        </Button>
      </div>
    </div>
  );
}
