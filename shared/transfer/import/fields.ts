import { LIMITS } from '../../domain/validation';
import type { SourceRef } from '../candidates';
import { cleanLine, cleanText, cut } from './clean';
import type { ProblemList } from './problems';

/** The journal's own format rules, so that a candidate that leaves here passes the commit's validation. */
export class FieldCleaner {
  constructor(
    private readonly ref: SourceRef,
    private readonly problems: ProblemList,
  ) {}

  line(value: string | undefined, max: number, label: string): string {
    const clean = cleanLine(value ?? '');
    if (clean.length <= max) return clean;
    this.problems.add(this.ref, `${label} is ${clean.length} characters long; cut to ${max}.`);
    return cut(clean, max);
  }

  text(value: string | undefined, max: number, label: string): string {
    const clean = cleanText(value ?? '');
    if (clean.length <= max) return clean;
    this.problems.add(this.ref, `${label} is ${clean.length} characters long; cut to ${max}.`);
    return cut(clean, max);
  }

  list(values: string[] | undefined, max: number, label: string, keep?: (v: string) => boolean): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    let tooMany = 0;
    for (const raw of values ?? []) {
      const value = this.line(raw, max, label);
      if (value === '') continue;
      if (keep && !keep(value)) {
        this.problems.add(this.ref, `${label} “${cut(value, 60)}” is not valid; left out.`);
        continue;
      }
      const key = value.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      if (out.length < LIMITS.listItems) out.push(value);
      else tooMany++;
    }
    if (tooMany > 0)
      this.problems.add(this.ref, `more than ${LIMITS.listItems} ${label}s; ${tooMany} left out.`);
    return out;
  }
}
