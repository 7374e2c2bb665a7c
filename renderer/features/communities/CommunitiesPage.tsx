import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { createCommunity } from '../../../shared/db';
import { COMMUNITY_LABELS } from '../../../shared/domain/kinds';
import { paths } from '../../app/paths';
import { useCommunities, useDb, useEncounters, usePeople } from '../../db';
import { Button, CommunityIcon, count, Dialog, EmptyState, PlusIcon } from '../../ui';
import { useUndo } from '../undo';
import { CommunityForm } from './CommunityForm';
import { communityStats } from './stats';
import './communities.css';

export function CommunitiesPage() {
  const db = useDb();
  const communities = useCommunities();
  const people = usePeople();
  const encounters = useEncounters();
  const { record } = useUndo();
  const [, navigate] = useLocation();
  const [adding, setAdding] = useState(false);
  const stats = useMemo(() => communityStats(people ?? [], encounters ?? []), [people, encounters]);

  if (!communities) return <div className="page" aria-busy="true" />;

  const addButton = (
    <Button variant="primary" onClick={() => setAdding(true)}>
      <PlusIcon /> Add community
    </Button>
  );

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Communities</h1>
          <p className="page__subtitle">{count(communities.length, 'community', 'communities')}</p>
        </div>
        {addButton}
      </header>
      {communities.length === 0 ? (
        <EmptyState icon={<CommunityIcon />} title="No communities yet" actions={addButton}>
          <p>
            A community is a circle you meet people in: a club, a congregation, a volunteer organisation, your
            neighbourhood, a workplace, a school, an online group or mailing list, a recurring event.
          </p>
          <p>
            Add one, then tag encounters with it: its members are everyone you met there, plus those you add.
          </p>
        </EmptyState>
      ) : (
        <ul className="list card" aria-label="Communities">
          {communities.map((c) => {
            const s = stats.get(c.id);
            return (
              <li key={c.id} className="list__item community-row">
                <Link href={paths.community(c.id)} className="community-row__name">
                  {c.name}
                </Link>
                <span className="muted">{COMMUNITY_LABELS[c.kind]}</span>
                <span className="muted">
                  {count(s?.members ?? 0, 'member', 'members')} ·{' '}
                  {count(s?.encounters ?? 0, 'encounter', 'encounters')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <Dialog open={adding} onClose={() => setAdding(false)} title="Add community">
        <CommunityForm
          submitLabel="Save community"
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            const { community, change } = await createCommunity(db, input);
            record(change);
            setAdding(false);
            navigate(paths.community(community.id));
          }}
        />
      </Dialog>
    </div>
  );
}
