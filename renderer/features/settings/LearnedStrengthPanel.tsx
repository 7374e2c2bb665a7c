import { learnedSummary, type LearnedFeature, type StrengthSettings } from '../../../shared/network';
import { counted, percent } from '../../../shared/network/words';
import { useLearnedStrength } from '../network/model';

/** "… count most" or "… counts most": the features' labels are not all plural. */
const PLURAL: Record<LearnedFeature, boolean> = {
  frequency: true,
  intensity: false,
  duration: false,
  reciprocity: false,
  multiplexity: true,
  cadence: true,
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What Kith learned from the owner's ratings, in words: how many ratings, and which factor counts
 * most for this owner, then each factor's weight. The model is fitted in the network worker with
 * the time index; this view only reads it.
 */
export function LearnedStrengthPanel({ settings }: { settings: StrengthSettings }) {
  const learned = useLearnedStrength();
  let body;
  if (!settings.learnFromRatings) {
    body = (
      <p>
        Learning is off: people you have not rated are assumed fairly distant until you rate an encounter with
        them.
      </p>
    );
  } else if (learned === undefined) {
    body = <p aria-busy="true">Learning from your ratings…</p>;
  } else if (learned === null) {
    body = (
      <p>
        Not enough ratings to learn from yet: once you have rated encounters with{' '}
        {counted(settings.learnMinRatedPeople, 'person', 'different people')}, Kith learns what closeness
        means for you. Until then, people you have not rated are assumed fairly distant.
      </p>
    );
  } else {
    const summary = learnedSummary(learned);
    const top = summary.weights[0];
    const headline =
      top && top.weight > 0 ? `: ${top.label} ${PLURAL[top.feature] ? 'count' : 'counts'} most for you` : '';
    body = (
      <>
        <p className="learned-strength__headline">
          Kith learned from your {counted(summary.ratings, 'rating', 'ratings')} of{' '}
          {counted(summary.ratedPeople, 'person', 'people')}
          {headline}.
        </p>
        <p className="muted">
          For people you have not rated, closeness is estimated from these; the closeness of people you rated
          always comes from your own ratings.
        </p>
        <ul className="learned-strength__weights" aria-label="What your ratings taught">
          {summary.weights.map((w) => (
            <li key={w.feature}>
              {capitalised(w.label)}:{' '}
              {Math.abs(w.weight) < 0.005
                ? `${PLURAL[w.feature] ? 'make' : 'makes'} no difference`
                : `${w.weight > 0 ? 'closer' : 'less close'} by ${percent(Math.abs(w.weight))} of the scale for a typical difference`}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <section className="learned-strength" aria-label="What Kith learned from your ratings" aria-live="polite">
      {body}
    </section>
  );
}
