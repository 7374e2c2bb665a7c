import type { ImportPreview } from '../../../../shared/transfer';
import { whereInFile } from './rowText';

/** A file with 50,000 broken rows needs a few examples and a count, not 50,000 list items. */
const SHOWN = 200;

export interface Problem {
  key: string;
  where: string;
  message: string;
}

/** Rows the importer could not read, rows that cannot become a person or encounter, and values left out. */
export function previewProblems(preview: ImportPreview): Problem[] {
  const out: Problem[] = preview.problems.map((p, i) => ({
    key: `file-${i}`,
    where: whereInFile(p.ref),
    message: p.message,
  }));
  for (const row of preview.people) {
    const where = whereInFile(row.candidate.ref);
    if (row.problem) out.push({ key: row.key, where, message: row.problem });
    row.warnings.forEach((w, i) => out.push({ key: `${row.key}-w${i}`, where, message: w }));
  }
  for (const row of preview.encounters) {
    if (row.problem) out.push({ key: row.key, where: whereInFile(row.candidate.ref), message: row.problem });
  }
  return out;
}

export function ProblemList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <section className="import-problems" aria-labelledby="import-problems-heading">
      <h4 id="import-problems-heading" className="import-problems__heading">
        Problems ({problems.length.toLocaleString()})
      </h4>
      <p className="muted">
        These rows are skipped or imported without the values named; the rest of the file imports normally.
      </p>
      <ul className="list import-problems__list" aria-labelledby="import-problems-heading">
        {problems.slice(0, SHOWN).map((p) => (
          <li key={p.key} className="list__item">
            <span className="import-problems__where">{p.where}:</span> {p.message}
          </li>
        ))}
        {problems.length > SHOWN && (
          <li className="list__item muted">…and {(problems.length - SHOWN).toLocaleString()} more.</li>
        )}
      </ul>
    </section>
  );
}
