import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { deleteCommunity, updateCommunity } from '../../../shared/db';
import { COMMUNITY_LABELS } from '../../../shared/domain/kinds';
import { paths } from '../../app/paths';
import { useCommunity, useDb, useEncounters } from '../../db';
import {
  Button,
  Chip,
  count,
  Dialog,
  EditIcon,
  EmptyState,
  Markdown,
  TrashIcon,
  ViewBoundary,
} from '../../ui';
import { EncounterTimeline, useEncounterDialogs } from '../encounters';
import { ConfirmDialog } from '../people/ConfirmDialog';
import { useUndo } from '../undo';
import { CommunityForm } from './CommunityForm';
import { CommunityMembers } from './CommunityMembers';
import './communities.css';

export function CommunityPage({ id }: { id: string }) {
  const db = useDb();
  const community = useCommunity(id);
  const encounters = useEncounters();
  const { record } = useUndo();
  const { newEncounter } = useEncounterDialogs();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  const close = () => setOpen(null);
  // Encounters arrive newest first from the hook; filtering keeps that order.
  const theirs = useMemo(() => (encounters ?? []).filter((e) => e.communityId === id), [encounters, id]);

  if (community === undefined) return <div className="page" aria-busy="true" />;
  if (community === null) {
    return (
      <div className="page">
        <EmptyState title="This community is not in your journal">
          <p>It may have been deleted.</p>
          <Link href={paths.communities}>Back to communities</Link>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page community-page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{community.name}</h1>
          <p className="page__subtitle">{COMMUNITY_LABELS[community.kind]}</p>
        </div>
        <div className="row">
          <Button variant="primary" onClick={() => newEncounter({ communityId: id })}>
            Record an encounter
          </Button>
          <Button onClick={() => setOpen('edit')}>
            <EditIcon /> Edit
          </Button>
          <Button variant="danger" onClick={() => setOpen('delete')}>
            <TrashIcon /> Delete
          </Button>
        </div>
      </header>

      {(community.tags.length > 0 || community.notes) && (
        <section className="card stack" aria-label="About">
          {community.tags.length > 0 && (
            <div className="row">
              {community.tags.map((t) => (
                <Chip key={t} label={t} />
              ))}
            </div>
          )}
          {community.notes && <Markdown source={community.notes} />}
        </section>
      )}

      <ViewBoundary what={`the members of ${community.name}`} resetKeys={[community, encounters]}>
        <CommunityMembers community={community} encounters={encounters ?? []} />
      </ViewBoundary>

      <ViewBoundary what={`the encounters in ${community.name}`} resetKeys={[theirs]}>
        <EncounterTimeline
          id="community-encounters"
          className="stack"
          encounters={theirs}
          label={`Encounters in ${community.name}`}
          empty={<>No encounters in {community.name} yet.</>}
        />
      </ViewBoundary>

      <Dialog open={open === 'edit'} onClose={close} title={`Edit ${community.name}`}>
        <CommunityForm
          community={community}
          submitLabel="Save changes"
          onCancel={close}
          onSubmit={async (input) => {
            const { change } = await updateCommunity(db, id, input);
            if (change.entries.length > 0) record(change, { toast: false });
            close();
          }}
        />
      </Dialog>
      <ConfirmDialog
        open={open === 'delete'}
        title={`Delete ${community.name}?`}
        confirmLabel="Delete"
        danger
        onClose={close}
        onConfirm={async () => {
          record(await deleteCommunity(db, id));
          navigate(paths.communities);
        }}
      >
        <p>
          The community goes; its {count(theirs.length, 'encounter', 'encounters')} and its people stay in
          your journal, no longer linked to it.
        </p>
        <p className="muted">You can undo this right after (Undo, or Ctrl+Z).</p>
      </ConfirmDialog>
    </div>
  );
}
