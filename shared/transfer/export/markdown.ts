import { isRealDay } from '../../domain/days';
import type { Encounter, FollowUp } from '../../domain/entities';
import { CHANNEL_LABELS, CONTEXT_LABELS } from '../../domain/kinds';
import { encountersNewestFirst, type JournalData } from './journal';

/** Names and titles are text, not Markdown: a name like "*Bob*" or "[x](y)" must print as written. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

/**
 * Notes are the user's Markdown and stay Markdown, but raw HTML in them (an imported contact's
 * "<script>") is shown as text by any viewer, as the app itself does.
 */
function notesBlock(notes: string): string {
  return notes.trim().replace(/</g, '&lt;');
}

/** "Thursday"; for a day no calendar has ("2026-02-30", from sync or a backup), "unknown date". */
function weekday(day: string): string {
  if (!isRealDay(day)) return 'unknown date';
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  });
}

function encounterSection(
  e: Encounter,
  name: (id: string) => string,
  community: string,
  followups: FollowUp[],
): string[] {
  const heading = [e.time, e.title ? escapeInline(e.title) : CONTEXT_LABELS[e.context]]
    .filter(Boolean)
    .join(' · ');
  const facts = [
    `Context: ${CONTEXT_LABELS[e.context]}`,
    `Channel: ${CHANNEL_LABELS[e.channel]}`,
    e.place ? `Place: ${escapeInline(e.place)}` : '',
    e.durationMinutes ? `Duration: ${e.durationMinutes} min` : '',
    e.rating ? `Closeness: ${e.rating}/5` : '',
  ].filter(Boolean);
  const lines = [
    `### ${heading}`,
    '',
    `- With: ${e.participantIds.map((id) => escapeInline(name(id))).join(', ')}`,
  ];
  if (e.initiatorId) lines.push(`- Initiated by: ${escapeInline(name(e.initiatorId))}`);
  lines.push(`- ${facts.join(' · ')}`);
  if (community) lines.push(`- Community: ${escapeInline(community)}`);
  if (e.tags.length > 0) lines.push(`- Tags: ${e.tags.map(escapeInline).join(', ')}`);
  for (const f of followups) {
    lines.push(
      `- [${f.done ? 'x' : ' '}] Follow-up: ${escapeInline(f.text)}${f.due ? ` (due ${f.due})` : ''}`,
    );
  }
  if (e.notes.trim()) lines.push('', notesBlock(e.notes));
  lines.push('');
  return lines;
}

/** The journal as one Markdown file: a section per day, newest first, each encounter with its people and notes. */
export function exportMarkdownJournal(journal: JournalData, options: { exportedOn?: string } = {}): string {
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const communities = new Map(journal.communities.map((c) => [c.id, c.name]));
  const followups = new Map<string, FollowUp[]>();
  for (const f of journal.followups) {
    if (!f.encounterId) continue;
    const list = followups.get(f.encounterId);
    if (list) list.push(f);
    else followups.set(f.encounterId, [f]);
  }
  const owner = journal.people.find((p) => p.isOwner);
  const encounters = encountersNewestFirst(journal.encounters);
  const met = new Set(encounters.flatMap((e) => e.participantIds));
  const lines = [
    `# ${escapeInline(owner && owner.name !== 'Me' ? `${owner.name}’s Kith journal` : 'Kith journal')}`,
    '',
    `${options.exportedOn ? `Exported ${options.exportedOn}: ` : ''}${encounters.length} encounters with ${met.size} people.`,
    '',
  ];
  let day = '';
  for (const e of encounters) {
    if (e.date !== day) {
      day = e.date;
      // A stored day that is not a real one is printed as stored, as text.
      lines.push(`## ${isRealDay(day) ? day : escapeInline(day)} (${weekday(day)})`, '');
    }
    lines.push(
      ...encounterSection(
        e,
        (id) => names.get(id) ?? id,
        e.communityId ? (communities.get(e.communityId) ?? '') : '',
        followups.get(e.id) ?? [],
      ),
    );
  }
  return lines.join('\n');
}
