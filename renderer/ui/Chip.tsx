import { CloseIcon } from './icons';

interface Props {
  label: string;
  /** When given, the chip has a remove button named "Remove <label>". */
  onRemove?: () => void;
  tone?: 'neutral' | 'accent' | 'new';
}

export function Chip({ label, onRemove, tone = 'neutral' }: Props) {
  return (
    <span className={`chip chip--${tone}`}>
      <span className="chip__label">{label}</span>
      {onRemove && (
        <button type="button" className="chip__remove" aria-label={`Remove ${label}`} onClick={onRemove}>
          <CloseIcon />
        </button>
      )}
    </span>
  );
}
