import ICAL from 'ical.js';
import { isRealDay } from '../../domain/validation';
import { type EncounterCandidate, ImportError, type ParsedImport, type SourceRef } from '../candidates';
import { stripBom } from '../decode';
import { parserMessage } from './clean';
import { type Placed, type ZoneContext, place, toEncounter } from './icsEncounter';
import { splitIcs } from './icsBlocks';
import { ProblemList } from './problems';
import { isKnownZone, systemZone } from './zones';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

export interface IcsOptions {
  /** First and last day of the chosen range, inclusive, in `timeZone`. */
  from: string;
  to: string;
  /** IANA zone the encounters' days and times are given in; default: the runtime's own. */
  timeZone?: string;
}

/** A recurrence rule can describe millions of occurrences; expansion stops here (per series, per file). */
export const MAX_STEPS_PER_SERIES = 20_000;
/** Hourly-or-faster rules are not how people meet, and each step costs as much as a daily one: a tighter cap. */
export const MAX_STEPS_SUB_DAILY = 2_000;
export const MAX_STEPS_PER_FILE = 500_000;
export const MAX_OCCURRENCES_PER_SERIES = 5_000;

const DAY_MS = 86_400_000;

interface Entry {
  component: Component;
  ref: SourceRef;
}

interface Series {
  uid: string;
  master: Entry | null;
  exceptions: Entry[];
}

