import type { Link } from './link';

export interface ChangeRow {
  id: string;
  seq: unknown;
  deleted?: boolean;
  changes?: { rev: string }[];
  doc?: unknown;
}
export interface ChangePage {
  results: ChangeRow[];
  last_seq: unknown;
}

const KEEP_PAGES = 32;

export const MALFORMED_FEED = 'The sync server sent a malformed changes feed: nothing can be pulled from it.';

/** A `_changes` answer Kith can read: a list of rows that each name a document. */
export function isChangePage(page: unknown): page is ChangePage {
  const results = (page as { results?: unknown } | null)?.results;
  return (
    Array.isArray(results) &&
    results.every((r) => !!r && typeof (r as ChangeRow).id === 'string' && (r as ChangeRow).seq !== undefined)
  );
}

export function seqParam(seq: unknown): string {
  return encodeURIComponent(typeof seq === 'string' ? seq : JSON.stringify(seq ?? 0));
}

/**
 * One database holds every collection, so each collection's pull reads the same `_changes` feed and
 * keeps its own documents. Pages are shared: the collections pulling side by side ask for the same
 * `since` and get one request. Full pages are kept a while (a page that a later edit changed only
 * hands out an older version, whose newer one comes later in the feed); the last, partial page is
 * shared only while in flight, since new changes will extend it.
 */
export class ChangePages {
  private pages = new Map<string, Promise<ChangePage>>();

  constructor(
    private readonly link: Link,
    readonly pageSize: number,
  ) {}

  page(since: unknown): Promise<ChangePage> {
    const key = seqParam(since);
    const cached = this.pages.get(key);
    if (cached) return cached;
    const request = this.link
      .send(
        { method: 'GET', path: `_changes?include_docs=true&since=${key}&limit=${this.pageSize}` },
        'read changes',
      )
      .then((res) => {
        const page = res.body;
        if (!isChangePage(page)) throw new Error(MALFORMED_FEED);
        if (page.results.length < this.pageSize) this.pages.delete(key);
        return page;
      });
    request.catch(() => this.pages.delete(key));
    this.pages.set(key, request);
    if (this.pages.size > KEEP_PAGES) this.pages.delete(this.pages.keys().next().value as string);
    return request;
  }
}
