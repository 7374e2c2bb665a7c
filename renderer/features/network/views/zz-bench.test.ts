import { expect, it } from 'vitest';
import { DATASETS, generateNetwork } from '../../../../shared/sample';
import { networkComposition } from './composition';
import { compositionIndexBuilder } from './compositionIndex';
import * as old from './zz-old';
it('bench', () => {
  const n = generateNetwork(DATASETS.heavy, 20261101);
  const enc = [...n.encounters].sort((a, b) => (a.date < b.date ? 1 : -1));
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const b = compositionIndexBuilder(enc, n.owner.id);
    const ctor = performance.now() - t;
    const sl: number[] = [];
    let idx = null;
    while (!idx) { const s = performance.now(); idx = b.step(s + 12); sl.push(performance.now() - s); }
    console.log('ctor', ctor.toFixed(1), 'slices', sl.map((x) => x.toFixed(0)).join(','));
    for (const d of ['2012-01-01', '2015-06-17', '2026-03-12', '2026-10-31', '2027-12-31', '2013-11-30']) {
      expect(networkComposition(idx, d as any)).toEqual(old.networkComposition(old.prepareEncounters(enc, n.owner.id), d));
    }
  }
}, 60000);
