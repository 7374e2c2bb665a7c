import { useMemo, useState } from 'react';
import { Combobox, type ComboboxOption, type ComboboxProps } from './Combobox';

export interface PickerProps extends Omit<ComboboxProps, 'query' | 'onQueryChange' | 'options'> {
  /** The options for what has been typed; keep it stable (useCallback) so typing elsewhere does not re-search. */
  search(query: string): readonly ComboboxOption[];
}

/** A combobox that keeps what is being typed to itself: the caller only says what matches and what was picked. */
export function Picker({ search, ...rest }: PickerProps) {
  const [query, setQuery] = useState('');
  const options = useMemo(() => search(query), [search, query]);
  return <Combobox {...rest} query={query} onQueryChange={setQuery} options={options} />;
}
