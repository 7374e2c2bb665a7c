import type { StrengthExplanation as Explanation } from '../../../../shared/network';
import './views.css';
import './tie.css';

interface Props {
  explanation: Explanation;
  id?: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * "Why is this tie strong?": every factor of the model with its own score, its share of the
 * strength (the factors' contributions add up to it) and what the number means for this tie; what
 * the silence took away, and for a tie not rated yet, what was learned from the owner's ratings.
 */
export function StrengthExplanation({ explanation, id = 'why-strength' }: Props) {
  const total = explanation.factors.reduce((sum, f) => sum + f.contribution, 0);
  return (
    <section className="net-view" aria-labelledby={id}>
      <h2 id={id} className="person-section__title">
        Why is this tie strong?
      </h2>
      <p className="net-view__summary">{explanation.summary}</p>
      {explanation.silence && <p className="net-view__note">{explanation.silence}</p>}
      {explanation.learned && <p className="net-view__note">{explanation.learned}</p>}
      {explanation.factors.length > 0 && (
        <table className="factors">
          <thead>
            <tr>
              <th scope="col">Factor</th>
              <th scope="col">Score</th>
              <th scope="col">Share of strength</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {explanation.factors.map((f) => (
              <tr key={f.factor}>
                <th scope="row">{f.label}</th>
                <td className="factors__score">
                  <span className="factors__bar" aria-hidden="true">
                    <span className="factors__fill" style={{ width: pct(f.value) }} />
                  </span>
                  {pct(f.value)}
                </td>
                <td className="factors__share">{total > 0 ? pct(f.contribution / total) : '–'}</td>
                <td>{f.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
