import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { communityMembers, updatePerson } from '../../../shared/db';
import type { Community, Encounter } from '../../../shared/domain/entities';
import { paths } from '../../app/paths';
import { useDb, usePeople } from '../../db';
import { AddForm, count, IconButton, PageSection, TrashIcon, useReportErrors } from '../../ui';
import { PersonPicker } from '../people/PersonPicker';
import { useUndo } from '../undo';

/** Explicit members plus everyone met in the community's encounters; explicit ones can be removed. */
export function CommunityMembers({
  community,
  encounters,
}: {
  community: Community;
  encounters: Encounter[];
}) {
  const db = useDb();
  const people = usePeople();
  const { record } = useUndo();
  const run = useReportErrors();
  const members = useMemo(
    () => communityMembers(community.id, people ?? [], encounters),
    [community.id, people, encounters],
  );
  const explicitIds = useMemo(() => members.filter((m) => m.explicit).map((m) => m.person.id), [members]);

  const setMembership = async (personId: string, member: boolean) => {
    const person = (people ?? []).find((p) => p.id === personId);
    if (!person) return;
    const communityIds = member
      ? [...person.communityIds, community.id]
      : person.communityIds.filter((c) => c !== community.id);
    const { change } = await updatePerson(db, personId, { communityIds });
    record({
      ...change,
      label: `${member ? 'Add' : 'Remove'} ${person.name} ${member ? 'to' : 'from'} ${community.name}`,
    });
  };

  return (
    <PageSection
      id="community-members"
      className="stack"
      title="Members"
      count={count(members.length, 'person', 'people')}
    >
      {members.length > 0 ? (
        <ul className="list card" aria-label={`Members of ${community.name}`}>
          {members.map(({ person, explicit, encounterCount }) => (
            <li key={person.id} className="list__item community-members__item">
              <Link href={paths.person(person.id)}>{person.name}</Link>
              <span className="muted">
                {[
                  explicit && 'member',
                  encounterCount > 0 && `met here ${count(encounterCount, 'time', 'times')}`,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </span>
              {explicit && (
                <IconButton
                  label={`Remove ${person.name} from ${community.name}`}
                  icon={<TrashIcon />}
                  onClick={() => run(() => setMembership(person.id, false))}
                />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nobody yet: add members here, or record encounters in {community.name}.</p>
      )}
      <AddMemberForm
        community={community}
        candidates={(people ?? []).filter((p) => !p.isOwner)}
        excludeIds={explicitIds}
        onAdd={(id) => setMembership(id, true)}
      />
    </PageSection>
  );
}

function AddMemberForm({
  community,
  candidates,
  excludeIds,
  onAdd,
}: {
  community: Community;
  candidates: Parameters<typeof PersonPicker>[0]['people'];
  excludeIds: readonly string[];
  onAdd(personId: string): Promise<void>;
}) {
  const [personId, setPersonId] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!personId) return setError(`Choose who to add to ${community.name}.`);
    try {
      await onAdd(personId);
      setPersonId('');
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <AddForm
      label={`Add a member to ${community.name}`}
      submitLabel="Add member"
      onSubmit={(e) => void submit(e)}
    >
      <div className="form-grid__wide">
        <PersonPicker
          label="Add member"
          people={candidates}
          value={personId}
          onChange={setPersonId}
          excludeIds={excludeIds}
          error={error || undefined}
        />
      </div>
    </AddForm>
  );
}
