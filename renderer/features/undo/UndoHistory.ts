import { redoChange, undoChange, type Change, type KithDatabase } from '../../../shared/db';

/** Enough for a long editing session; the oldest changes fall off first. */
const MAX_HISTORY = 100;

export type Direction = 'undo' | 'redo';

export interface UndoEvents {
  /** The stacks changed size. */
  changed(sizes: { undo: number; redo: number }): void;
  stepped(direction: Direction, change: Change): void;
  failed(direction: Direction, change: Change, error: unknown): void;
}

/**
 * The undo and redo stacks of journal changes. Steps run one at a time in the order asked, so a
 * fast double Ctrl+Z undoes two changes rather than racing. A change that cannot be undone (its
 * documents changed meanwhile in a conflicting way) is reported and dropped.
 */
export class UndoHistory {
  private undoStack: Change[] = [];
  private redoStack: Change[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: KithDatabase,
    private readonly events: UndoEvents,
  ) {}

  record(change: Change): void {
    this.undoStack = [...this.undoStack, change].slice(-MAX_HISTORY);
    this.redoStack = [];
    this.emitSizes();
  }

  step(direction: Direction): Promise<void> {
    this.queue = this.queue.then(() => this.run(direction));
    return this.queue;
  }

  private async run(direction: Direction): Promise<void> {
    const from = direction === 'undo' ? this.undoStack : this.redoStack;
    const to = direction === 'undo' ? this.redoStack : this.undoStack;
    const change = from.pop();
    if (!change) return;
    try {
      await (direction === 'undo' ? undoChange(this.db, change) : redoChange(this.db, change));
      to.push(change);
      this.events.stepped(direction, change);
    } catch (error) {
      this.events.failed(direction, change, error);
    } finally {
      this.emitSizes();
    }
  }

  private emitSizes(): void {
    this.events.changed({ undo: this.undoStack.length, redo: this.redoStack.length });
  }
}
