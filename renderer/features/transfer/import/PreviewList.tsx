import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ChoiceOption } from './rowText';

export interface PreviewItem {
  key: string;
  name: string;
  detail: string;
  /** "record 4, line 31". */
  where: string;
  /** The short outcome badge: New, Update, Merge, Skip. */
  outcome: string;
  /** Built only for rows on screen: 50,000 rows of options would be wasted work. */
  options(): ChoiceOption[];
  value: string;
  /** The select's accessible name, e.g. "What to do with Ada Lovelace". */
  choiceLabel: string;
  disabled: boolean;
  warnings?: number;
}

interface Props {
  items: PreviewItem[];
  label: string;
  onChoose(key: string, value: string): void;
  disabled?: boolean;
}

/** Up to this many rows are rendered plainly; beyond it only the visible ones are in the page. */
const VIRTUAL_FROM = 150;
const ROW_HEIGHT = 64;

export function PreviewList({ items, label, onChoose, disabled = false }: Props) {
  if (items.length < VIRTUAL_FROM) {
    return (
      <div className="import-preview__scroll">
        <ul className="list import-preview" aria-label={label}>
          {items.map((item) => (
            <li key={item.key} className="list__item import-preview__row">
              <Row item={item} onChoose={onChoose} disabled={disabled} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <VirtualList items={items} label={label} onChoose={onChoose} disabled={disabled} />;
}

function VirtualList({ items, label, onChoose, disabled = false }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Reading the virtualiser during render is how it is meant to be used.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <div ref={scrollRef} className="import-preview__scroll">
      <ul
        className="list import-preview import-preview--virtual"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index];
          if (!item) return null;
          return (
            <li
              key={item.key}
              className="list__item import-preview__row"
              aria-setsize={items.length}
              aria-posinset={virtual.index + 1}
              style={{ transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT }}
            >
              <Row item={item} onChoose={onChoose} disabled={disabled} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Row({
  item,
  onChoose,
  disabled,
}: {
  item: PreviewItem;
  onChoose: Props['onChoose'];
  disabled: boolean;
}) {
  return (
    <>
      <div className="import-preview__who">
        <span className="import-preview__name">
          {item.name}{' '}
          <span
            className={`badge import-preview__outcome import-preview__outcome--${item.outcome.split(' ')[0]!.toLowerCase()}`}
          >
            {item.outcome}
          </span>
          {item.warnings ? <span className="badge">{item.warnings} value(s) left out</span> : null}
        </span>
        <span className="muted import-preview__detail">
          {item.where}
          {item.detail ? ` · ${item.detail}` : ''}
        </span>
      </div>
      <select
        className="input select import-preview__choice"
        aria-label={item.choiceLabel}
        value={item.value}
        disabled={item.disabled || disabled}
        onChange={(event) => onChoose(item.key, event.currentTarget.value)}
      >
        {item.options().map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
