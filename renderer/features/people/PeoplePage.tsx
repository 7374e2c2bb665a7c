import { useDeferredValue, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { createPerson } from '../../../shared/db';
import type { PersonInput } from '../../../shared/domain/validation';
import { paths } from '../../app/paths';
import { useCommunities, useDb, useEncounters, usePeople } from '../../db';
import { Button, count, Dialog, EmptyState, PeopleIcon, PlusIcon, Select, TextField } from '../../ui';
import { useEncounterDialogs } from '../encounters';
import { useUndo } from '../undo';
import { lastMetByPerson } from './derive';
import { listPeople, type PeopleSort } from './peopleList';
import { PeopleList } from './PeopleList';
import { PersonForm } from './PersonForm';
import './people.css';

const SORTS = [
  { value: 'name', label: 'Name' },
  { value: 'last-encounter', label: 'Last encounter' },
];

export function PeoplePage() {
  const db = useDb();
  const people = usePeople();
  const encounters = useEncounters();
  const communities = useCommunities();
  const { record } = useUndo();
  const { newEncounter } = useEncounterDialogs();
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [sort, setSort] = useState<PeopleSort>('name');
  const [showArchived, setShowArchived] = useState(false);
  const [adding, setAdding] = useState<{ name: string } | null>(null);
  // Filtering 5,000 people is cheap, but typing should never wait for the list to re-render.
  const query = useDeferredValue(text);

  const lastMet = useMemo(() => lastMetByPerson(encounters ?? []), [encounters]);
  const shown = useMemo(
    () => listPeople(people ?? [], { text: query, sort, showArchived }, lastMet),
    [people, query, sort, showArchived, lastMet],
  );
  const archivedCount = useMemo(() => (people ?? []).filter((p) => p.archived).length, [people]);

  if (!people) return <div className="page" aria-busy="true" />;
  const onlyMe = people.every((p) => p.isOwner);

  const add = async (input: PersonInput) => {
    const { person, change } = await createPerson(db, input);
    record(change);
    setAdding(null);
    navigate(paths.person(person.id));
  };

  return (
    <div className="page page--fill">
      <header className="page__header">
        <div>
          <h1 className="page__title">People</h1>
          <p className="page__subtitle">{count(people.length - archivedCount, 'person', 'people')}</p>
        </div>
        <Button variant="primary" onClick={() => setAdding({ name: '' })}>
          <PlusIcon /> Add person
        </Button>
      </header>

      {onlyMe ? (
        <EmptyState
          icon={<PeopleIcon />}
          title="Nobody here yet but you"
          actions={
            <>
              <Button variant="primary" onClick={() => setAdding({ name: '' })}>
                Add a person
              </Button>
              <Button onClick={() => newEncounter()}>Record an encounter</Button>
            </>
          }
        >
          <p>
            Add the people you meet: a colleague from the office chat, the organiser of a meetup, a neighbour,
            the parent you talk to at the school gate, a recruiter who got in touch.
          </p>
          <p>
            Or record an encounter and add the people in it as you type. Their organisation, how you met and
            who introduced you help you remember them later.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="row people-toolbar" role="search">
            <TextField
              className="people-toolbar__search"
              label="Search people"
              type="search"
              placeholder="Name, alias, organisation, e-mail or tag"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Select
              label="Sort by"
              options={SORTS}
              value={sort}
              onChange={(e) => setSort(e.target.value as PeopleSort)}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={showArchived}
                onChange={(e) => setShowArchived(e.target.checked)}
              />
              Show archived ({archivedCount})
            </label>
          </div>
          <p className="muted" role="status">
            {query.trim() ? `${count(shown.length, 'person matches', 'people match')}` : ''}
          </p>
          {shown.length > 0 ? (
            <PeopleList people={shown} lastMet={encounters && lastMet} label="People" />
          ) : (
            <EmptyState
              title={query.trim() ? `No one matches “${query.trim()}”` : 'Everyone here is archived'}
            >
              {query.trim() ? (
                <>
                  <p>
                    Try part of a name, an organisation or a tag
                    {archivedCount ? ', or show archived people' : ''}.
                  </p>
                  <Button onClick={() => setAdding({ name: query.trim() })}>
                    Add “{query.trim()}” as a new person
                  </Button>
                </>
              ) : (
                <p>Tick “Show archived” to see them.</p>
              )}
            </EmptyState>
          )}
        </>
      )}

      <Dialog open={adding !== null} onClose={() => setAdding(null)} title="Add person" size="lg">
        {adding && (
          <PersonForm
            initialName={adding.name}
            people={people}
            communities={communities ?? []}
            submitLabel="Save person"
            onSubmit={add}
            onCancel={() => setAdding(null)}
          />
        )}
      </Dialog>
    </div>
  );
}
