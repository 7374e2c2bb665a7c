import type { ChangeEvent } from 'react';

/** The fields of a form's values that a text control edits (text, or a choice among strings). */
type TextKeys<V> = { [K in keyof V]-?: V[K] extends string ? K : never }[keyof V];

/**
 * Binds text controls (inputs, textareas, selects) to the fields of a form's values: `bind('title')`
 * gives the value, the change handler and the field's error, so each control only says what is
 * particular to it.
 */
export function fieldBinder<V>(
  values: V,
  errors: Partial<Record<keyof V, string>>,
  set: <K extends keyof V>(key: K, value: V[K]) => void,
) {
  return <K extends TextKeys<V>>(key: K) => ({
    value: values[key] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      // A select offers only values of the field's type; inputs edit plain text.
      set(key, event.target.value as V[K]),
    error: errors[key],
  });
}
