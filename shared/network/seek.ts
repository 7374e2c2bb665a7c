/**
 * The position of the last entry <= day in the sorted slice days[from, to), or from - 1 when there
 * is none. `hint` is where the previous call for this slice ended: while a time slider moves
 * forward the answer is the hint or a step or two past it, so the common case costs O(1); any
 * other move falls back to a binary search.
 */
export function seekLastAtOrBefore(
  days: Float64Array,
  from: number,
  to: number,
  day: number,
  hint: number,
): number {
  if (hint >= from - 1 && hint < to && (hint < from || (days[hint] as number) <= day)) {
    let k = hint;
    for (let step = 0; step < 4; step++) {
      if (k + 1 >= to || (days[k + 1] as number) > day) return k;
      k++;
    }
    from = k;
  } else if (hint >= from && hint < to) {
    to = hint;
  }
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Entries of many ties stored back to back (tie i owns days[offsets[i], offsets[i + 1])): the last
 * entry of tie `i` on or before `day`, remembering where each tie's previous seek ended in `cursor`.
 */
export function seekTieEntry(
  days: Float64Array,
  offsets: Int32Array,
  cursor: Int32Array,
  i: number,
  day: number,
): number {
  const k = seekLastAtOrBefore(
    days,
    offsets[i] as number,
    offsets[i + 1] as number,
    day,
    cursor[i] as number,
  );
  cursor[i] = k;
  return k;
}
