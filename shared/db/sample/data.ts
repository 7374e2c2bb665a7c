import type { Channel, CommunityKind, ContextKind, TieKind } from '../../domain/kinds';

/**
 * The sample journal's cast: one owner's year of people, across six communities. Keys are local
 * names used only to wire references; the database gets fresh ids.
 */

export interface SampleCommunity {
  key: string;
  name: string;
  kind: CommunityKind;
  notes: string;
  /** How the owner meets people there. */
  gatherings: { title: string; context: ContextKind; channel: Channel; place: string }[];
}

export const SAMPLE_COMMUNITIES: SampleCommunity[] = [
  {
    key: 'runners',
    name: 'Riverside Runners',
    kind: 'club',
    notes: 'Saturday 10k along the river, coffee afterwards.',
    gatherings: [
      { title: 'Saturday long run', context: 'club', channel: 'in-person', place: 'Riverside boathouse' },
      { title: 'Coffee after the run', context: 'club', channel: 'in-person', place: 'Kiosk by the bridge' },
    ],
  },
  {
    key: 'school',
    name: 'Hillcrest Primary parents',
    kind: 'school',
    notes: 'Parents of the kids in class 3B.',
    gatherings: [
      { title: 'School fair', context: 'childrens-event', channel: 'in-person', place: 'Hillcrest Primary' },
      { title: 'Birthday party', context: 'childrens-event', channel: 'in-person', place: 'Play barn' },
      { title: 'Class chat', context: 'mailing-list', channel: 'list', place: 'Parents group chat' },
    ],
  },
  {
    key: 'foodbank',
    name: 'Eastside Food Bank volunteers',
    kind: 'volunteer-organisation',
    notes: 'Sorting shift every other Thursday evening.',
    gatherings: [
      { title: 'Sorting shift', context: 'volunteering', channel: 'in-person', place: 'Eastside Food Bank' },
      { title: 'Volunteer planning call', context: 'volunteering', channel: 'video', place: '' },
    ],
  },
  {
    key: 'work',
    name: 'Northwind Analytics',
    kind: 'workplace',
    notes: 'Where I work: the data platform team and friends.',
    gatherings: [
      { title: 'Team planning', context: 'meeting', channel: 'video', place: '' },
      {
        title: 'Chat by the coffee machine',
        context: 'office-chat',
        channel: 'in-person',
        place: 'Office, 4th floor',
      },
      { title: 'Lunch', context: 'office-chat', channel: 'in-person', place: 'Canteen' },
    ],
  },
  {
    key: 'street',
    name: 'Linden Street neighbours',
    kind: 'neighbourhood',
    notes: '',
    gatherings: [
      { title: 'Street party', context: 'neighbours', channel: 'in-person', place: 'Linden Street' },
      { title: 'Chat over the fence', context: 'neighbours', channel: 'in-person', place: 'Front garden' },
    ],
  },
  {
    key: 'online',
    name: 'Data Engineering Slack',
    kind: 'online-group',
    notes: 'A community Slack; the #pipelines channel is the useful one.',
    gatherings: [
      { title: 'Thread on streaming joins', context: 'online', channel: 'message', place: '#pipelines' },
      { title: 'Monthly community call', context: 'online', channel: 'video', place: '' },
    ],
  },
];

export interface SamplePerson {
  key: string;
  name: string;
  organisation?: string;
  role?: string;
  emails?: string[];
  phones?: string[];
  tags?: string[];
  communities?: string[];
  introducedBy?: string;
  howWeMet?: string;
  notes?: string;
  cadenceDays?: number;
  wantToReach?: boolean;
}

