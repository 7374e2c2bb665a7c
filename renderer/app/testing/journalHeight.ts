import { beforeAll } from 'vitest';

/**
 * happy-dom does no layout: this gives the journal's scroll box a window-sized height so the
 * virtualised list renders the rows in view, as a browser would. Call at the top of a test file.
 */
export function journalListHasAHeight(): void {
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('journal-list') ? 800 : 0;
      },
    });
  });
}
