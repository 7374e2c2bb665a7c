import { useId } from 'react';

interface Props {
  legend: string;
  value: number;
  onChange(value: number): void;
  /** Labels for 1..max; index 0 is the "not rated" choice. */
  labels: readonly string[];
}

/** A radio group shown as a segmented control: native radios keep arrow-key behaviour. */
export function RatingField({ legend, value, onChange, labels }: Props) {
  const name = useId();
  return (
    <fieldset className="field rating">
      <legend className="field__label">{legend}</legend>
      <div className="rating__options">
        {labels.map((label, rating) => (
          <label key={rating} className="rating__option" title={label}>
            <input
              type="radio"
              name={name}
              value={rating}
              checked={value === rating}
              onChange={() => onChange(rating)}
              aria-label={rating === 0 ? label : `${rating} – ${label}`}
            />
            <span aria-hidden="true">{rating === 0 ? '–' : rating}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