export const SAMPLE_PEOPLE: SamplePerson[] = [
  {
    key: 'amara',
    name: 'Amara Okafor',
    organisation: 'City Hospital',
    role: 'Physiotherapist',
    tags: ['running'],
    communities: ['runners'],
    cadenceDays: 30,
    emails: ['amara.okafor@example.org'],
  },
  {
    key: 'tomas',
    name: 'Tomás Herrera',
    organisation: 'Herrera Bikes',
    role: 'Owner',
    tags: ['running', 'cycling'],
    communities: ['runners'],
  },
  {
    key: 'ingrid',
    name: 'Ingrid Solberg',
    tags: ['running'],
    communities: ['runners'],
    howWeMet: 'Paced each other on the half marathon.',
  },
  {
    key: 'wei',
    name: 'Wei Chen',
    organisation: 'Northwind Analytics',
    role: 'Data engineer',
    tags: ['data'],
    communities: ['work', 'runners'],
  },
  {
    key: 'priya',
    name: 'Priya Raman',
    organisation: 'Northwind Analytics',
    role: 'Engineering manager',
    tags: ['data', 'mentor'],
    communities: ['work'],
    cadenceDays: 14,
    emails: ['priya@northwind.example'],
  },
  {
    key: 'jonas',
    name: 'Jonas Becker',
    organisation: 'Northwind Analytics',
    role: 'Product designer',
    communities: ['work'],
  },
  {
    key: 'lucia',
    name: 'Lucía Fernández',
    organisation: 'Northwind Analytics',
    role: 'Recruiter',
    communities: ['work'],
  },
  {
    key: 'sam',
    name: 'Sam Whitfield',
    organisation: 'Northwind Analytics',
    role: 'Intern',
    tags: ['mentee'],
    communities: ['work'],
    introducedBy: 'priya',
  },
  {
    key: 'hannah',
    name: 'Hannah Novak',
    tags: ['parent'],
    communities: ['school'],
    phones: ['+44 7700 900123'],
  },
  { key: 'david', name: 'David Novak', tags: ['parent'], communities: ['school'] },
  {
    key: 'fatima',
    name: 'Fatima Zahra',
    organisation: 'Hillcrest Primary',
    role: 'Class teacher',
    communities: ['school'],
  },
  {
    key: 'olu',
    name: 'Olu Adeyemi',
    tags: ['parent', 'cycling'],
    communities: ['school'],
    notes: 'Organises the **bike bus** to school on Fridays.',
  },
  {
    key: 'marta',
    name: 'Marta Kowalska',
    organisation: 'Eastside Food Bank',
    role: 'Volunteer coordinator',
    communities: ['foodbank'],
    cadenceDays: 60,
  },
  { key: 'george', name: 'George Papadopoulos', tags: ['volunteer'], communities: ['foodbank'] },
  {
    key: 'keiko',
    name: 'Keiko Tanaka',
    organisation: 'Tanaka & Partners',
    role: 'Accountant',
    tags: ['volunteer'],
    communities: ['foodbank'],
    introducedBy: 'marta',
  },
  { key: 'rosa', name: 'Rosa Delgado', tags: ['neighbour'], communities: ['street'] },
  {
    key: 'bill',
    name: 'Bill Hughes',
    tags: ['neighbour', 'garden'],
    communities: ['street'],
    howWeMet: 'Lent us a ladder the week we moved in.',
  },
  { key: 'noor', name: 'Noor Haddad', tags: ['neighbour'], communities: ['street'] },
  {
    key: 'erik',
    name: 'Erik Lindqvist',
    organisation: 'StreamCo',
    role: 'Staff engineer',
    tags: ['data'],
    communities: ['online'],
  },
  {
    key: 'aisha',
    name: 'Aisha Bello',
    organisation: 'Open Pipelines Foundation',
    role: 'Maintainer',
    tags: ['data', 'open source'],
    communities: ['online'],
  },
  {
    key: 'mateo',
    name: 'Mateo Rossi',
    organisation: 'Freelance',
    role: 'Data consultant',
    tags: ['data'],
    communities: ['online'],
    introducedBy: 'erik',
  },
  {
    key: 'claire',
    name: 'Claire Dubois',
    organisation: 'Lumen Ventures',
    role: 'Partner',
    tags: ['investor'],
    wantToReach: true,
    notes: 'Invests in data tooling. Erik knows her from a conference.',
  },
  {
    key: 'kwame',
    name: 'Kwame Mensah',
    organisation: 'DataConf',
    role: 'Programme chair',
    tags: ['conference'],
    wantToReach: true,
  },
  {
    key: 'yusuf',
    name: 'Yusuf Demir',
    organisation: 'CloudScale',
    role: 'Account executive',
    tags: ['vendor'],
  },
  {
    key: 'lena',
    name: 'Lena Vogel',
    organisation: 'TalentBridge',
    role: 'Tech recruiter',
    tags: ['recruiter'],
  },
  {
    key: 'mei',
    name: 'Mei Lin',
    organisation: 'DataConf',
    role: 'Speaker',
    tags: ['conference', 'data'],
    introducedBy: 'kwame',
  },
];

