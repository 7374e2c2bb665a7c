import type ICAL from 'ical.js';
import { LIMITS } from '../../domain/validation';
import type { AttendeeCandidate, EncounterCandidate, SourceRef } from '../candidates';
import { cleanLine, cut } from './clean';
import { FieldCleaner } from './fields';
import type { ProblemList } from './problems';
import { type LocalDayTime, type WallClock, instantOf, isKnownZone, localDayTime } from './zones';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export interface ZoneContext {
  /** The user's zone: every timed event is shown at its local day and time there. */
  target: string;
  /** Google's X-WR-TIMEZONE: what floating times (no Z, no TZID) mean, when it is a known zone. */
  calendar: string;
}

function wall(t: Time): WallClock {
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export interface Placed extends LocalDayTime {
  /** Milliseconds since 1970 for timed events; a day's UTC midnight for all-day ones (only for ordering). */
  epoch: number;
  allDay: boolean;
}

/**
 * Where a start or end time falls for the user. Zoned and UTC times are converted; a TZID ical.js could not resolve
 * (no VTIMEZONE in the file) is still honoured when it is an IANA name; floating times use the calendar's zone if
 * it has one, else are taken as written.
 */
export function place(t: Time, tzid: string, zones: ZoneContext): Placed {
  if (t.isDate) {
    return {
      day: `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`,
      time: '',
      epoch: Date.UTC(t.year, t.month - 1, t.day),
      allDay: true,
    };
  }
  if (t.zone && t.zone.tzid !== 'floating') {
    const epoch = t.toUnixTime() * 1000;
    return { ...localDayTime(epoch, zones.target), epoch, allDay: false };
  }
  const named = isKnownZone(tzid) ? tzid : isKnownZone(zones.calendar) ? zones.calendar : '';
  if (named) {
    const epoch = instantOf(wall(t), named);
    return { ...localDayTime(epoch, zones.target), epoch, allDay: false };
  }
  const epoch = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  return {
    day: `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`,
    time: `${pad(t.hour)}:${pad(t.minute)}`,
    epoch,
    allDay: false,
  };
}

function paramText(value: unknown): string {
  return Array.isArray(value)
    ? value.map(String).join(', ')
    : value === undefined || value === null
      ? ''
      : String(value);
}

/** ATTENDEE and ORGANIZER, each as CN + the mailto: address; rooms and resources are not people. */
function attendees(event: Component): AttendeeCandidate[] {
  const seen = new Set<string>();
  const out: AttendeeCandidate[] = [];
  for (const prop of [...event.getAllProperties('organizer'), ...event.getAllProperties('attendee')]) {
    const kind = paramText(prop.getParameter('cutype')).toUpperCase();
    if (kind === 'ROOM' || kind === 'RESOURCE') continue;
    const value = String(prop.getFirstValue() ?? '').trim();
    const fromValue = /^mailto:/i.test(value) ? value.slice(7) : '';
    const rawEmail = cleanLine(fromValue || paramText(prop.getParameter('email')));
    const email = EMAIL.test(rawEmail) && rawEmail.length <= LIMITS.email ? rawEmail : '';
    const name = cut(cleanLine(paramText(prop.getParameter('cn')).replace(/^"|"$/g, '')), LIMITS.name);
    if (!email && !name) continue;
    const key = (email || name).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length < LIMITS.participants) out.push({ name: name === email ? '' : name, email });
  }
  return out;
}

/** One occurrence → an encounter candidate, fields cleaned and capped like people's. */
export function toEncounter(
  item: Component,
  uid: string,
  start: Placed,
  end: Placed,
  ref: SourceRef,
  problems: ProblemList,
): EncounterCandidate {
  const f = new FieldCleaner(ref, problems);
  let minutes = start.allDay ? 0 : Math.round((end.epoch - start.epoch) / 60_000);
  if (minutes < 0) {
    problems.add(ref, 'ends before it starts; duration left unknown.');
    minutes = 0;
  } else if (minutes > LIMITS.durationMinutes) {
    problems.add(ref, `lasts ${Math.round(minutes / 60)} hours; duration cut to a week.`);
    minutes = LIMITS.durationMinutes;
  }
  return {
    ref,
    uid: cut(cleanLine(uid), 500),
    title: f.line(String(item.getFirstPropertyValue('summary') ?? ''), LIMITS.shortText, 'Title'),
    day: start.day,
    time: start.time,
    durationMinutes: minutes,
    place: f.line(String(item.getFirstPropertyValue('location') ?? ''), LIMITS.shortText, 'Place'),
    notes: f.text(String(item.getFirstPropertyValue('description') ?? ''), LIMITS.notes, 'Notes'),
    attendees: attendees(item),
  };
}
