import type { Person } from '../../../shared/domain/entities';
import type { PersonInput, ValidationIssue } from '../../../shared/domain/validation';

/** The person form's state: lists of contact points are edited as text, one per line. */
export interface PersonFormValues {
  name: string;
  aliases: string[];
  organisation: string;
  role: string;
  emails: string;
  phones: string;
  links: string;
  tags: string[];
  introducedById: string;
  howWeMet: string;
  notes: string;
  cadenceDays: string;
  wantToReach: boolean;
  communityIds: string[];
}

/** Messages by field; `form` is for problems that belong to no single field. */
export type PersonFormErrors = Partial<Record<keyof PersonFormValues | 'form', string>>;

export function toFormValues(p?: Person): PersonFormValues {
  return {
    name: p?.name ?? '',
    aliases: p?.aliases ?? [],
    organisation: p?.organisation ?? '',
    role: p?.role ?? '',
    emails: (p?.emails ?? []).join('\n'),
    phones: (p?.phones ?? []).join('\n'),
    links: (p?.links ?? []).join('\n'),
    tags: p?.tags ?? [],
    introducedById: p?.introducedById ?? '',
    howWeMet: p?.howWeMet ?? '',
    notes: p?.notes ?? '',
    cadenceDays: p && p.cadenceDays > 0 ? String(p.cadenceDays) : '',
    wantToReach: p?.wantToReach ?? false,
    communityIds: p?.communityIds ?? [],
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** "example.org/ana" means the web page; anything with another scheme is refused by `linkIssues`. */
function withScheme(link: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(link) ? link : `https://${link}`;
}

/**
 * The data layer's input. A cadence that is not a number is passed through as text so that the
 * validator names it ("must be a number") instead of it silently becoming 0.
 */
export function toPersonInput(v: PersonFormValues): PersonInput {
  const cadence = v.cadenceDays.trim();
  const cadenceNumber = Number(cadence);
  return {
    name: v.name,
    aliases: v.aliases,
    organisation: v.organisation,
    role: v.role,
    emails: lines(v.emails),
    phones: lines(v.phones),
    links: lines(v.links).map(withScheme),
    tags: v.tags,
    introducedById: v.introducedById,
    howWeMet: v.howWeMet,
    notes: v.notes,
    cadenceDays:
      cadence === '' ? 0 : Number.isFinite(cadenceNumber) ? cadenceNumber : (cadence as unknown as number),
    wantToReach: v.wantToReach,
    communityIds: v.communityIds,
  };
}

/** Links open in the system browser, so only web addresses are accepted. */
export function linkIssues(values: PersonFormValues): ValidationIssue[] {
  return lines(values.links)
    .map(withScheme)
    .flatMap((link, i) =>
      /^https?:\/\/[^\s/]+/i.test(link)
        ? []
        : [
            {
              path: `links.${i}`,
              message: `Link “${link}” must be a web address such as https://example.org.`,
            },
          ],
    );
}

/** The first message for each field ('emails.1' belongs to the Emails field). */
export function errorsByField(issues: readonly ValidationIssue[]): PersonFormErrors {
  const errors: PersonFormErrors = {};
  for (const issue of issues) {
    const field = (issue.path.split('.')[0] || 'form') as keyof PersonFormErrors;
    errors[field] ??= issue.message;
  }
  return errors;
}
