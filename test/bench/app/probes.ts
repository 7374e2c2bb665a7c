/**
 * Functions that run inside the app's page. Playwright sends them as source text, so each is
 * self-contained: no imports, no closures over node values. installProbes runs before the app's own
 * scripts (an init script) and gives the others the helpers on `window.__kithProbe`.
 */

/** What a map frame drew (renderer/viz/drawNetwork.ts DrawnCounts; absent from older builds). */
export interface MapFrameCounts {
  people: number;
  ties: number;
  labels: number;
  bubbles: number;
  bundles: number;
}

export interface ProbeState {
  /** performance.now() (ms since navigation start) when the first journal row had been painted. */
  firstRowPainted?: number;
  /** When the subtitle first showed the whole journal's count (every encounter loaded). */
  journalComplete?: number;
  until<T>(check: () => T | null | undefined | false, what: string, timeoutMs?: number): Promise<T>;
  /** Resolves after the next frame has been produced (rAF, then a task): the change is on screen. */
  nextPaint(): Promise<void>;
  /** Sets the form control labelled `label` as a user would (React sees input/change events). */
  setControl(label: string, value: string): void;
  /** The journal's subtitle counts: [shown, total] while filtering, [total, total] otherwise. */
  journalCounts(): [number, number] | null;
  /** Every drawn map frame since navigation start (main-thread tasks come from a trace: ./taskTrace.ts). */
  mapFrames: { start: number; duration: number; counts?: MapFrameCounts }[];
  /** The 'kith:layout-settled' mark, once the map's layout has settled. */
  settled?: { at: number; detail: { ms: number; computeMs: number; people: number; ties: number } };
}

declare global {
  interface Window {
    __kithProbe?: ProbeState;
  }
}

export function installProbes(): void {
  if (location.pathname.startsWith('/bench/')) return;
  const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const until = <T>(check: () => T | null | undefined | false, what: string, timeoutMs = 120_000) =>
    new Promise<T>((resolve, reject) => {
      const first = check();
      if (first) return resolve(first);
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
      }, timeoutMs);
      const observer = new MutationObserver(() => {
        const value = check();
        if (!value) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(value);
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  const setControl = (label: string, value: string) => {
    const control = [...document.querySelectorAll('label')].find((l) => l.textContent === label)?.control;
    const proto =
      control instanceof HTMLSelectElement
        ? HTMLSelectElement.prototype
        : control instanceof HTMLInputElement
          ? HTMLInputElement.prototype
          : null;
    if (!control || !proto) throw new Error(`No select or text field labelled "${label}".`);
    // React tracks the value it last set; the prototype's setter bypasses that, so the event counts.
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(control, value);
    control.dispatchEvent(
      new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  };
  const journalCounts = (): [number, number] | null => {
    const text = document.querySelector('.page__subtitle')?.textContent ?? '';
    const filtered = /^(\d+) of (\d+) encounters match$/.exec(text);
    if (filtered) return [Number(filtered[1]), Number(filtered[2])];
    const all = /^(\d+) encounters?$/.exec(text);
    return all ? [Number(all[1]), Number(all[1])] : null;
  };
  const state: ProbeState = { until, nextPaint, setControl, journalCounts, mapFrames: [] };
  window.__kithProbe = state;
  // Observed from the start: the app clears its frame measures after 5,000.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'kith:map-frame')
        state.mapFrames.push({
          start: e.startTime,
          duration: e.duration,
          counts: (e as PerformanceMeasure).detail as MapFrameCounts | undefined,
        });
    }
  }).observe({ type: 'measure', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'kith:layout-settled')
        state.settled = { at: e.startTime, detail: (e as PerformanceMark).detail as never };
    }
  }).observe({ type: 'mark', buffered: true });

  until(() => document.querySelector('[aria-label="Encounters"] article'), 'the first journal row')
    .then(async () => {
      await nextPaint();
      state.firstRowPainted = performance.now();
    })
    .catch(() => undefined);
  until(
    () => /^\d+ encounters?$/.test(document.querySelector('.page__subtitle')?.textContent ?? ''),
    'the journal',
  )
    .then(() => {
      state.journalComplete = performance.now();
    })
    .catch(() => undefined);
}

/**
 * Sets the journal filter control `label` to `value`; ms until the filtered list is on screen.
 * With React's deferred filtering the subtitle first shows the old count in the new wording, so
 * "updated" means the count has changed (or the no-match message is shown).
 */
export async function applyFilter([label, value]: [string, string]): Promise<number> {
  const probe = window.__kithProbe as ProbeState;
  const start = performance.now();
  probe.setControl(label, value);
  await probe.until(() => {
    const counts = probe.journalCounts();
    return (
      (counts && counts[0] !== counts[1]) ||
      document.body.textContent?.includes('No encounters match these filters')
    );
  }, `the journal filtered by ${label} = ${value}`);
  await probe.nextPaint();
  return performance.now() - start;
}

/** Clears the filter control `label` and waits until the journal shows every encounter again. */
export async function clearFilter(label: string): Promise<void> {
  const probe = window.__kithProbe as ProbeState;
  probe.setControl(label, '');
  await probe.until(
    () => /^\d+ encounters?$/.test(document.querySelector('.page__subtitle')?.textContent ?? ''),
    'the unfiltered journal',
  );
}

/**
 * Ctrl+K, then `query` typed into the switcher: ms until its search box is there, and ms from
 * typing until the results are on screen.
 */
export async function switcherSearch(
  query: string,
): Promise<{ open: number; results: number; count: number }> {
  const probe = window.__kithProbe as ProbeState;
  const start = performance.now();
  window.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true }),
  );
  const input = await probe.until(
    () =>
      document.querySelector<HTMLInputElement>(
        'input[aria-label="Search people, communities and encounters"]',
      ),
    'the quick switcher',
  );
  const opened = performance.now();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, query);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const count = await probe.until(() => {
    const status = document.querySelector('.switcher__status')?.textContent ?? '';
    const options = document.querySelectorAll('[role="listbox"] [role="option"]').length;
    return /^\d+ results?$/.test(status) && options > 0 ? options : 0;
  }, `quick switcher results for "${query}"`);
  await probe.nextPaint();
  return { open: opened - start, results: performance.now() - opened, count };
}

/** True once the switcher dialog has gone. */
export function switcherClosed(): boolean {
  return !document.querySelector('input[aria-label="Search people, communities and encounters"]');
}
