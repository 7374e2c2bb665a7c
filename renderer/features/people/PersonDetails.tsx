import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'wouter';
import type { Encounter, Person } from '../../../shared/domain/entities';
import { CONTEXT_LABELS } from '../../../shared/domain/kinds';
import { mailtoLink } from '../../../shared/security/externalUrl';
import { paths } from '../../app/paths';
import { openExternal } from '../../platform';
import { Chip, Markdown, useReportErrors } from '../../ui';
import { useEncounterDialogs, formatDayShort } from '../encounters';
import { birthdayLabel, cadenceLabel } from './format';

interface Props {
  person: Person;
  peopleById: ReadonlyMap<string, Person>;
  /** The earliest encounter with them, if any. */
  first: Encounter | undefined;
}

/** Links never navigate the app window: they open in the system browser. */
function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const run = useReportErrors();
  const open = (event: MouseEvent) => {
    event.preventDefault();
    // A link refused or not opened would otherwise look like a click that did nothing; the platform's
    // error says which link and why.
    run(() => openExternal(href));
  };
  return (
    <a href={href} onClick={open} rel="noreferrer">
      {children}
    </a>
  );
}

export function PersonDetails({ person, peopleById, first }: Props) {
  const { openEncounter } = useEncounterDialogs();
  const introducer = person.introducedById ? peopleById.get(person.introducedById) : undefined;
  const rows: [string, ReactNode][] = [];
  if (person.aliases.length) rows.push(['Also known as', person.aliases.join(', ')]);
  if (person.emails.length) {
    rows.push([
      'Emails',
      <ul className="list" key="emails">
        {person.emails.map((email) => {
          // A stored email that is not one plain address ("a@b.org?attach=…") stays text.
          const href = mailtoLink(email);
          return <li key={email}>{href ? <ExternalLink href={href}>{email}</ExternalLink> : email}</li>;
        })}
      </ul>,
    ]);
  }
  if (person.phones.length) rows.push(['Phones', person.phones.join(', ')]);
  if (person.birthday) rows.push(['Birthday', birthdayLabel(person.birthday)]);
  if (person.addresses.length) {
    rows.push([
      person.addresses.length === 1 ? 'Address' : 'Addresses',
      <ul className="list" key="addresses">
        {person.addresses.map((address) => (
          <li key={address}>{address}</li>
        ))}
      </ul>,
    ]);
  }
  if (person.links.length) {
    rows.push([
      'Links',
      <ul className="list" key="links">
        {person.links.map((link) => (
          <li key={link}>
            <ExternalLink href={link}>{link.replace(/^https?:\/\//, '')}</ExternalLink>
          </li>
        ))}
      </ul>,
    ]);
  }
  if (person.tags.length) {
    rows.push([
      'Tags',
      <span className="row" key="tags">
        {person.tags.map((t) => (
          <Chip key={t} label={t} />
        ))}
      </span>,
    ]);
  }
  if (!person.isOwner) {
    rows.push([
      'First encounter',
      first ? (
        <button type="button" className="link-button" onClick={() => openEncounter(first.id)}>
          {formatDayShort(first.date)} · {first.title || CONTEXT_LABELS[first.context]}
          {first.place ? ` · ${first.place}` : ''}
        </button>
      ) : (
        <span className="muted">No encounter recorded yet</span>
      ),
    ]);
  }
  if (introducer)
    rows.push(['Introduced by', <Link href={paths.person(introducer.id)}>{introducer.name}</Link>]);
  if (person.howWeMet) rows.push(['How we met', person.howWeMet]);
  if (person.cadenceDays > 0) rows.push(['Cadence', cadenceLabel(person.cadenceDays)]);
  if (person.wantToReach) rows.push(['Want to reach', 'Yes: you want to get to know them']);

  return (
    <section className="person-section card" aria-label="Details">
      {rows.length > 0 ? (
        <dl className="person-details">
          {rows.map(([term, value]) => (
            <div key={term} className="person-details__row">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No details yet. Use Edit to add an organisation, e-mails, links or notes.</p>
      )}
      {person.notes && (
        <div>
          <h2 className="person-section__title">Notes</h2>
          <Markdown source={person.notes} />
        </div>
      )}
    </section>
  );
}
