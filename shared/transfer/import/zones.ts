/**
 * Clock arithmetic for calendar imports, on Intl (part of ES2023, so pure shared code): an instant → the day and
 * 'HH:MM' it was in the user's time zone, and a wall-clock time in a named IANA zone → the instant.
 */

export interface LocalDayTime {
  day: string;
  time: string;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA zone name (e.g. 'Europe/Berlin'; Outlook's 'W. Europe Standard Time' is not one). */
export function isKnownZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The user's own zone, as the runtime reports it. */
export function systemZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

export function formatWallClock(w: WallClock): LocalDayTime {
  return { day: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

export function localDayTime(epochMs: number, timeZone: string): LocalDayTime {
  return formatWallClock(wallClockAt(epochMs, timeZone));
}

/** The instant a wall-clock time in `timeZone` names (the later one when a DST change makes it ambiguous). */
export function instantOf(w: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const offset = (at: number) => {
    const seen = wallClockAt(at, timeZone);
    return Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) - at;
  };
  const first = asUtc - offset(asUtc);
  return asUtc - offset(first);
}
