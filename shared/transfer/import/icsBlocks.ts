/**
 * Splits an .ics into its top-level components (VTIMEZONE, VEVENT, …) with their lines, so that each event is
 * parsed on its own — a broken event costs that event, not the calendar — and every problem names its line.
 */

export interface IcsBlock {
  /** Upper-case component name: VEVENT, VTIMEZONE, VTODO, … */
  name: string;
  /** 1-based line of its BEGIN. */
  line: number;
  text: string;
  /** '' when well formed; otherwise what is wrong with it. */
  fault: string;
}

export interface IcsSplit {
  blocks: IcsBlock[];
  /** Calendar-level properties that matter here (X-WR-TIMEZONE: Google's zone for floating times). */
  calendarZone: string;
  sawCalendar: boolean;
}

const BEGIN = /^begin:([a-z0-9-]+)\s*$/i;
const END = /^end:([a-z0-9-]+)\s*$/i;

export function splitIcs(text: string): IcsSplit {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: IcsBlock[] = [];
  let calendarZone = '';
  let sawCalendar = false;
  // Nesting inside the current top-level block (VEVENT > VALARM, VTIMEZONE > STANDARD …).
  let stack: string[] = [];
  let current: { name: string; line: number; lines: string[] } | null = null;

  const close = (fault: string) => {
    if (!current) return;
    if (!fault) current.lines.push(`END:${current.name}`);
    blocks.push({ name: current.name, line: current.line, text: current.lines.join('\r\n'), fault });
    current = null;
    stack = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const begin = BEGIN.exec(raw);
    const end = END.exec(raw);
    if (!current) {
      if (begin) {
        const name = (begin[1] ?? '').toUpperCase();
        if (name === 'VCALENDAR') sawCalendar = true;
        else current = { name, line: i + 1, lines: [raw] };
      } else if (/^x-wr-timezone:/i.test(raw)) {
        calendarZone = raw.slice(raw.indexOf(':') + 1).trim();
      }
      continue;
    }
    if (begin) {
      const name = (begin[1] ?? '').toUpperCase();
      if (stack.length === 0 && (name === 'VEVENT' || name === 'VTIMEZONE' || name === 'VTODO')) {
        // A new top-level component before this one ended: the file was cut or spliced.
        close(`no END:${current.name} before line ${i + 1}`);
        current = { name, line: i + 1, lines: [raw] };
        continue;
      }
      stack.push(name);
    } else if (end) {
      const name = (end[1] ?? '').toUpperCase();
      if (stack.length > 0) {
        if (stack[stack.length - 1] !== name) {
          close(`END:${name} at line ${i + 1} does not close BEGIN:${stack[stack.length - 1] ?? ''}`);
          continue;
        }
        stack.pop();
      } else if (name === current.name) {
        close('');
        continue;
      } else {
        close(`END:${name} at line ${i + 1} where END:${current.name} was expected`);
        continue;
      }
    }
    current.lines.push(raw);
  }
  if (current) close(`no END:${(current as { name: string }).name} (the file may be cut short)`);
  return { blocks, calendarZone, sawCalendar };
}