function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function isCancelled(c: Component): boolean {
  return String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

/** Outlook writes some all-day events as midnight-to-midnight in its zone, flagged with this property. */
function isOutlookAllDay(c: Component): boolean {
  return String(c.getFirstPropertyValue('x-microsoft-cdo-alldayevent') ?? '').toUpperCase() === 'TRUE';
}

function asDate(t: Time): Placed {
  const day = `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
  return { day, time: '', epoch: Date.UTC(t.year, t.month - 1, t.day), allDay: true };
}

function tzidOf(c: Component, name: string): string {
  const value = c.getFirstProperty(name)?.getParameter('tzid');
  return typeof value === 'string' ? value : '';
}

class Expander {
  readonly encounters: EncounterCandidate[] = [];
  private stepsLeft = MAX_STEPS_PER_FILE;
  private readonly firstMs: number;
  private readonly lastMs: number;

  constructor(
    private readonly options: Required<IcsOptions>,
    private readonly zones: ZoneContext,
    private readonly problems: ProblemList,
  ) {
    // Compared loosely (a day's margin either side for zone offsets), then exactly by local day.
    this.firstMs = dayStart(options.from) - 2 * DAY_MS;
    this.lastMs = dayStart(options.to) + 3 * DAY_MS;
  }

  private inRange(p: Placed): boolean {
    return p.day >= this.options.from && p.day <= this.options.to;
  }

  private add(item: Component, uid: string, start: Time, end: Time, ref: SourceRef): void {
    if (isCancelled(item)) return;
    const s = isOutlookAllDay(item) ? asDate(start) : place(start, tzidOf(item, 'dtstart'), this.zones);
    if (!this.inRange(s)) return;
    const e = place(end, tzidOf(item, 'dtend') || tzidOf(item, 'dtstart'), this.zones);
    this.encounters.push(toEncounter(item, uid, s, e, ref, this.problems));
  }

  single(entry: Entry, uid: string): void {
    const event = new ICAL.Event(entry.component);
    if (!event.startDate) {
      this.problems.add(entry.ref, 'has no start (DTSTART); skipped.');
      return;
    }
    this.add(entry.component, uid, event.startDate, event.endDate ?? event.startDate, entry.ref);
  }

  series(s: Series, master: Entry): void {
    const event = new ICAL.Event(master.component);
    if (!event.startDate) {
      this.problems.add(master.ref, 'has no start (DTSTART); skipped.');
      return;
    }
    const refs = new Map<string, SourceRef>();
    for (const ex of s.exceptions) {
      try {
        const exception = new ICAL.Event(ex.component);
        event.relateException(exception);
        refs.set(exception.recurrenceId.toString(), ex.ref);
      } catch (error) {
        this.problems.add(
          ex.ref,
          `a changed occurrence could not be matched to its series (${parserMessage(error)}); skipped.`,
        );
      }
    }
    const seen = new Set<string>();
    const freq = String(
      (master.component.getFirstPropertyValue('rrule') as { freq?: unknown } | null)?.freq ?? '',
    );
    const maxSteps = /^(SECONDLY|MINUTELY|HOURLY)$/.test(freq) ? MAX_STEPS_SUB_DAILY : MAX_STEPS_PER_SERIES;
    const it = event.iterator();
    let steps = 0;
    let count = 0;
    for (let next = it.next(); next; next = it.next()) {
      if (++steps > maxSteps || --this.stepsLeft < 0) {
        this.problems.add(
          master.ref,
          `repeats too often to expand fully; stopped at ${next.toString().slice(0, 10)}.`,
        );
        return;
      }
      const approx = next.isDate ? Date.UTC(next.year, next.month - 1, next.day) : next.toUnixTime() * 1000;
      if (approx > this.lastMs) break;
      const details = event.getOccurrenceDetails(next);
      seen.add(details.recurrenceId.toString());
      if (approx < this.firstMs && details.item === event) continue;
      if (++count > MAX_OCCURRENCES_PER_SERIES) {
        this.problems.add(
          master.ref,
          `has more than ${MAX_OCCURRENCES_PER_SERIES} occurrences in the range; the rest were left out.`,
        );
        return;
      }
      const ref = refs.get(details.recurrenceId.toString()) ?? master.ref;
      this.add(
        details.item.component,
        `${s.uid}/${details.recurrenceId.toString()}`,
        details.startDate,
        details.endDate,
        ref,
      );
    }
    // A changed occurrence can move into the range from outside it.
    for (const [key, exception] of Object.entries(event.exceptions)) {
      if (seen.has(key)) continue;
      const ref = refs.get(key) ?? master.ref;
      this.add(
        exception.component,
        `${s.uid}/${key}`,
        exception.startDate,
        exception.endDate ?? exception.startDate,
        ref,
      );
    }
  }
}

function checkOptions(file: string, options: IcsOptions): Required<IcsOptions> {
  const timeZone = options.timeZone ?? systemZone();
  if (!isRealDay(options.from) || !isRealDay(options.to) || options.from > options.to) {
    throw new ImportError(
      file,
      `the date range ${options.from} – ${options.to} is not a range of real days.`,
    );
  }
  if (!isKnownZone(timeZone)) throw new ImportError(file, `the time zone “${timeZone}” is not known.`);
  return { from: options.from, to: options.to, timeZone };
}

/**
 * Reads an .ics: events starting within [from, to] become encounter candidates; recurring events are expanded
 * within the range (RRULE, RDATE, EXDATE, changed occurrences by RECURRENCE-ID; cancelled ones dropped).
 */
export function importIcs(file: string, text: string, options: IcsOptions): ParsedImport {
  const range = checkOptions(file, options);
  const { blocks, calendarZone, sawCalendar } = splitIcs(stripBom(text));
  if (!sawCalendar && !blocks.some((b) => b.name === 'VEVENT')) {
    throw new ImportError(file, 'no calendar found (an .ics file starts with BEGIN:VCALENDAR).', 1);
  }
  const problems = new ProblemList('event');
  // Events are parsed as children of a calendar holding only the time zones, so TZIDs resolve without a global registry.
  const zonesRoot = new ICAL.Component('vcalendar');
  const seriesByUid = new Map<string, Series>();
  let record = 0;
  for (const block of blocks) {
    if (block.name !== 'VEVENT' && block.name !== 'VTIMEZONE') continue;
    const ref: SourceRef = { file, record: block.name === 'VEVENT' ? ++record : 0, line: block.line };
    if (block.fault) {
      problems.add(ref, `${block.fault}; skipped.`);
      continue;
    }
    try {
      const jcal: unknown = ICAL.parse(block.text);
      if (!Array.isArray(jcal) || typeof jcal[0] !== 'string') throw new Error('not a single component');
      if (block.name === 'VTIMEZONE') {
        zonesRoot.addSubcomponent(new ICAL.Component(jcal));
        continue;
      }
      const component = new ICAL.Component(jcal, zonesRoot);
      const uid = String(component.getFirstPropertyValue('uid') ?? '') || `${file}#${ref.record}`;
      const series = seriesByUid.get(uid) ?? { uid, master: null, exceptions: [] };
      seriesByUid.set(uid, series);
      if (component.hasProperty('recurrence-id')) series.exceptions.push({ component, ref });
      else if (series.master)
        problems.add(
          ref,
          `repeats the event UID ${uid.slice(0, 80)} (line ${series.master.ref.line}); skipped.`,
        );
      else series.master = { component, ref };
    } catch (error) {
      const what = block.name === 'VTIMEZONE' ? 'a time zone definition' : 'this event';
      problems.add(ref, `${what} could not be read (${parserMessage(error)}); skipped.`);
    }
  }
  const expander = new Expander(range, { target: range.timeZone, calendar: calendarZone }, problems);
  for (const series of seriesByUid.values()) {
    const entry = series.master ?? series.exceptions[0];
    if (!entry) continue;
    try {
      if (
        series.master &&
        (series.master.component.hasProperty('rrule') || series.master.component.hasProperty('rdate'))
      ) {
        expander.series(series, series.master);
      } else if (series.master) {
        expander.single(series.master, series.uid);
      } else {
        // Invited to one occurrence only: the file has the changed occurrences but not their series.
        for (const ex of series.exceptions)
          expander.single(
            ex,
            `${series.uid}/${ex.component.getFirstPropertyValue('recurrence-id')?.toString() ?? ''}`,
          );
      }
    } catch (error) {
      problems.add(entry.ref, `could not be read (${parserMessage(error)}); skipped.`);
    }
  }
  const encounters = expander.encounters.sort((a, b) =>
    a.day + a.time < b.day + b.time ? -1 : a.day + a.time > b.day + b.time ? 1 : 0,
  );
  return { format: 'ics', people: [], encounters, problems: problems.done() };
}
