/**
 * Everything a scenario starts (processes, folders, mounts) registers how to undo it here, so it is
 * undone even when the scenario fails or the run is interrupted. Undone last-in, first-out.
 */
export class Cleanup {
  private readonly steps: { label: string; undo: () => Promise<void> | void }[] = [];
  /** Once run() has started (an interrupted run), what is added later is undone at once. */
  private late: Promise<unknown>[] | null = null;

  add(label: string, undo: () => Promise<void> | void): void {
    if (this.late)
      this.late.push(
        Promise.resolve()
          .then(undo)
          .catch(() => undefined),
      );
    else this.steps.push({ label, undo });
  }

  /** Runs every step, newest first, past failures; returns the ones that failed. */
  async run(): Promise<string[]> {
    this.late ??= [];
    const failed: string[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.undo();
      } catch (err) {
        failed.push(`${step.label}: ${(err as Error).message}`);
      }
    }
    await Promise.all(this.late);
    return failed;
  }
}
