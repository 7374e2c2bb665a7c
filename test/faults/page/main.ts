import { COLLECTION_NAMES } from '../../../shared/db/collections';
import { INTENT_HEADER_ID } from '../../../shared/db/writeIntent';
import { insertAll } from '../../bench/page/rxdbInsert';
import type { SampleCollections } from '../../bench/page/datasets';
import { openUnvalidated } from '../../bench/page/unvalidated';
import type { ProbeApi, StoredDoc, StoredJournal } from './api';

/** The app's database name (renderer/db/openBrowserDatabase.ts opens the default, 'kith'). */
const APP_DB = 'kith';

type Readable = { find(): { exec(): Promise<{ toMutableJSON(): Record<string, unknown> }[]> } };

const api: ProbeApi = {
  async insert(collections) {
    const db = await openUnvalidated(APP_DB);
    try {
      const { people = [], ...rest } = collections;
      // The owner first, if this profile has none yet (the app creates it on its first start).
      const owner = people.find((p) => (p as { id?: string }).id === 'owner');
      if (owner && !(await db.people.findOne('owner').exec())) await db.people.insert(owner as never);
      const others = people.filter((p) => p !== owner);
      await insertAll(db, { ...rest, people: others } as unknown as SampleCollections);
      return Object.fromEntries(Object.entries(collections).map(([name, docs]) => [name, docs.length]));
    } finally {
      await db.close();
    }
  },
  async read() {
    const db = await openUnvalidated(APP_DB);
    try {
      const out: StoredJournal = {};
      for (const name of COLLECTION_NAMES) {
        const docs = await (db[name] as unknown as Readable).find().exec();
        out[name] = docs.map((d) => {
          const { _meta: _m, _rev: _r, _attachments: _a, _deleted: _d, ...rest } = d.toMutableJSON();
          return rest as StoredDoc;
        });
      }
      return out;
    } finally {
      await db.close();
    }
  },
  async records() {
    const db = await openUnvalidated(APP_DB, { localDocuments: true });
    try {
      const local = async (id: string) =>
        ((await db.getLocal(id))?.toJSON() as { data?: Record<string, unknown> } | undefined)?.data ?? null;
      const intent = await local(INTENT_HEADER_ID);
      const notice = await local('bulk-write-notice');
      const copyFiles: string[] = [];
      const root = await navigator.storage.getDirectory();
      for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
        copyFiles.push(name);
      return {
        intent: intent
          ? `${String(intent.state)} (${String(intent.kind)} of ${String(intent.source)})`
          : null,
        notice: notice ? String(notice.outcome) : null,
        copyFiles,
      };
    } finally {
      await db.close();
    }
  },
};

window.kithFaults = api;
const status = document.getElementById('status');
if (status) status.textContent = 'Probe ready.';
