import { describe, expect, it } from 'vitest';
import { ALLOWED_SYNC_REQUESTS, REFUSED_SYNC_REQUESTS } from './syncRequestExamples';
import { checkServerUrl, checkSyncRequest, databaseUrl, originOf, resolveSyncPath } from './syncUrl';

describe('the sync server address', () => {
  it.each([
    ['http://127.0.0.1:5984', 'http://127.0.0.1:5984/'],
    ['https://couch.example.org/couchdb', 'https://couch.example.org/couchdb'],
    ['  https://Couch.Example.org/ ', 'https://couch.example.org/'],
  ])('accepts %j', (raw, url) => {
    expect(checkServerUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['127.0.0.1:5984', 'must start with http:// or https://'],
    ['ftp://example.org', 'must start with http:// or https://, not ftp:'],
    ['http://ada:pw@example.org', 'put the username and password in their own fields'],
    ['http://example.org/?db=kith', 'must not carry a query'],
    ['not an address', 'not a complete address'],
    ['couch.example.org', 'must start with http:// or https://'],
  ])('refuses %j', (raw, reason) => {
    expect(checkServerUrl(raw)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it('builds the database URL under the server path, with the name encoded', () => {
    expect(databaseUrl('https://couch.example.org/couchdb', 'kith')).toBe(
      'https://couch.example.org/couchdb/kith/',
    );
    expect(databaseUrl('http://127.0.0.1:5984/', 'team/kith')).toBe('http://127.0.0.1:5984/team%2Fkith/');
    expect(() => databaseUrl('http://127.0.0.1:5984', 'Kith')).toThrow(/^Sync database name: /);
  });

  it('compares servers by origin', () => {
    expect(originOf('http://127.0.0.1:5984/a')).toBe(originOf('http://127.0.0.1:5984'));
    expect(originOf('http://127.0.0.1:5985')).not.toBe(originOf('http://127.0.0.1:5984'));
  });
});

describe('a sync request path', () => {
  const db = 'https://couch.example.org/couchdb/kith/';
  it.each([
    ['', db],
    ['_changes?since=0&include_docs=true', `${db}_changes?since=0&include_docs=true`],
    ['people%3Aabc', `${db}people%3Aabc`],
  ])('%j stays inside the database', (path, url) => {
    expect(resolveSyncPath(db, path)).toEqual({ ok: true, url });
  });

  it.each([
    'https://evil.example/x',
    '//evil.example/x',
    '/_users',
    '../other/_all_docs',
    '%2e%2e/_config',
    '.%2E/_session',
    '..\\_config',
    'javascript:alert(1)',
  ])('%j is refused', (path) => {
    expect(resolveSyncPath(db, path).ok).toBe(false);
  });
});

describe('a sync request', () => {
  it.each(ALLOWED_SYNC_REQUESTS)('$method $path is one Kith sends, so it passes', (request) => {
    expect(checkSyncRequest(request)).toEqual({ ok: true });
  });

  it.each(REFUSED_SYNC_REQUESTS)('$method $path is refused ($why)', ({ why, ...request }) => {
    const check = checkSyncRequest(request);
    expect(check.ok).toBe(false);
    const reason = check.ok ? '' : check.reason;
    expect(reason).toContain(why);
    // A sentence that names the request, so a person reading the sync error knows what was refused.
    expect(reason).toMatch(new RegExp(`^${request.method} "`));
  });
});
