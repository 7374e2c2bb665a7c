import { useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { Field } from './Field';

export interface ComboboxOption {
  id: string;
  label: string;
  /** A second, quieter line (organisation, alias that matched…). */
  detail?: string;
}

export interface ComboboxProps {
  label: string;
  query: string;
  onQueryChange(query: string): void;
  /** Already filtered to the query by the caller. */
  options: readonly ComboboxOption[];
  onPick(option: ComboboxOption): void;
  /** When set, typing a name nobody has offers "Create …", and Enter creates it. */
  onCreate?: (text: string) => void;
  createLabel?: (text: string) => string;
  /** Backspace in the empty box (e.g. remove the last chip). */
  onBackspaceEmpty?: () => void;
  /** Rendered inside the box before the input (the chosen items as chips). */
  before?: ReactNode;
  placeholder?: string;
  hint?: string | undefined;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

type Item = { kind: 'option'; option: ComboboxOption } | { kind: 'create'; text: string };

/**
 * An editable combobox following the WAI-ARIA pattern: focus stays in the input, the highlighted
 * option is announced through aria-activedescendant, Enter picks it (or creates a new entry), and
 * Enter in an empty box is left alone so it submits the surrounding form.
 */
export function Combobox(props: ComboboxProps) {
  const { label, query, onQueryChange, options, onPick, onCreate, createLabel, onBackspaceEmpty } = props;
  const { before, placeholder, hint, error, inputRef } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const text = query.trim();
  const exact = options.some((o) => o.label.toLowerCase() === text.toLowerCase());
  const items: Item[] = options.map((option) => ({ kind: 'option', option }));
  if (onCreate && text && !exact) items.push({ kind: 'create', text });
  const expanded = open && text.length > 0 && items.length > 0;
  const activeIndex = Math.min(active, items.length - 1);

  const choose = (item: Item) => {
    if (item.kind === 'option') onPick(item.option);
    else onCreate?.(item.text);
    onQueryChange('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + delta + items.length) % Math.max(items.length, 1));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && expanded) {
      const item = items[activeIndex];
      if (item) {
        event.preventDefault();
        choose(item);
      }
    } else if (event.key === 'Escape' && expanded) {
      // Close the list, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && query === '') {
      onBackspaceEmpty?.();
    }
  };

  return (
    <Field label={label} hint={hint} error={error} className="combobox">
      {({ id, aria }) => (
        <>
          <div className="chip-box">
            {before}
            <input
              id={id}
              ref={inputRef}
              className="chip-box__input"
              role="combobox"
              aria-expanded={expanded}
              aria-controls={`${id}-list`}
              aria-autocomplete="list"
              aria-activedescendant={expanded ? `${id}-opt-${activeIndex}` : undefined}
              {...aria}
              autoComplete="off"
              value={query}
              placeholder={placeholder}
              onChange={(event) => {
                onQueryChange(event.target.value);
                setOpen(true);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              onFocus={() => setOpen(true)}
              onBlur={() => setOpen(false)}
            />
          </div>
          <ul
            id={`${id}-list`}
            role="listbox"
            aria-label={label}
            className="combobox__list"
            hidden={!expanded}
          >
            {expanded &&
              items.map((item, index) => (
                <li
                  key={item.kind === 'option' ? item.option.id : 'create'}
                  id={`${id}-opt-${index}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  // Read as "Ana Lopez, Acme", not the two lines run together as "Ana LopezAcme".
                  aria-label={
                    item.kind === 'option' && item.option.detail
                      ? `${item.option.label}, ${item.option.detail}`
                      : undefined
                  }
                  className="combobox__option"
                  // Keep focus in the input while clicking an option.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(item)}
                  onMouseEnter={() => setActive(index)}
                >
                  {item.kind === 'option' ? (
                    <>
                      <span>{item.option.label}</span>
                      {item.option.detail && <span className="combobox__detail">{item.option.detail}</span>}
                    </>
                  ) : (
                    <span className="combobox__create">
                      {createLabel ? createLabel(item.text) : `Create “${item.text}”`}
                    </span>
                  )}
                </li>
              ))}
          </ul>
        </>
      )}
    </Field>
  );
}
