import type { Person } from '../domain/entities';
import { commit, type Change } from './change';
import type { KithDatabase } from './collections';
import { contentOf, union, type Content } from './content';
import { Plan } from './plan';
import { validateMerged } from './people';
import { findWhere, requireDoc } from './store';

function firstNonEmpty<T>(keep: T, other: T, empty: T): T {
  return keep !== empty ? keep : other;
}

function joinNotes(a: string, b: string): string {
  return [a.trim(), b.trim()].filter(Boolean).join('\n\n');
}

export function mergedPerson(keep: Person, merge: Person): Content<Person> {
  const k = contentOf(keep);
  const introducedBy = firstNonEmpty(keep.introducedById, merge.introducedById, '');
  return {
    ...k,
    // The other record's name is how someone once wrote this person's name: keep it findable.
    aliases: union(keep.aliases, [merge.name], merge.aliases).filter((a) => a !== keep.name),
    organisation: firstNonEmpty(keep.organisation, merge.organisation, ''),
    role: firstNonEmpty(keep.role, merge.role, ''),
    emails: union(keep.emails, merge.emails),
    phones: union(keep.phones, merge.phones),
    links: union(keep.links, merge.links),
    addresses: union(keep.addresses, merge.addresses),
    birthday: firstNonEmpty(keep.birthday, merge.birthday, ''),
    photo: firstNonEmpty(keep.photo, merge.photo, ''),
    tags: union(keep.tags, merge.tags),
    introducedById: introducedBy === keep.id || introducedBy === merge.id ? '' : introducedBy,
    howWeMet: firstNonEmpty(keep.howWeMet, merge.howWeMet, ''),
    notes: joinNotes(keep.notes, merge.notes),
    cadenceDays: firstNonEmpty(keep.cadenceDays, merge.cadenceDays, 0),
    wantToReach: keep.wantToReach || merge.wantToReach,
    communityIds: union(keep.communityIds, merge.communityIds),
  };
}

/**
 * Two records that turn out to be one person: `mergeId` folds into `keepId`, every reference to it
 * moves over, and it is removed. One undoable change.
 */
export async function mergePeople(db: KithDatabase, keepId: string, mergeId: string): Promise<Change> {
  if (keepId === mergeId) throw new Error('Choose two different people to merge.');
  const keep = await requireDoc(db, 'people', keepId);
  const merge = await requireDoc(db, 'people', mergeId);
  if (merge.isOwner) throw new Error('The owner (“me”) can only be kept, not merged into someone else.');
  const merged = mergedPerson(keep, merge);
  validateMerged(merged);

  const plan = new Plan(db);
  plan.update('people', keep, merged);

  const swap = (id: string) => (id === mergeId ? keepId : id);
  const encounters = await findWhere(db, 'encounters', {
    $or: [{ participantIds: { $elemMatch: { $eq: mergeId } } }, { initiatorId: mergeId }],
  });
  for (const e of encounters) {
    // The owner is never a participant of their own encounters.
    const participantIds = union(e.participantIds.map(swap)).filter((p) => !(keep.isOwner && p === keepId));
    if (participantIds.length === 0) {
      plan.remove('encounters', e);
      for (const f of await findWhere(db, 'followups', { encounterId: e.id })) plan.remove('followups', f);
    } else {
      plan.update('encounters', e, { participantIds, initiatorId: swap(e.initiatorId) });
    }
  }

  const keepTies = await findWhere(db, 'ties', { $or: [{ aId: keepId }, { bId: keepId }] });
  const seen = new Set(keepTies.map((t) => `${t.aId}|${t.bId}|${t.kind}`));
  for (const t of await findWhere(db, 'ties', { $or: [{ aId: mergeId }, { bId: mergeId }] })) {
    const [aId, bId] = [swap(t.aId), swap(t.bId)].sort() as [string, string];
    const key = `${aId}|${bId}|${t.kind}`;
    if (aId === bId || seen.has(key)) {
      plan.remove('ties', t);
    } else {
      seen.add(key);
      plan.update('ties', t, { aId, bId });
    }
  }

  for (const f of await findWhere(db, 'followups', { personId: mergeId })) {
    plan.update('followups', f, { personId: keepId });
  }
  for (const p of await findWhere(db, 'people', { introducedById: mergeId })) {
    if (p.id === mergeId) continue;
    plan.update('people', p, { introducedById: p.id === keepId ? '' : keepId });
  }
  plan.remove('people', merge);
  return commit(db, `Merge ${merge.name} into ${keep.name}`, plan.toEntries());
}
