import { TIE_KINDS, type Channel, type ContextKind, type TieKind } from '../domain/kinds';

/**
 * Every number behind a tie's strength, by name. The defaults are design starting points taken from
 * the research summarised in shared/notes/tie-strength.md, not laws; the user may change any of
 * them, so each is validated (see parseStrengthSettings) and each has a one-line rationale in
 * SETTING_RATIONALE for the settings screen.
 */
export interface StrengthSettings {
  /** How much one encounter counts, by channel (in person = 1). */
  channelWeights: Record<Channel, number>;
  /** How much one encounter counts, by context: settings shared by default count less. */
  contextWeights: Record<ContextKind, number>;
  /** An encounter with n people counts 1 / n^exponent for each of them (0 = size does not matter). */
  groupSizeExponent: number;
  /** Days after which an encounter counts half as much towards intensity. */
  intensityHalfLifeDays: number;
  /** Decayed intensity at which the intensity factor reaches one half. */
  intensityMidpoint: number;
  /** A tie is fading when the days since the last contact exceed this many times its usual pause. */
  fadingThreshold: number;
  /** A silence shorter than this many days never makes a tie fading, whatever its rhythm. */
  fadingMinDays: number;
  /** Gaps up to this many days are inside a burst of contact; longer ones are pauses between bursts. */
  burstGapDays: number;
  /** The usual pause assumed for a tie met once or in one burst, and the prior that smooths short histories. */
  priorGapDays: number;
  /** How much burstiness (irregular gaps) lowers the rhythm factor, 0..1. */
  burstinessPenalty: number;
  /** Distinct contact days per year at which the frequency factor reaches one half. */
  frequencyMidpoint: number;
  /** Pretend years of acquaintance added before dividing, so a tie met last week is not "frequent". */
  frequencyPriorYears: number;
  /** Months of acquaintance at which the duration factor reaches 1. */
  durationFullMonths: number;
  /** How many initiations a neutral prior (half-way reciprocal) is worth. */
  reciprocityPriorCount: number;
  /** Distinct contexts beyond the first at which the multiplexity factor reaches one half. */
  multiplexityMidpoint: number;
  /** The rating (1..5) assumed before the owner has rated anything. */
  ratingPrior: number;
  /** How many ratings the prior is worth. */
  ratingPriorWeight: number;
  /** How the factors are mixed into strength; only the proportions matter. */
  factorWeights: Record<FactorName, number>;
  /** Person-to-person ties seen at shared encounters. */
  coAttendance: {
    /** Days after which being seen together counts half as much. */
    halfLifeDays: number;
    /** Decayed co-attendance at which that part of the tie's strength reaches one half. */
    midpoint: number;
  };
  /**
   * How fast closeness fades with silence, by the owner's tie with the person (the kind the owner
   * marked, or `unmarked`): a half-life in days of silence, 0 = lasting (never fades with silence).
   * Applies to the closeness evidence and the frequency of contact (see silenceDecay in factors.ts).
   */
  silenceHalfLifeDays: Record<SilenceKind, number>;
  /** The parts of the closeness model that can each be kept or dropped (see docs/strength.md). */
  model: ModelSwitches;
  /** Learn from the owner's ratings how the other factors predict closeness, for unrated ties. */
  learnFromRatings: boolean;
  /** Rated people needed before Kith learns from the ratings; fewer and it keeps the defaults. */
  learnMinRatedPeople: number;
  /** Strength of an explicit person-to-person tie, by kind. */
  tieKindStrength: Record<TieKind, number>;
  /** A person is a bridge when at least this share of their tie strength goes to other communities. */
  bridgeShare: number;
  /**
   * A map cluster is named after a journal community only when at least this share of its members
   * belong to it (see clusterNames.ts); otherwise it is named after its best-known people.
   */
  clusterNameShare: number;
  /** Ties weaker than this are left off the map and out of the graph algorithms. */
  minEdgeStrength: number;
  /** Dunbar's layers: cumulative sizes of the circles around the owner. */
  dunbarLayers: number[];
}

/** The owner's tie kinds, plus `unmarked` for a person the owner has not marked. */
export const SILENCE_KINDS = [...TIE_KINDS, 'unmarked'] as const;
export type SilenceKind = (typeof SILENCE_KINDS)[number];

