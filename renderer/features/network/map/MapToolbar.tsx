import { useMemo, useState } from 'react';
import type { Community } from '../../../../shared/domain/entities';
import { CONTEXT_KINDS, CONTEXT_LABELS, type ContextKind } from '../../../../shared/domain/kinds';
import { Button, Combobox, DateField, FilterIcon, Select, type ComboboxOption } from '../../../ui';
import type { NodeView } from '../model';
import { activeFilters, NO_FILTERS, type MapFilters } from './filters';

export type ColourBy = 'community' | 'context';

interface Props {
  nodes: readonly NodeView[];
  communities: readonly Community[];
  filters: MapFilters;
  onFilters(filters: MapFilters): void;
  colourBy: ColourBy;
  onColourBy(colourBy: ColourBy): void;
  onFind(personId: string): void;
}

const MAX_OPTIONS = 8;

/** Find on map, colour, and the filters (folded away until asked for). */
export function MapToolbar({ nodes, communities, filters, onFilters, colourBy, onColourBy, onFind }: Props) {
  const [query, setQuery] = useState('');
  const options = useMemo<ComboboxOption[]>(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return nodes
      .filter((n) => n.name.toLowerCase().includes(q))
      .sort((a, b) => Number(b.visible) - Number(a.visible) || b.strength - a.strength)
      .slice(0, MAX_OPTIONS)
      .map((n) => ({
        id: n.id,
        label: n.name,
        detail: n.visible ? undefined : 'Not on the map yet on this date',
      }));
  }, [nodes, query]);
  const tags = useMemo(() => [...new Set(nodes.flatMap((n) => n.tags))].sort(), [nodes]);
  const set = (patch: Partial<MapFilters>) => onFilters({ ...filters, ...patch });
  const count = activeFilters(filters);

  return (
    <div className="network-toolbar">
      <div className="network-toolbar__row">
        <div className="network-toolbar__find">
          <Combobox
            label="Find on map"
            query={query}
            onQueryChange={setQuery}
            options={options}
            onPick={(o) => onFind(o.id)}
            placeholder="Type a name"
          />
        </div>
        <Select
          label="Colour by"
          value={colourBy}
          onChange={(e) => onColourBy(e.currentTarget.value as ColourBy)}
          options={[
            { value: 'community', label: 'Community' },
            { value: 'context', label: 'Context' },
          ]}
        />
        <label className="network-toolbar__strength field">
          <span className="field__label">
            Minimum strength <span className="muted">{Math.round(filters.minStrength * 100)}%</span>
          </span>
          <input
            type="range"
            aria-label="Minimum strength"
            min={0}
            max={0.8}
            step={0.01}
            value={filters.minStrength}
            aria-valuetext={`${Math.round(filters.minStrength * 100)}%`}
            onChange={(e) => set({ minStrength: Number(e.currentTarget.value) })}
          />
        </label>
      </div>
      <details
        className="network-toolbar__filters"
        open={count > (filters.minStrength > 0 ? 1 : 0) || undefined}
      >
        <summary>
          <FilterIcon /> Filters{count > 0 ? ` (${count})` : ''}
        </summary>
        <div className="network-toolbar__row">
          <Select
            label="Context"
            value={filters.context}
            onChange={(e) => set({ context: e.currentTarget.value as ContextKind | '' })}
            options={[
              { value: '', label: 'Any context' },
              ...CONTEXT_KINDS.map((k) => ({ value: k, label: CONTEXT_LABELS[k] })),
            ]}
          />
          <Select
            label="Community"
            value={filters.community}
            onChange={(e) => set({ community: e.currentTarget.value })}
            options={[
              { value: '', label: 'Any community' },
              ...communities.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          <Select
            label="Tag"
            value={filters.tag}
            onChange={(e) => set({ tag: e.currentTarget.value })}
            options={[{ value: '', label: 'Any tag' }, ...tags.map((t) => ({ value: t, label: t }))]}
          />
          <DateField
            label="Known from"
            value={filters.from}
            onValueChange={(from) => set({ from: validDay(from) })}
          />
          <DateField
            label="Known until"
            value={filters.to}
            onValueChange={(to) => set({ to: validDay(to) })}
          />
          <Button size="sm" variant="ghost" onClick={() => onFilters(NO_FILTERS)} disabled={count === 0}>
            Clear filters
          </Button>
        </div>
      </details>
    </div>
  );
}

/** A half-typed date filters nothing until it is a whole day. */
function validDay(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}
