// @ts-nocheck
import { utcDay, utcMonth } from 'd3-time';
import { CONTEXT_KINDS } from '../../../../shared/domain/kinds';
import { dateToDay, dayToDate } from './calendar';
const KIND_INDEX = new Map(CONTEXT_KINDS.map((k, i) => [k, i]));
export function prepareEncounters(encounters, ownerId) {
  const sorted = [...encounters].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const slot = new Map();
  const offsets = new Int32Array(sorted.length + 1);
  const list = [];
  sorted.forEach((e, i) => {
    for (const id of e.participantIds) {
      if (id === ownerId) continue;
      let s = slot.get(id);
      if (s === undefined) slot.set(id, (s = slot.size));
      list.push(s);
    }
    offsets[i + 1] = list.length;
  });
  return { dates: sorted.map((e) => e.date), kinds: Uint8Array.from(sorted, (e) => KIND_INDEX.get(e.context) ?? 0), offsets, slots: Int32Array.from(list), people: slot.size };
}
export function networkComposition(journal, last) {
  const activeMonths = 12, maxMonthly = 36;
  const { dates, kinds, offsets, slots } = journal;
  if (dates.length === 0 || dates[0] > last) return { monthsPerPeriod: 1, periods: [], kinds: [] };
  const firstMonth = utcMonth.floor(dayToDate(dates[0]));
  const lastMonth = utcMonth.floor(dayToDate(last));
  const months = utcMonth.count(firstMonth, lastMonth) + 1;
  const step = months > maxMonthly ? 3 : 1;
  const periodStart = step === 1 ? firstMonth : utcMonth.every(3).floor(firstMonth);
  const perKind = CONTEXT_KINDS.length;
  const counts = new Int32Array(journal.people * perKind);
  const main = new Uint8Array(journal.people);
  const lastSeen = new Array(journal.people).fill('');
  const used = new Set();
  const periods = [];
  let next = 0;
  for (let start = periodStart; start <= lastMonth; start = utcMonth.offset(start, step)) {
    const e1 = dateToDay(utcDay.offset(utcMonth.offset(start, step), -1));
    const end = e1 < last ? e1 : last;
    for (; next < dates.length && dates[next] <= end; next++) {
      const k = kinds[next]; const date = dates[next];
      for (let j = offsets[next]; j < offsets[next + 1]; j++) {
        const i = slots[j];
        if (lastSeen[i] === '') main[i] = k;
        const n = counts[i * perKind + k] + 1;
        counts[i * perKind + k] = n;
        if (n >= counts[i * perKind + main[i]]) main[i] = k;
        lastSeen[i] = date;
      }
    }
    const activeSince = dateToDay(utcDay.offset(utcMonth.offset(dayToDate(end), -activeMonths), 1));
    const byKind = new Int32Array(perKind);
    let total = 0;
    for (let i = 0; i < lastSeen.length; i++) { if (lastSeen[i] < activeSince) continue; byKind[main[i]]++; total++; }
    const pc = Object.fromEntries(CONTEXT_KINDS.map((k) => [k, 0]));
    CONTEXT_KINDS.forEach((kind, i) => { pc[kind] = byKind[i]; if (pc[kind] > 0) used.add(kind); });
    periods.push({ start: dateToDay(start), end, counts: pc, total });
  }
  return { monthsPerPeriod: step, periods, kinds: CONTEXT_KINDS.filter((k) => used.has(k)) };
}