export interface ModelSwitches {
  /**
   * Closeness is a posterior: the ratings, plus a prior whose mean is the closeness the one-to-one
   * contact days imply (worth this many ratings). 0 = off: shrink to the fixed ratingPrior.
   */
  contactPriorWeight: number;
  /** The day two people first met counts towards frequency (off: it says nothing about the tie yet). */
  countFirstMeeting: boolean;
  /** A fading tie's span (for frequency and duration) ends at its last contact, not today. */
  spanEndsAtLastContact: boolean;
  /** Reciprocity is the share of contact the other person started (who reached out), not the balance. */
  reachingOut: boolean;
  /** A rated group encounter counts 1/n towards the closeness of each of its n people (off: the group share). */
  groupRatings: boolean;
  /** The owner's keep-in-touch cadence for a person is evidence of closeness (a prior worth one rating). */
  cadenceEvidence: boolean;
}

export const FACTOR_NAMES = [
  'closeness',
  'frequency',
  'intensity',
  'rhythm',
  'duration',
  'reciprocity',
  'multiplexity',
] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];

export const DEFAULT_STRENGTH_SETTINGS: StrengthSettings = {
  channelWeights: { 'in-person': 1, video: 0.8, call: 0.65, message: 0.35, email: 0.25, list: 0.1 },
  contextWeights: {
    other: 1,
    club: 0.9,
    volunteering: 0.9,
    religious: 0.8,
    meeting: 0.75,
    online: 0.7,
    networking: 0.6,
    exhibition: 0.5,
    neighbours: 0.55,
    'childrens-event': 0.5,
    'office-chat': 0.5,
    'sales-recruiter': 0.3,
    'mailing-list': 0.25,
  },
  groupSizeExponent: 3,
  intensityHalfLifeDays: 90,
  intensityMidpoint: 1,
  fadingThreshold: 4,
  fadingMinDays: 180,
  burstGapDays: 14,
  priorGapDays: 15,
  burstinessPenalty: 0,
  frequencyMidpoint: 1,
  frequencyPriorYears: 0.1,
  durationFullMonths: 120,
  reciprocityPriorCount: 2,
  multiplexityMidpoint: 2,
  ratingPrior: 1.5,
  ratingPriorWeight: 0.5,
  factorWeights: {
    closeness: 12,
    frequency: 8,
    intensity: 3,
    rhythm: 0,
    reciprocity: 0,
    duration: 0,
    multiplexity: 0,
  },
  coAttendance: { halfLifeDays: 365, midpoint: 1 },
  silenceHalfLifeDays: {
    partner: 0,
    family: 0,
    friend: 365,
    introduced: 180,
    colleague: 270,
    neighbour: 270,
    other: 180,
    unmarked: 270,
  },
  // Tuned on generated journals (tuning seeds 7, 8, 9, never the report seeds; docs/strength.md has
  // the figures): counting the first meeting and group ratings helped; the contact prior, the span
  // ending at the last contact, reaching out and the cadence as evidence did not.
  model: {
    contactPriorWeight: 0,
    countFirstMeeting: true,
    spanEndsAtLastContact: false,
    reachingOut: false,
    groupRatings: true,
    cadenceEvidence: false,
  },
  learnFromRatings: true,
  learnMinRatedPeople: 20,
  tieKindStrength: {
    partner: 0.9,
    family: 0.7,
    friend: 0.5,
    introduced: 0.35,
    colleague: 0.35,
    neighbour: 0.3,
    other: 0.25,
  },
  bridgeShare: 0.6,
  clusterNameShare: 0.5,
  minEdgeStrength: 0.02,
  dunbarLayers: [5, 15, 50, 150, 500],
};

