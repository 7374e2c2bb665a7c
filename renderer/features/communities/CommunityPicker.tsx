import { useCallback, useMemo } from 'react';
import type { Community } from '../../../shared/domain/entities';
import { COMMUNITY_LABELS } from '../../../shared/domain/kinds';
import { Chip, Picker } from '../../ui';
import { fold } from '../people/peopleList';

interface Props {
  label: string;
  communities: readonly Community[];
  value: readonly string[];
  onChange(ids: string[]): void;
  hint?: string;
  error?: string | undefined;
}

/** Choose several communities; the chosen ones show as removable chips. */
export function CommunityPicker({ label, communities, value, onChange, hint, error }: Props) {
  const byId = useMemo(() => new Map(communities.map((c) => [c.id, c])), [communities]);
  const search = useCallback(
    (query: string) => {
      const q = fold(query.trim());
      if (!q) return [];
      return communities
        .filter((c) => !value.includes(c.id) && fold(c.name).includes(q))
        .slice(0, 20)
        .map((c) => ({ id: c.id, label: c.name, detail: COMMUNITY_LABELS[c.kind] }));
    },
    [communities, value],
  );
  return (
    <Picker
      label={label}
      search={search}
      onPick={(option) => onChange([...value, option.id])}
      onBackspaceEmpty={() => onChange(value.slice(0, -1))}
      before={value.map((id) => {
        const community = byId.get(id);
        return community ? (
          <Chip key={id} label={community.name} onRemove={() => onChange(value.filter((v) => v !== id))} />
        ) : null;
      })}
      placeholder={value.length === 0 ? 'Type a community…' : undefined}
      hint={hint}
      error={error}
    />
  );
}
