import type { Community } from '../domain/entities';
import type { Content } from '../db/content';
import type { CommunityPlan } from './model';
import type { Random } from './random';
import { journaledAt, maybeEdit, tracked } from './tracked';

type CommunityContent = Content<Community>;

const NOTES = ['Meets most weeks.', 'Good place to meet people in design.', 'Annual dues paid in January.'];

export function communityDocument(random: Random, plan: CommunityPlan, lastMs: number): Community {
  const content: CommunityContent = {
    name: plan.name,
    kind: plan.profile.kind,
    notes: random.chance(0.2) ? random.pick(NOTES) : '',
    tags: random.chance(0.1) ? ['local'] : [],
  };
  // Written down the first time the owner logged something there.
  const createdAt = journaledAt(random, plan.gatherings[0]?.day ?? plan.active.from, lastMs);
  return tracked(
    plan.id,
    content,
    createdAt,
    maybeEdit<CommunityContent>(random, 0.1, createdAt, lastMs, ['notes']),
  );
}