/** Why each default is what it is, in one line, for the settings screen and the docs. */
export const SETTING_RATIONALE: Record<keyof StrengthSettings, string> = {
  channelWeights:
    'Richer media carry more of what makes a tie strong (Granovetter: time, intensity, intimacy): in person > video > call > message > email > list.',
  contextWeights:
    'Marsden & Campbell (1984): frequency in settings you share anyway (office, neighbours, the school gate, a list) overstates closeness; chosen get-togethers count fully.',
  groupSizeExponent:
    'One-to-one contact counts most (Gilbert & Karahalios: intimacy): in a group of n attention is split n ways, and its rating and who started it are about the group, not this person; 1/n^3 (tuned on a sample seed other than the benchmark one).',
  intensityHalfLifeDays:
    'Roberts & Dunbar: closeness drops within months when contact stops; three months is the cadence between the monthly and six-monthly layers.',
  intensityMidpoint: 'About one recent one-to-one meeting makes an intensity of one: half of the scale.',
  fadingThreshold:
    'Navarro et al. (2017): a tie is likely gone once its silence is far beyond its own rhythm; 4 usual pauses would happen under 2% of the time (e^-4) if pauses were exponential. The 8 quoted there is measured against all gaps, bursts included.',
  fadingMinDays:
    'Roberts & Dunbar: closeness drops within months without contact, not weeks; a silence under six months is a pause, not an ending, even for a tie that met weekly.',
  burstGapDays:
    'Contact comes in bursts (Barabasi; Navarro et al. 2017): gaps of up to two weeks belong to one spell of contact, and the silence is compared with the pauses between spells.',
  priorGapDays:
    'With one spell of contact the usual pause is unknown; two weeks are assumed, worth one pause, so a tie met once is fading after the shortest fading silence (six months by default).',
  burstinessPenalty:
    'Navarro et al. (2017): bursty, irregular ties are more fragile; off by default because journals record contact in bursts anyway.',
  frequencyMidpoint:
    'Urena-Carrion et al. (2020): distinct days with contact predict strength better than raw counts; one one-to-one day a year is half of the scale.',
  frequencyPriorYears:
    'Contact days per year mean little over a few weeks; five weeks of pretend acquaintance keep a new tie from looking frequent.',
  durationFullMonths:
    'Granovetter and Gilbert & Karahalios: the length of a friendship adds to its strength, with diminishing returns (logarithmic, full at ten years).',
  reciprocityPriorCount:
    'Granovetter: strong ties are reciprocal; a neutral prior worth two initiations keeps one or two contacts from looking one-sided.',
  multiplexityMidpoint:
    'Ties that span several contexts (work and club and family) are stronger and last longer; two extra contexts are half of the scale.',
  ratingPrior:
    'Marsden & Campbell: closeness is the best single indicator; most ties are weak, so unrated means fairly distant.',
  ratingPriorWeight:
    "The prior is worth half a rating: the owner's own word is the best evidence there is (Marsden & Campbell), so one rating already outweighs it.",
  factorWeights:
    'Closeness first (Marsden & Campbell: the best single indicator), then distinct contact days (Urena-Carrion), then recent contact; rhythm, who reaches out, duration and shared settings added nothing beyond them on generated journals (0 by default). Proportions tuned on sample seeds other than the benchmark ones.',
  coAttendance:
    'People seen together are tied, but a crowd is not a clique: each encounter gives a pair 1/(n-1), and the memory of it fades over a year.',
  silenceHalfLifeDays:
    'Roberts & Dunbar (2015): without contact, friendships lose much of their closeness within about 18 months while family ties barely do; so partners and family last (0), a friendship halves after a year of silence, and colleagues, neighbours and people never marked, whose ties rest more on shared settings, after nine months.',
  model:
    'Parts of the closeness model measured one by one on generated journals: each can be switched off if it does not help on your journal. The contact prior is worth this many ratings.',
  learnFromRatings:
    'Your ratings are the best evidence of closeness (Marsden & Campbell); for the people you have not rated, Kith fits how your other factors predict your ratings (a small ridge regression) instead of assuming fixed weights.',
  learnMinRatedPeople:
    'A regression on a handful of people follows their quirks; twenty rated people are about the fewest that give stable weights for six factors.',
  tieKindStrength:
    'Family and partners are strong and decay little (Roberts & Dunbar); introductions and colleagues are typical weak ties (Granovetter).',
  bridgeShare:
    'Granovetter: weak ties bridge groups; Burt: bridges decay fastest. Someone whose ties lie mostly in other groups than their own holds two parts of the network together.',
  clusterNameShare:
    "A cluster is found from who meets whom, not joined: it takes a community's name only when at least half its members belong to that community, so the name is true of most of the people it labels.",
  minEdgeStrength: 'Ties too weak to matter clutter the map and slow the graph algorithms.',
  dunbarLayers: "Dunbar's layers: about 5, 15, 50, 150 and 500 people, each about three times the last.",
};
