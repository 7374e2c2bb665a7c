import { useMemo, useState } from 'react';
import {
  summarisePreview,
  type ImportChoices,
  type ImportPreview,
  type RowChoice,
} from '../../../../shared/transfer';
import { Button } from '../../../ui';
import { PreviewList, type PreviewItem } from './PreviewList';
import { ProblemList, previewProblems } from './ProblemList';
import {
  choiceValue,
  ENCOUNTER_OPTIONS,
  encounterName,
  outcomeText,
  parseChoice,
  personDetail,
  personOptions,
  whereInFile,
} from './rowText';
import { summaryText } from './summaryText';

type View = 'decide' | 'people' | 'encounters';

interface Props {
  preview: ImportPreview;
  /** While the import runs: everything stays visible but nothing can change. */
  busy: boolean;
  onImport(choices: ImportChoices): void;
  onCancel(): void;
}

/** Every row of the file with what will happen to it; the user settles each likely duplicate. */
export function PreviewStep({ preview, busy, onImport, onCancel }: Props) {
  const [choices, setChoices] = useState<Record<string, RowChoice>>({});
  const duplicates = useMemo(() => preview.people.filter((row) => row.matches.length > 0), [preview]);
  const [view, setView] = useState<View>(
    duplicates.length > 0 ? 'decide' : preview.people.length > 0 ? 'people' : 'encounters',
  );
  const summary = useMemo(() => summarisePreview(preview, choices), [preview, choices]);
  const problems = useMemo(() => previewProblems(preview), [preview]);

  const choose = (key: string, value: string) =>
    setChoices((current) => ({ ...current, [key]: parseChoice(value) }));

  const items = useMemo((): PreviewItem[] => {
    if (view === 'encounters') {
      return preview.encounters.map((row) => {
        const choice = choices[row.key] ?? row.choice;
        return {
          key: row.key,
          name: encounterName(row),
          detail: row.problem || (row.duplicateOf ? 'Already in your journal' : row.candidate.place),
          where: whereInFile(row.candidate.ref),
          outcome: choice.action === 'create' ? 'New' : 'Skip',
          options: () => ENCOUNTER_OPTIONS,
          value: choiceValue(choice),
          choiceLabel: `What to do with the encounter ${encounterName(row)}`,
          disabled: row.problem !== '' && choice.action === 'skip',
        };
      });
    }
    const rows = view === 'decide' ? duplicates : preview.people;
    return rows.map((row) => {
      const choice = choices[row.key] ?? row.choice;
      const name = row.fields?.name ?? row.candidate.name ?? '';
      return {
        key: row.key,
        name: name || '(no name)',
        detail: row.problem || personDetail(row),
        where: whereInFile(row.candidate.ref),
        outcome: row.fields ? outcomeText(choice) : 'Cannot import',
        options: () => personOptions(row),
        value: choiceValue(choice),
        choiceLabel: `What to do with ${name || `the contact at ${whereInFile(row.candidate.ref)}`}`,
        disabled: row.fields === null,
        warnings: row.warnings.length,
      };
    });
  }, [view, preview, duplicates, choices]);

  const views: { value: View; label: string; size: number }[] = [
    { value: 'decide', label: 'Likely duplicates', size: duplicates.length },
    { value: 'people', label: 'People', size: preview.people.length },
    { value: 'encounters', label: 'Encounters', size: preview.encounters.length },
  ];
  const nothing = summary.create + summary.update + summary.encounters === 0;

  return (
    <section className="card stack import-step" aria-labelledby="import-preview-heading">
      <h3 id="import-preview-heading" className="settings__heading">
        Preview: nothing is saved until you import
      </h3>
      <p role="status" className="import-preview__summary">
        {summaryText(summary)}
      </p>
      <div role="radiogroup" aria-label="Show" className="segmented">
        {views
          .filter((v) => v.size > 0)
          .map((v) => (
            <label key={v.value} className="segmented__option">
              <input
                type="radio"
                name="import-view"
                value={v.value}
                checked={view === v.value}
                onChange={() => setView(v.value)}
              />
              {v.label} ({v.size.toLocaleString()})
            </label>
          ))}
      </div>
      {view === 'decide' && (
        <p className="muted">
          These contacts look like someone already in your journal or elsewhere in this file (same email, same
          phone or a similar name). Choose for each whether to update that person, add a new one, or skip it.
        </p>
      )}
      {items.length > 0 ? (
        <PreviewList
          items={items}
          label={views.find((v) => v.value === view)!.label}
          onChoose={choose}
          disabled={busy}
        />
      ) : (
        <p className="muted">This file holds no contacts or events Kith can import.</p>
      )}
      <ProblemList problems={problems} />
      <div className="row">
        <Button variant="primary" disabled={nothing || busy} onClick={() => onImport(choices)}>
          {busy ? 'Importing…' : 'Import'}
        </Button>
        <Button variant="ghost" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
