import type { JournalFilter } from '../../../shared/db';
import type { Community, Person } from '../../../shared/domain/entities';
import { CHANNEL_LABELS, CHANNELS, CONTEXT_KINDS, CONTEXT_LABELS } from '../../../shared/domain/kinds';
import type { Channel, ContextKind } from '../../../shared/domain/kinds';
import { Button, Select, TextField } from '../../ui';
import { isFiltering } from './filterState';
import { PersonFilter } from './PersonFilter';

interface Props {
  filter: JournalFilter;
  onChange(filter: JournalFilter): void;
  people: readonly Person[];
  communities: readonly Community[];
}

const ANY = { value: '', label: 'Any' };
const contextOptions = [ANY, ...CONTEXT_KINDS.map((value) => ({ value, label: CONTEXT_LABELS[value] }))];
const channelOptions = [ANY, ...CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))];

export function JournalFilters({ filter, onChange, people, communities }: Props) {
  const set = (patch: Partial<JournalFilter>) => onChange({ ...filter, ...patch });
  const communityOptions = [ANY, ...communities.map((c) => ({ value: c.id, label: c.name }))];
  return (
    <div role="search" className="journal-filters" aria-label="Filter encounters">
      <Select
        label="Context"
        options={contextOptions}
        value={filter.contexts?.[0] ?? ''}
        onChange={(e) => set({ contexts: e.target.value ? [e.target.value as ContextKind] : [] })}
      />
      <Select
        label="Channel"
        options={channelOptions}
        value={filter.channels?.[0] ?? ''}
        onChange={(e) => set({ channels: e.target.value ? [e.target.value as Channel] : [] })}
      />
      <PersonFilter
        people={people}
        personId={filter.personId ?? ''}
        onChange={(personId) => set({ personId })}
      />
      <Select
        label="Community"
        options={communityOptions}
        value={filter.communityId ?? ''}
        onChange={(e) => set({ communityId: e.target.value })}
      />
      <TextField label="Tag" value={filter.tag ?? ''} onChange={(e) => set({ tag: e.target.value })} />
      <TextField
        label="From"
        type="date"
        value={filter.from ?? ''}
        onChange={(e) => set({ from: e.target.value })}
      />
      <TextField
        label="To"
        type="date"
        value={filter.to ?? ''}
        onChange={(e) => set({ to: e.target.value })}
      />
      {isFiltering(filter) && (
        <Button variant="ghost" size="sm" className="journal-filters__clear" onClick={() => onChange({})}>
          Reset filters
        </Button>
      )}
    </div>
  );
}
