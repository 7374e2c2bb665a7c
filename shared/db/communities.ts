import type { Community } from '../domain/entities';
import { communityInput, parseOrThrow, type CommunityInput } from '../domain/validation';
import { commit, type Change } from './change';
import type { KithDatabase } from './collections';
import { contentOf, definedOnly } from './content';
import { Plan } from './plan';
import { findWhere, requireDoc } from './store';

export async function createCommunity(
  db: KithDatabase,
  input: CommunityInput,
): Promise<{ community: Community; change: Change }> {
  const fields = parseOrThrow(communityInput, input);
  const plan = new Plan(db);
  const community = plan.create('communities', fields);
  const change = await commit(db, `Add ${community.name}`, plan.toEntries());
  return { community, change };
}

export async function updateCommunity(
  db: KithDatabase,
  id: string,
  patch: Partial<CommunityInput>,
): Promise<{ community: Community; change: Change }> {
  const stored = await requireDoc(db, 'communities', id);
  const fields = parseOrThrow(communityInput, { ...contentOf(stored), ...definedOnly(patch) });
  const plan = new Plan(db);
  const community = plan.update('communities', stored, fields);
  const change = await commit(db, `Edit ${community.name}`, plan.toEntries());
  return { community, change };
}

/** The encounters stay (they happened); they just no longer belong to the community. */
export async function deleteCommunity(db: KithDatabase, id: string): Promise<Change> {
  const stored = await requireDoc(db, 'communities', id);
  const plan = new Plan(db);
  for (const e of await findWhere(db, 'encounters', { communityId: id })) {
    plan.update('encounters', e, { communityId: '' });
  }
  for (const p of await findWhere(db, 'people', { communityIds: { $elemMatch: { $eq: id } } })) {
    plan.update('people', p, { communityIds: p.communityIds.filter((c) => c !== id) });
  }
  plan.remove('communities', stored);
  return commit(db, `Delete ${stored.name}`, plan.toEntries());
}
