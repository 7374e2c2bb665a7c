import { useState, type FormEvent } from 'react';
import { CSV_FIELDS, type CsvField, type CsvMapping } from '../../../../shared/transfer';
import { Button, FormAlert } from '../../../ui';
import type { CsvColumns } from './readImport';

const FIELD_LABELS: Record<CsvField, string> = {
  ignore: 'Leave out',
  name: 'Full name',
  prefix: 'Name prefix (Dr, Ms…)',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  suffix: 'Name suffix (Jr, PhD…)',
  alias: 'Nickname or other name',
  organisation: 'Organisation',
  role: 'Role or job title',
  email: 'Email',
  phone: 'Phone',
  link: 'Link (website, profile)',
  address: 'Address',
  birthday: 'Birthday',
  notes: 'Notes',
  tags: 'Tags',
};

const NAMING: CsvField[] = ['name', 'firstName', 'lastName', 'organisation', 'email'];

export interface CsvChoice {
  mapping: CsvMapping;
  delimiter: string;
}

interface Props {
  /** Read by the file reader worker from the file's first rows. */
  csv: CsvColumns;
  onNext(choice: CsvChoice): void;
}

/** "Which column is what": Kith's guess per column, with the file's first rows to check it against. */
export function ColumnMappingStep({ csv, onNext }: Props) {
  const [mapping, setMapping] = useState<CsvMapping>(() => (csv.ok ? csv.preview.mapping : []));
  const [tried, setTried] = useState(false);

  if (!csv.ok) return <FormAlert message={csv.message} />;
  const { header, sample, delimiter, headerLine } = csv.preview;
  const problem = mapping.some((f) => NAMING.includes(f))
    ? ''
    : 'Choose at least one column for the name, first or last name, organisation or email, so each person has a name.';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!problem) onNext({ mapping, delimiter });
  };

  return (
    <form
      className="card stack import-step"
      aria-labelledby="import-columns-heading"
      onSubmit={submit}
      noValidate
    >
      <h3 id="import-columns-heading" className="settings__heading">
        What is in each column?
      </h3>
      <p className="muted">
        Kith guessed from the column names on line {headerLine}. Check the guesses against the first rows and
        change any that are wrong; columns you leave out are not imported.
      </p>
      <ul className="list import-columns">
        {header.map((name, i) => (
          <li key={`${i}-${name}`} className="list__item import-columns__row">
            <div className="import-columns__column">
              <span className="import-columns__name">{name || `Column ${i + 1}`}</span>
              <span className="muted import-columns__sample">
                {sample
                  .map((row) => row[i] ?? '')
                  .filter(Boolean)
                  .slice(0, 3)
                  .join(' · ') || 'empty in the first rows'}
              </span>
            </div>
            <select
              className="input select"
              aria-label={`Column “${name || `Column ${i + 1}`}”`}
              value={mapping[i] ?? 'ignore'}
              onChange={(event) => {
                const field = event.currentTarget.value as CsvField;
                setMapping((current) => current.map((f, j) => (j === i ? field : f)));
              }}
            >
              {CSV_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {FIELD_LABELS[field]}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <FormAlert message={tried ? problem : undefined} />
      <div className="row">
        <Button type="submit" variant="primary">
          Show the preview
        </Button>
      </div>
    </form>
  );
}
