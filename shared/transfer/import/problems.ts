import type { ImportProblem, SourceRef } from '../candidates';

/** Past this many, problems are summarised: a hostile or badly broken file must not produce a million-row list. */
export const MAX_PROBLEMS = 1_000;

/** 'line 14, card 3' (record 0: the file as a whole) — what every problem message starts with, so the user can find the record in the file. */
export function where(ref: SourceRef, noun: string): string {
  if (ref.record === 0) return ref.line === undefined ? 'file' : `line ${ref.line}`;
  return ref.line === undefined ? `${noun} ${ref.record}` : `line ${ref.line}, ${noun} ${ref.record}`;
}

/** Collects the problems of one import, capped at MAX_PROBLEMS plus one summary. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  private dropped = 0;
  private lastRef: SourceRef = { file: '', record: 0 };

  constructor(private readonly noun: string) {}

  add(ref: SourceRef, message: string): void {
    this.lastRef = ref;
    if (this.items.length < MAX_PROBLEMS)
      this.items.push({ ref, message: `${where(ref, this.noun)}: ${message}` });
    else this.dropped++;
  }

  /** The problems, with a closing "and N more" when some were left out. */
  done(): ImportProblem[] {
    if (this.dropped === 0) return this.items;
    return [
      ...this.items,
      {
        ref: this.lastRef,
        message: `…and ${this.dropped} more problems not listed (the file may not be what it seems).`,
      },
    ];
  }
}
