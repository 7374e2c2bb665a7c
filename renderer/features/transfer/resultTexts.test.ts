import { describe, expect, it } from 'vitest';
import { resultText } from './import/resultText';
import { restoreResultText } from './restoreText';

describe('what an import or a restore says it did', () => {
  it('an import names the records it set aside and where they are', () => {
    expect(resultText('big.vcf', { created: 3, updated: 0, encounters: 0, setAside: 2 })).toBe(
      'Imported big.vcf: 3 people added; 2 records the journal’s rules refuse were set aside — see Settings › Data health.',
    );
    expect(resultText('big.vcf', { created: 3, updated: 1, encounters: 0 })).toBe(
      'Imported big.vcf: 3 people added, 1 updated.',
    );
  });

  it('a Replace restore says which documents it kept as the journal had them', () => {
    const text = restoreResultText('kith.json', 'replace', {
      created: 1,
      updated: 2,
      removed: 0,
      unchanged: 5,
      setAside: 1,
      setAsideForReferences: 0,
      keptFromJournal: 1,
    });
    expect(text).toMatch(
      /^Restored kith\.json \(replacing the journal\): 1 added, 2 updated, 0 removed, 5 already the same, 1 document kept as the journal had it \(the backup’s version was set aside\); 1 document could not be restored/,
    );
  });
});
