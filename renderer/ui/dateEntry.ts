/**
 * What a date or time control holds when the browser cannot read what was typed into it: an
 * incomplete entry ("02/__/2026") or a day no calendar has (30 February). The browser then reports
 * the value as '' (the same as an empty field) and only `validity.badInput` tells the difference.
 *
 * A form keeps this marker as the field's value instead of '', so the domain's own check refuses it
 * with its usual message ("Date must be a real day, like 2026-11-26.") and nothing is saved, rather
 * than the entry being mistaken for "no date". It is never a valid day or time.
 */
export const UNREADABLE_ENTRY = '(unreadable)';

/** The part of an input element that says what it holds. */
export interface EntryControl {
  value: string;
  validity: { badInput: boolean };
}

/** The control's value, or UNREADABLE_ENTRY when it holds something the browser could not read. */
export function readEntry(control: EntryControl): string {
  return control.validity.badInput ? UNREADABLE_ENTRY : control.value;
}

/** The value to put in the control itself: the browser keeps showing an unreadable entry as typed. */
export function controlValue(entry: string): string {
  return entry === UNREADABLE_ENTRY ? '' : entry;
}
