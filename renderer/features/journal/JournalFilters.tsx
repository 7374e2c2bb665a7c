import { useState } from 'react';
import type { JournalFilter } from '../../../shared/db';
import type { Community, Person } from '../../../shared/domain/entities';
import { CHANNEL_LABELS, CHANNELS, CONTEXT_KINDS, CONTEXT_LABELS } from '../../../shared/domain/kinds';
import type { Channel, ContextKind } from '../../../shared/domain/kinds';
import { Button, Select, TextField } from '../../ui';
import { DayFilter } from './DayFilter';
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
  const [resets, setResets] = useState(0);
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
      {/* Remounted on reset, so a half-typed day left in a field is cleared with the rest. */}
      <DayFilter
        key={`from-${resets}`}
        label="From"
        applied={filter.from ?? ''}
        onApply={(from) => set({ from })}
      />
      <DayFilter key={`to-${resets}`} label="To" applied={filter.to ?? ''} onApply={(to) => set({ to })} />
      {isFiltering(filter) && (
        <Button
          variant="ghost"
          size="sm"
          className="journal-filters__clear"
          onClick={() => {
            setResets((n) => n + 1);
            onChange({});
          }}
        >
          Reset filters
        </Button>
      )}
    </div>
  );
}