/** Encounters outside any community: the exhibition, the recruiter, the conference. */
export const SAMPLE_ONE_OFFS: {
  daysAgo: number;
  title: string;
  context: ContextKind;
  channel: Channel;
  place: string;
  people: string[];
  initiator: string;
  rating: number;
  notes?: string;
}[] = [
  {
    daysAgo: 300,
    title: 'Data Expo stand visit',
    context: 'exhibition',
    channel: 'in-person',
    place: 'Messe hall 4',
    people: ['yusuf'],
    initiator: 'yusuf',
    rating: 1,
  },
  {
    daysAgo: 240,
    title: 'DataConf evening mixer',
    context: 'networking',
    channel: 'in-person',
    place: 'DataConf, Lisbon',
    people: ['kwame', 'mei', 'erik'],
    initiator: 'owner',
    rating: 3,
    notes: 'Kwame is looking for speakers on *streaming joins*.',
  },
  {
    daysAgo: 200,
    title: 'Recruiter call',
    context: 'sales-recruiter',
    channel: 'call',
    place: '',
    people: ['lena'],
    initiator: 'lena',
    rating: 1,
  },
  {
    daysAgo: 95,
    title: 'Coffee with Mateo',
    context: 'meeting',
    channel: 'in-person',
    place: 'Café Central',
    people: ['mateo'],
    initiator: 'owner',
    rating: 4,
  },
  {
    daysAgo: 40,
    title: 'Follow-up demo',
    context: 'sales-recruiter',
    channel: 'video',
    place: '',
    people: ['yusuf'],
    initiator: 'yusuf',
    rating: 2,
  },
  {
    daysAgo: 12,
    title: 'Catch-up call',
    context: 'other',
    channel: 'call',
    place: '',
    people: ['mei'],
    initiator: 'mei',
    rating: 3,
  },
];

export const SAMPLE_TIES: { a: string; b: string; kind: TieKind; notes?: string }[] = [
  { a: 'hannah', b: 'david', kind: 'partner' },
  { a: 'wei', b: 'priya', kind: 'colleague' },
  { a: 'erik', b: 'claire', kind: 'friend', notes: 'Met at a conference years ago.' },
  { a: 'marta', b: 'keiko', kind: 'introduced' },
  { a: 'bill', b: 'rosa', kind: 'neighbour' },
  { a: 'kwame', b: 'mei', kind: 'colleague' },
];

export const SAMPLE_FOLLOW_UPS: { text: string; person: string; dueInDays: number | null; done: boolean }[] =
  [
    { text: 'Ask Erik for an introduction to Claire', person: 'erik', dueInDays: 7, done: false },
    { text: 'Send Kwame a talk proposal on streaming joins', person: 'kwame', dueInDays: 21, done: false },
    { text: 'Return the ladder', person: 'bill', dueInDays: null, done: true },
    { text: 'Share the physio stretches list with the club', person: 'amara', dueInDays: -3, done: false },
  ];
