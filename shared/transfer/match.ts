/**
 * Keys under which people are looked up when an import is matched against the journal. Each key is
 * computed once per person and put in a Map, so matching 50,000 rows against 5,000 people costs a few
 * map lookups per row, not a comparison with everyone.
 */

export type MatchReason = 'same-email' | 'same-phone' | 'similar-name';

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Phones match on their last nine digits, so '+44 20 7946 0000' and '020 7946 0000' are one number. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  // Shorter numbers (extensions, short codes) would match too many strangers.
  return digits.length >= 7 ? digits.slice(-9) : '';
}

function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * A name's keys: every token in sorted order ("Smith, John" = "John Smith"), and the first and last
 * token alone, so a middle name or initial present on one side only still matches ("John Q. Smith").
 */
export function nameKeys(name: string): string[] {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return [];
  const keys = [[...tokens].sort().join(' ')];
  if (tokens.length > 2) keys.push([tokens[0], tokens[tokens.length - 1]].sort().join(' '));
  return keys;
}

/**
 * A multimap from key to the ids holding it, each id once per key. A key keeps at most `limit` ids:
 * past that it no longer tells people apart, and keeping them all would make a file where everyone
 * shares one name cost a comparison with every earlier row.
 */
export class KeyIndex {
  private readonly map = new Map<string, string[]>();

  constructor(private readonly limit: number) {}

  add(key: string, id: string): void {
    if (!key) return;
    const ids = this.map.get(key);
    if (!ids) this.map.set(key, [id]);
    else if (ids.length < this.limit && !ids.includes(id)) ids.push(id);
  }

  get(key: string): readonly string[] {
    return (key && this.map.get(key)) || [];
  }
}

/** The three indexes a set of people is matched through. */
export class PeopleIndex {
  readonly emails: KeyIndex;
  readonly phones: KeyIndex;
  readonly names: KeyIndex;

  constructor(limit = 20) {
    this.emails = new KeyIndex(limit);
    this.phones = new KeyIndex(limit);
    this.names = new KeyIndex(limit);
  }

  add(
    id: string,
    p: { name: string; aliases: readonly string[]; emails: readonly string[]; phones: readonly string[] },
  ): void {
    for (const e of p.emails) this.emails.add(emailKey(e), id);
    for (const ph of p.phones) this.phones.add(phoneKey(ph), id);
    for (const n of [p.name, ...p.aliases]) for (const k of nameKeys(n)) this.names.add(k, id);
  }

  /** Ids that share an email, a phone or a name key with `p`, with why; strong reasons first. */
  find(p: {
    name: string;
    aliases: readonly string[];
    emails: readonly string[];
    phones: readonly string[];
  }): { id: string; reasons: MatchReason[] }[] {
    const found = new Map<string, Set<MatchReason>>();
    const note = (ids: readonly string[], reason: MatchReason) => {
      for (const id of ids) {
        const reasons = found.get(id) ?? new Set<MatchReason>();
        reasons.add(reason);
        found.set(id, reasons);
      }
    };
    for (const e of p.emails) note(this.emails.get(emailKey(e)), 'same-email');
    for (const ph of p.phones) note(this.phones.get(phoneKey(ph)), 'same-phone');
    for (const n of [p.name, ...p.aliases])
      for (const k of nameKeys(n)) note(this.names.get(k), 'similar-name');
    return [...found]
      .map(([id, reasons]) => ({ id, reasons: [...reasons] }))
      .sort((a, b) => strength(b.reasons) - strength(a.reasons));
  }
}

function strength(reasons: readonly MatchReason[]): number {
  return reasons.reduce((s, r) => s + (r === 'similar-name' ? 1 : 4), 0);
}

export function isStrong(reasons: readonly MatchReason[]): boolean {
  return reasons.some((r) => r !== 'similar-name');
}
