/**
 * Sync requests for tests: what Kith's sync engine sends (each must pass checkSyncRequest) and what
 * a compromised page could try instead (each must be refused, with the words the refusal must
 * contain). The check's own tests and both transports' tests run the same lists.
 */
import type { SyncRequestShape } from './syncUrl';

const envelope = (id: string) => ({
  _id: id,
  kith: 2,
  c: 'people',
  v: 2,
  enc: true,
  kid: 'k',
  iv: 'i',
  data: 'd',
});

export const ALLOWED_SYNC_REQUESTS: readonly SyncRequestShape[] = [
  { method: 'GET', path: '' },
  { method: 'PUT', path: '' },
  { method: 'GET', path: '_changes?include_docs=true&since=0&limit=1000' },
  { method: 'GET', path: '_changes?feed=longpoll&since=%2212-abc%22&timeout=25000&limit=1000' },
  { method: 'GET', path: '_changes?style=all_docs&heartbeat=10000&feed=longpoll&since=now' },
  { method: 'GET', path: '_all_docs?include_docs=true&limit=200' },
  { method: 'GET', path: '_all_docs?include_docs=true&limit=200&startkey=%22people%3Aabc%22&skip=1' },
  { method: 'GET', path: '_all_docs?endkey=%22ties%3Az%22' },
  { method: 'POST', path: '_all_docs?include_docs=true', body: { keys: ['people:abc', 'kith-key'] } },
  { method: 'POST', path: '_bulk_docs', body: { docs: [] } },
  {
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [envelope('people:abc'), { ...envelope('settings:strength'), _rev: '2-x' }] },
  },
  { method: 'GET', path: 'kith-key' },
  { method: 'GET', path: 'kith-journal' },
  {
    method: 'PUT',
    path: 'kith-key',
    body: { _id: 'kith-key', kith: 2, kdf: 'PBKDF2-SHA-256', current: { kid: 'k' } },
  },
  { method: 'PUT', path: 'kith-journal', body: { _id: 'kith-journal', kith: 1, journalId: 'j' } },
  { method: 'DELETE', path: 'kith-key?rev=3-abc' },
  { method: 'GET', path: 'people%3Aabc' },
  { method: 'GET', path: 'followups%3Ab5c0e1c2-93a4-4f1e-8a3b-0d9d3c8f7a61' },
  { method: 'PUT', path: 'encounters%3Ae_1', body: envelope('encounters:e_1') },
  { method: 'DELETE', path: 'communities%3Ac-1?rev=1-a' },
];

export const REFUSED_SYNC_REQUESTS: readonly (SyncRequestShape & { why: string })[] = [
  { method: 'DELETE', path: '', why: 'DELETE "" (the database itself)' },
  { method: 'POST', path: '', body: { _id: 'x' }, why: 'POST "" (the database itself)' },
  { method: 'HEAD', path: '', why: 'HEAD "" (the database itself)' },
  { method: 'PUT', path: '_security', body: { members: {} }, why: 'PUT "_security"' },
  { method: 'GET', path: '_security', why: '"_security" is not a Kith document' },
  { method: 'POST', path: '_purge', body: { 'people:abc': ['1-a'] }, why: 'POST "_purge"' },
  { method: 'PUT', path: '_design/x', body: { views: {} }, why: '"_design/x" is not a Kith document' },
  { method: 'PUT', path: '_design%2Fx', body: { views: {} }, why: 'PUT "_design%2Fx"' },
  { method: 'PUT', path: '_local/x', body: {}, why: '"_local/x" is not a Kith document' },
  { method: 'DELETE', path: '_local%2Fkith-checkpoint', why: 'DELETE "_local%2Fkith-checkpoint"' },
  {
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [envelope('people:abc'), { _id: '_design/x', views: {} }] },
    why: 'document 2 in _bulk_docs has the id "_design/x", which is not a Kith document',
  },
  {
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [{ _id: '_local/x' }] },
    why: 'document 1 in _bulk_docs has the id "_local/x"',
  },
  {
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [envelope('people:abc')], new_edits: false },
    why: '_bulk_docs takes only { docs: [...] }, not "new_edits"',
  },
  {
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [{ ...envelope('people:abc'), _attachments: { f: { data: 'AAAA' } } }] },
    why: 'document 1 in _bulk_docs carries "_attachments"',
  },
  {
    method: 'POST',
    path: '_bulk_docs?new_edits=false',
    body: { docs: [] },
    why: '"new_edits" is not a query',
  },
  { method: 'PUT', path: '_bulk_docs', body: { docs: [] }, why: 'PUT "_bulk_docs"' },
  {
    method: 'POST',
    path: '_all_docs',
    body: { keys: ['people:abc'], include_docs: true },
    why: '_all_docs takes only { keys: [...] }',
  },
  {
    method: 'POST',
    path: '_all_docs',
    body: { keys: ['people:abc', '_design/x'] },
    why: 'the key "_design/x" asked of _all_docs is not a Kith document id',
  },
  {
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [{ kith: 2 }] },
    why: 'document 1 in _bulk_docs has no _id',
  },
  { method: 'GET', path: '_changes?filter=_view&view=x%2Fy', why: '"filter" is not a query parameter' },
  { method: 'DELETE', path: '_changes', why: 'DELETE "_changes"' },
  { method: 'GET', path: '../_users', why: '"../_users" is not a Kith document' },
  { method: 'GET', path: '..%2F_users', why: '"../_users" is not a Kith document' },
  { method: 'GET', path: '%2e%2e/_config', why: 'is not a Kith document' },
  { method: 'GET', path: 'people%3A..%2F..%2F_config', why: '"people:../../_config" is not a Kith document' },
  { method: 'PUT', path: 'widgets%3Aabc', body: {}, why: '"widgets" is not a journal collection' },
  { method: 'PUT', path: 'people%3Aa.b', body: {}, why: '"people:a.b" is not a Kith document' },
  { method: 'GET', path: 'people:abc', why: 'Kith writes it percent-encoded (people%3Aabc)' },
  { method: 'GET', path: 'people%3Aabc?attachments=true', why: '"attachments" is not a query parameter' },
  { method: 'GET', path: 'people%3Aabc#x', why: 'has no # part' },
  {
    method: 'PUT',
    path: 'people%3Aabc',
    body: envelope('people:other'),
    why: 'the body names the document "people:other"',
  },
  { method: 'DELETE', path: 'people%3Aabc', body: { _deleted: true }, why: 'a DELETE carries no body' },
  { method: 'GET', path: '_session', why: '"_session" is not a Kith document' },
];
