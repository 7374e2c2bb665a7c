import { useMemo } from 'react';
import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { useCommunitiesById, useEncounters, usePeopleById, usePerson } from '../../db';
import { EmptyState, ViewBoundary } from '../../ui';
import { EncounterTimeline } from '../encounters';
import { PersonStrengthSection } from '../network/views';
import { communitiesOf, encountersWith, firstEncounter } from './derive';
import { PersonActions } from './PersonActions';
import { PersonCommunities } from './PersonCommunities';
import { PersonDetails } from './PersonDetails';
import { PersonFollowUps } from './PersonFollowUps';
import { PersonRelationship } from './PersonRelationship';
import { PersonTies } from './PersonTies';
import './people.css';

export function PersonPage({ id }: { id: string }) {
  const person = usePerson(id);
  const encounters = useEncounters();
  const peopleById = usePeopleById();
  const communitiesById = useCommunitiesById();

  const timeline = useMemo(() => encountersWith(id, encounters ?? []), [id, encounters]);
  const communities = useMemo(
    () => (person ? communitiesOf(person, timeline, communitiesById) : []),
    [person, timeline, communitiesById],
  );

  if (person === undefined) return <div className="page" aria-busy="true" />;
  if (person === null) {
    return (
      <div className="page">
        <EmptyState title="This person is not in your journal">
          <p>They may have been deleted or merged into someone else.</p>
          <Link href={paths.people}>Back to people</Link>
        </EmptyState>
      </div>
    );
  }

  const subtitle = [person.role, person.organisation].filter(Boolean).join(' at ');
  return (
    <div className="page person-page">
      <header className="page__header">
        <div className="row person-page__identity">
          {person.photo && (
            <img className="person-page__photo" src={person.photo} alt={`Photo of ${person.name}`} />
          )}
          <div>
            <h1 className="page__title">{person.name}</h1>
            {subtitle && <p className="page__subtitle">{subtitle}</p>}
            {(person.isOwner || person.archived) && (
              <p className="row person-page__badges">
                {person.isOwner && <span className="badge">You</span>}
                {person.archived && <span className="badge">Archived</span>}
              </p>
            )}
          </div>
        </div>
        <PersonActions person={person} />
      </header>
      {/* Each part of the page stands alone: one that cannot show a stored value leaves the others. */}
      <ViewBoundary what={`the details of ${person.name}`} resetKeys={[person]}>
        <PersonDetails person={person} peopleById={peopleById} first={firstEncounter(timeline)} />
      </ViewBoundary>
      {!person.isOwner && (
        <ViewBoundary what="your relationship" resetKeys={[person]}>
          <PersonRelationship person={person} />
        </ViewBoundary>
      )}
      {!person.isOwner && (
        <ViewBoundary what="the strength of this tie" resetKeys={[person, timeline]}>
          <PersonStrengthSection person={person} encounters={timeline} />
        </ViewBoundary>
      )}
      {!person.isOwner && (
        <ViewBoundary what={`the encounters with ${person.name}`} resetKeys={[timeline]}>
          <EncounterTimeline
            id="person-timeline"
            className="person-section"
            encounters={timeline}
            label={`Encounters with ${person.name}`}
            listClassName="person-timeline"
            empty={<>No encounters with {person.name} yet. “Record an encounter” adds the first.</>}
          />
        </ViewBoundary>
      )}
      <ViewBoundary what={`the communities of ${person.name}`} resetKeys={[communities]}>
        <PersonCommunities communities={communities} />
      </ViewBoundary>
      {!person.isOwner && (
        <ViewBoundary what={`the ties of ${person.name}`} resetKeys={[person]}>
          <PersonTies person={person} />
        </ViewBoundary>
      )}
      <ViewBoundary what={`the follow-ups for ${person.name}`} resetKeys={[person]}>
        <PersonFollowUps person={person} />
      </ViewBoundary>
    </div>
  );
}
