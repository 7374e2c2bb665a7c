import { DATASETS, generateNetwork, silentAfter, type DatasetName } from '../../shared/sample';
import { auc } from '../../shared/network/evaluate';
import { yearsBefore } from '../../shared/network/figures';
import { contactRate, rhythmOf, silenceHalfLife } from '../../shared/network/factors';
import { JournalObservables } from '../../shared/network/observables';
import { buildTimeIndex } from '../../shared/network/timeIndex';

/**
 * Which fading score ranks best the ties that then stay silent for a year, on the tuning seeds:
 * the AUC of candidate scores over the fading figures' population (evaluate.ts), median over seeds
 * and dates. An experiment behind the model's choice of fading score (docs/strength.md).
 */
export function fadingScores(dataset: DatasetName, seeds: readonly number[]): number {
  const scores: Record<string, number[]> = {};
  for (const seed of seeds) {
    const net = generateNetwork(DATASETS[dataset], seed);
    const index = buildTimeIndex([net.owner, ...net.people], net.encounters, net.ties);
    const obs = new JournalObservables(index, net.encounters);
    const truthOf = new Map(net.truth.ownerTies.map((t, i) => [t.personId, i]));
    for (const y of [0, 1, 2, 3]) {
      const day = yearsBefore(net.truth.referenceDay, y);
      const strengths = index.strengthsAt(day);
      const cand: Record<string, number[]> = {};
      const labels: boolean[] = [];
      const push = (k: string, v: number) => (cand[k] ??= []).push(v);
      for (const p of index.people) {
        const t = truthOf.get(p.id);
        if (p.ownerTie < 0 || t === undefined) continue;
        const m = obs.measuresAt(p.ownerTie, day);
        if (!m) continue;
        const r = rhythmOf(m, index.settings);
        if (r.daysSinceLast < index.settings.fadingMinDays) continue;
        labels.push(silentAfter(net.truth, t, day) === true);
        const gap = r.usualGapDays;
        const pAlive = Math.exp(-365 / gap);
        const pd = r.ratio / (r.ratio + index.settings.fadingThreshold);
        const hl = silenceHalfLife(index.owner.infoOf(p.ownerTie), index.settings);
        push('rhythm ratio', r.ratio);
        push('-strength', -(strengths[p.ownerTie] as number));
        push('days since last', r.daysSinceLast);
        push('-contact rate', -contactRate(m, index.settings, r));
        push('-intensity', -m.intensity);
        push('usual gap', gap);
        push('silent|alive+dead', 1 - (1 - pd) * (1 - pAlive));
        push('ratio+1y', (r.daysSinceLast + 365) / gap);
        push('-rate*decay', -contactRate(m, index.settings, r) * (hl > 0 ? 2 ** (-r.daysSinceLast / hl) : 1));
        push(
          '-log rate + log silence',
          Math.log1p(r.daysSinceLast) - Math.log(contactRate(m, index.settings, r) + 1e-3),
        );
        push('-contact days + log silence', Math.log1p(r.daysSinceLast) - Math.log(m.contactDays));
        push('log silence - log weighted days', Math.log1p(r.daysSinceLast) - Math.log1p(m.weightedDays));
        const st = strengths[p.ownerTie] as number;
        for (const c of [1, 3, 10]) push(`log silence - ${c} strength`, Math.log1p(r.daysSinceLast) - c * st);
        for (const c of [0.5, 1, 2])
          push(`log silence - ${c} log strength`, Math.log1p(r.daysSinceLast) - c * Math.log(st + 1e-3));
        push('ratio - 10 strength', Math.log1p(r.ratio) - 10 * st);
        push('silence x weakness', r.daysSinceLast * (1 - st));
        push('log silence + log weakness', Math.log1p(r.daysSinceLast) + Math.log(1 - st + 1e-9));
        push('silence / strength', r.daysSinceLast / (st + 0.01));
      }
      for (const [k, v] of Object.entries(cand)) (scores[k] ??= []).push(auc(v, labels));
    }
  }
  for (const [k, v] of Object.entries(scores)) {
    const s = v.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    console.log(`${dataset}  ${s[s.length >> 1]?.toFixed(3)}  ${k}`);
  }
  return 0;
}
