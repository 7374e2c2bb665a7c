/**
 * The closed vocabularies of the journal. Each list is the single source for validation,
 * the database schemas' enums and the labels the user sees, so adding a kind is a one-line change
 * (plus a schema migration, because stored enums are validated).
 */

export const CONTEXT_KINDS = [
  'meeting',
  'exhibition',
  'networking',
  'childrens-event',
  'volunteering',
  'club',
  'religious',
  'neighbours',
  'office-chat',
  'mailing-list',
  'sales-recruiter',
  'online',
  'other',
] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export const CONTEXT_LABELS: Record<ContextKind, string> = {
  meeting: 'Meeting',
  exhibition: 'Business exhibition',
  networking: 'Networking event',
  'childrens-event': "Children's event",
  volunteering: 'Volunteering',
  club: 'Club',
  religious: 'Religious event',
  neighbours: 'Neighbours',
  'office-chat': 'Office chat',
  'mailing-list': 'Mailing list or chat room',
  'sales-recruiter': 'Sales or recruiter contact',
  online: 'Online',
  other: 'Other',
};

export const CHANNELS = ['in-person', 'video', 'call', 'message', 'email', 'list'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  'in-person': 'In person',
  video: 'Video',
  call: 'Call',
  message: 'Message',
  email: 'Email',
  list: 'Mailing list or group chat',
};

export const COMMUNITY_KINDS = [
  'club',
  'congregation',
  'volunteer-organisation',
  'neighbourhood',
  'workplace',
  'school',
  'online-group',
  'mailing-list',
  'event-series',
  'other',
] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

export const COMMUNITY_LABELS: Record<CommunityKind, string> = {
  club: 'Club',
  congregation: 'Congregation',
  'volunteer-organisation': 'Volunteer organisation',
  neighbourhood: 'Neighbourhood',
  workplace: 'Workplace',
  school: 'School',
  'online-group': 'Online group',
  'mailing-list': 'Mailing list',
  'event-series': 'Event series',
  other: 'Other',
};

/** Explicit person-to-person relationships, as the owner knows them. */
export const TIE_KINDS = [
  'introduced',
  'family',
  'partner',
  'friend',
  'colleague',
  'neighbour',
  'other',
] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export const TIE_LABELS: Record<TieKind, string> = {
  introduced: 'Introduced by / to',
  family: 'Family',
  partner: 'Partner',
  friend: 'Friends',
  colleague: 'Colleagues',
  neighbour: 'Neighbours',
  other: 'Other',
};

/** The owner's closeness/trust rating of an encounter: 1 (distant) .. 5 (very close); 0 = not rated. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
