import { personDocument } from '../../../shared/db/documents';
import { makeStamp } from '../../../shared/db/fieldTimes';
import type { StoredDoc, StoredJournal } from '../page/api';
import { journalOf, SMALL, type Journal } from '../harness/data';
import type { Device } from '../harness/device';
import { describeDiff, diff, fingerprints, OWNER_KEY } from '../harness/journal';
import { ChangesProxy } from '../harness/proxy';
import type { Findings, Scenario, ScenarioContext } from '../harness/scenario';
import { NO_STATUS, settle, settles } from '../harness/settle';
import type { Operator, ServerDoc } from '../harness/syncServer';
import { recordEncounter, waitForApp } from '../../e2e/helpers';
import {
  documentsSetAside,
  FIXED_APP,
  journalUsable,
  retitleEncounter,
  retrySync,
  setUpSync,
  syncStatusText,
} from '../ui';
import {
  changesSince,
  checkUsable,
  deviceWith,
  join,
  PASSPHRASE,
  saltOf,
  serverHealth,
  sleep,
  syncedDevice,
} from './common';

/** The server's writer id in forged stamps: later than any real edit, so a merge would take it. */
const FORGER = 'server-operator';

/** Writes a new revision of a server document, as the operator can. */
async function rewrite(
  operator: Operator,
  id: string,
  change: (doc: ServerDoc) => Record<string, unknown>,
): Promise<void> {
  const current = await operator.get(id);
  if (!current) throw new Error(`${id} is not on the server`);
  await operator.put({ ...change(current), _id: id, _rev: current._rev });
}

/** The journal's own documents of a collection (not the owner), in a stable order. */
function docsOf(journal: StoredJournal, collection: string): StoredDoc[] {
  return (journal[collection] ?? []).filter((d) => d.id !== 'owner').sort((a, b) => (a.id < b.id ? -1 : 1));
}

function pick<T>(ctx: ScenarioContext, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(ctx.between(0, pool.length - 1), 1)[0] as T);
  if (out.length < n)
    throw new Error(`needed ${n} documents to tamper with, found ${pool.length + out.length}`);
  return out;
}

/**
 * How the journal changed since `before`, leaving out the documents the device itself added
 * (`own`): gone documents are lost; changed or added ones were wrongly accepted.
 */
function countChange(
  findings: Findings,
  before: StoredJournal,
  after: StoredJournal,
  own: (doc: StoredDoc) => boolean = () => false,
): void {
  const d = diff(fingerprints(before), fingerprints(after), [OWNER_KEY]);
  const mine = new Set(
    Object.entries(after).flatMap(([c, docs]) => docs.filter(own).map((doc) => `${c}:${doc.id}`)),
  );
  d.extra = d.extra.filter((key) => !mine.has(key));
  findings.lost = (findings.lost ?? 0) + d.missing.length;
  findings.wronglyAccepted = (findings.wronglyAccepted ?? 0) + d.changed.length + d.extra.length;
  findings.note('journalAfterTheAttack', describeDiff(d));
}

/**
 * After an attack: the device is given time to pull; then the status must tell the truth (name the
 * refused documents; say Synced in a control run), Settings › Data health must list them, the app
 * must reload and show its journal without an uncaught error, then open again after a relaunch; and
 * the journal must be as it was before the attack.
 */
async function judgeAttack(
  findings: Findings,
  attack: { device: Device; operator: Operator; before: StoredJournal; refused: number },
): Promise<void> {
  const { device, operator, before, refused } = attack;
  const errorsBefore = device.pageErrors.length;
  const status = await observe(device, operator);
  findings.note('status', status);
  if (refused > 0) {
    findings.check(FIXED_APP.refusedStatus.test(status), `status says "${status.slice(0, 40)}"`);
    const listed = await documentsSetAside(device.page).catch(() => null);
    findings.note('setAside', listed);
    findings.check(
      listed !== null && listed >= refused,
      listed === null ? 'no Data health list' : `${listed} of ${refused} set aside`,
    );
  } else {
    findings.check(/^Synced/.test(status), `status says "${status.slice(0, 40)}"`);
  }
  await device.page.reload();
  await checkUsable(findings, device, 'after a reload');
  findings.check(
    device.pageErrors.length === errorsBefore,
    `page error: ${device.pageErrors[errorsBefore]?.slice(0, 80) ?? ''}`,
  );
  countChange(findings, before, await device.read());
  await device.restart();
  await checkUsable(findings, device, 'after a relaunch');
}

/**
 * The sync status once the device has had time to pull: when it has not changed for 4 s, or after
 * 20 s. What the page shows instead when there is no status at all (the app broke).
 */
async function observe(device: Device, operator: Operator): Promise<string> {
  const status = await settle(device.page, operator, { until: /./, quietMs: 4_000, timeoutMs: 20_000 }).catch(
    () => syncStatusText(device.page).catch(() => NO_STATUS),
  );
  if (status !== NO_STATUS) return status;
  const shown = await device.page
    .locator('body')
    .innerText({ timeout: 5_000 })
    .catch(() => '');
  return `${NO_STATUS}: the page shows "${shown.replace(/\s+/g, ' ').slice(0, 100)}"`;
}

/** A small encrypted journal (or plain, with passphrase ''), with birthdays and addresses on a few people. */
function smallJournal(ctx: ScenarioContext): Journal {
  const journal = journalOf(SMALL, ctx.seed);
  for (const person of (journal.people ?? []).slice(1, 6)) {
    Object.assign(person, { birthday: '1980-04-12', addresses: ['12 Fault Lane, Testington'] });
  }
  return journal;
}

interface Target {
  operator: Operator;
  before: StoredJournal;
  device: Device;
  /** What prepare() left for the attack. */
  prepared: ServerDoc | null;
}

function hostile(
  name: string,
  summary: string,
  attack: (ctx: ScenarioContext, target: Target) => Promise<{ refused: number }>,
  options: {
    passphrase?: string;
    short?: boolean;
    /** Steps in the app before the journal is read as "before" (e.g. an edit whose old version is kept). */
    prepare?: (ctx: ScenarioContext, device: Device, operator: Operator) => Promise<ServerDoc>;
  } = {},
): Scenario {
  return {
    name,
    kind: 'hostile server',
    summary,
    ...(options.short ? { short: true } : {}),
    async run(ctx, findings) {
      const synced = await syncedDevice(ctx, smallJournal(ctx), options.passphrase ?? PASSPHRASE);
      const { operator, device } = synced;
      let before = synced.before;
      let prepared: ServerDoc | null = null;
      if (options.prepare) {
        prepared = await options.prepare(ctx, device, operator);
        await settle(device.page, operator);
        before = await device.read();
        await device.openApp();
        await settle(device.page, operator);
      }
      let refused = 0;
      await ctx.fault(name, async () => {
        refused = (await attack(ctx, { operator, before, device, prepared })).refused;
      });
      await judgeAttack(findings, { device, operator, before, refused });
      findings.passPhrase = refused > 0 ? `${refused} refused and named, journal intact` : 'journal intact';
    },
  };
}

const plaintextInjection = hostile(
  'plaintext-injection',
  'the operator writes unencrypted envelopes (enc: false) into an encrypted journal: one edit, one new person',
  async (ctx, { operator, before }) => {
    const [target] = pick(ctx, docsOf(before, 'encounters'), 1) as [StoredDoc];
    const ms = Date.now() + 60_000;
    const forgedEdit = {
      ...target,
      title: 'Forged by the server',
      updatedAt: ms,
      fieldTimes: { ...(target.fieldTimes as object), title: makeStamp(ms, FORGER) },
      _deleted: false,
    };
    // In the journal's own envelope format, so it is refused for being plaintext, not for its format.
    let format: unknown = 1;
    await rewrite(operator, `encounters:${target.id}`, (doc) => ({
      kith: (format = doc.kith),
      c: 'encounters',
      v: doc.v,
      enc: false,
      doc: forgedEdit,
    }));
    const forgedPerson = personDocument(
      'forged-person',
      { name: 'Mallory Forged' },
      { ms, stamp: makeStamp(ms, FORGER) },
    );
    await operator.put({
      _id: 'people:forged-person',
      kith: format,
      c: 'people',
      v: 2,
      enc: false,
      doc: { ...forgedPerson, _deleted: false },
    });
    return { refused: 2 };
  },
  { short: true },
);

const schemaVersionTamper = hostile(
  'schema-version-tamper',
  'the operator sets the envelope’s schema version v to 0, 1 and 99 on three people (ciphertext untouched)',
  async (ctx, { operator, before }) => {
    const withDetails = docsOf(before, 'people').filter((p) => p.birthday !== '');
    const targets = pick(ctx, withDetails, 3);
    for (const [i, v] of [0, 1, 99].entries()) {
      await rewrite(operator, `people:${targets[i]!.id}`, (doc) => ({ ...doc, v }));
    }
    return { refused: 3 };
  },
);

const rollbackReplay = hostile(
  'rollback-replay',
  'the operator replays an encounter’s older ciphertext (from before its last edit) under a new revision',
  async (_ctx, { operator, prepared }) => {
    const old = prepared!;
    await rewrite(operator, old._id, () => ({ ...old }));
    return { refused: 1 };
  },
  {
    // An encounter made and then renamed in the app; the server keeps its first ciphertext.
    async prepare(_ctx, device, operator) {
      const since = (await operator.info())?.updateSeq;
      await recordEncounter(device.page, { newPeople: ['Rollback Rita'], title: 'Rollback: first title' });
      await settle(device.page, operator);
      const ids = (await changesSince(operator, since))
        .map((c) => c.id)
        .filter((id) => id.startsWith('encounters:'));
      if (ids.length !== 1) throw new Error(`expected one new encounter on the server, found ${ids.length}`);
      const first = (await operator.get(ids[0]!))!;
      await retitleEncounter(device.page, 'Rollback: first title', 'Rollback: edited title');
      return first;
    },
  },
);

const swappedCiphertexts = hostile(
  'swapped-ciphertexts',
  'the operator swaps the ciphertexts (iv, data) of two people’s envelopes',
  async (ctx, { operator, before }) => {
    const [x, y] = pick(ctx, docsOf(before, 'people'), 2) as [StoredDoc, StoredDoc];
    const ex = (await operator.get(`people:${x.id}`))!;
    const ey = (await operator.get(`people:${y.id}`))!;
    await rewrite(operator, ex._id, (doc) => ({ ...doc, iv: ey.iv, data: ey.data }));
    await rewrite(operator, ey._id, (doc) => ({ ...doc, iv: ex.iv, data: ex.data }));
    return { refused: 2 };
  },
);

const corruptDocument = hostile(
  'corrupt-document',
  'one bit of an encounter’s ciphertext (data) is flipped on the server',
  async (ctx, { operator, before }) => {
    const [target] = pick(ctx, docsOf(before, 'encounters'), 1) as [StoredDoc];
    await rewrite(operator, `encounters:${target.id}`, (doc) => {
      const bytes = Buffer.from(String(doc.data), 'base64');
      const at = ctx.between(0, bytes.length - 1);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << ctx.between(0, 7));
      return { ...doc, data: bytes.toString('base64') };
    });
    return { refused: 1 };
  },
  { short: true },
);

const impossibleDate = hostile(
  'impossible-date-plain',
  'in a plain (unencrypted) journal the operator sets two encounters’ dates to 2026-02-30 and not-a-date',
  async (ctx, { operator, before }) => {
    const targets = pick(ctx, docsOf(before, 'encounters'), 2);
    const ms = Date.now() + 60_000;
    for (const [i, date] of ['2026-02-30', 'not-a-date'].entries()) {
      await rewrite(operator, `encounters:${targets[i]!.id}`, (doc) => {
        const inner = doc.doc as StoredDoc;
        return {
          ...doc,
          doc: {
            ...inner,
            date,
            updatedAt: ms,
            fieldTimes: { ...(inner.fieldTimes as object), date: makeStamp(ms, FORGER) },
          },
        };
      });
    }
    return { refused: 2 };
  },
  { passphrase: '', short: true },
);

/** Encounters the device itself records during an attack carry this in their title. */
const OWN_EDIT = 'Own edit';
const ownEdit = (doc: StoredDoc) =>
  String(doc.title ?? '').startsWith(OWN_EDIT) || String(doc.name ?? '').startsWith(OWN_EDIT);

/**
 * The operator deletes the `kith-key` document. The device must not replace it with a key of its own
 * (a new salt would fork the journal: no new device could read the old documents) nor push plaintext,
 * its status must not say Synced, and its journal and its new edits must stay. A fresh device then
 * joins with the passphrase: how much it can read is reported. Wrongly accepted: a key document with
 * another salt written by any device, and plaintext envelopes.
 */
const deletedKeyDoc: Scenario = {
  name: 'deleted-key-doc',
  kind: 'hostile server',
  summary: 'the operator deletes kith-key; the device must not forge a new key or push plaintext',
  async run(ctx, findings) {
    const { server, operator, device, before } = await syncedDevice(ctx, smallJournal(ctx), PASSPHRASE);
    const keyBefore = (await operator.get('kith-key'))!;
    const injected = await ctx.fault('delete kith-key', () => operator.remove('kith-key'));
    await recordEncounter(device.page, {
      newPeople: [`${OWN_EDIT} Kim`],
      title: `${OWN_EDIT}: after the key went`,
    });
    const forged = async () => {
      const key = await operator.get('kith-key');
      return key !== null && saltOf(key) !== saltOf(keyBefore) ? 1 : 0;
    };
    const status = await observe(device, operator);
    findings.note('status', status);
    findings.check(
      injected ? FIXED_APP.brokenServerStatus.test(status) : /^Synced/.test(status),
      `status says "${status.slice(0, 40)}"`,
    );
    const forgedByDevice = await forged();
    await device.page.reload();
    await checkUsable(findings, device, 'after a reload');
    const after = await device.read();
    const d = diff(fingerprints(before), fingerprints(after), [OWNER_KEY]);
    const own = (after.encounters ?? []).filter(ownEdit).length;
    findings.check(own === 1, 'the device lost its own new encounter');
    findings.lost = d.missing.length + d.changed.length + (own === 1 ? 0 : 1);
    // 30 s: a device that cannot read the journal never says Synced.
    const fresh = await join(ctx, server, PASSPHRASE, 'fresh device', 30_000);
    const readable = Object.values(fresh.journal).reduce((n, docs) => n + docs.length, 0);
    findings.note('freshDevice', `${fresh.status.slice(0, 80)}; reads ${readable} documents`);
    const health = await serverHealth(operator);
    const forgedKeys = Math.max(forgedByDevice, await forged());
    findings.note('forgedKeyDocument', forgedKeys === 1);
    findings.note('plaintextEnvelopes', health.plaintext);
    findings.wronglyAccepted = forgedKeys + health.plaintext;
    findings.check(forgedKeys === 0, 'a new key document was written');
    findings.check(health.plaintext === 0, `${health.plaintext} plaintext envelopes pushed`);
    findings.passPhrase = `no forged key, journal intact (a fresh device reads ${readable})`;
  },
};

/** A plaintext person, as the garbage feed slips it in: it must never be applied. */
function feedGarbage(existing: string): string[] {
  const ms = Date.now();
  const forged = personDocument(
    'forged-feed',
    { name: 'Fed Forgery' },
    { ms, stamp: makeStamp(ms + 60_000, FORGER) },
  );
  const row = (id: string, doc: unknown) =>
    JSON.stringify({ results: [{ id, seq: '9999-g', changes: [{ rev: '1-f' }], doc }], last_seq: '9999-g' });
  return [
    '<html><body>502 Bad Gateway</body></html>',
    JSON.stringify({ results: 7, last_seq: 'x' }),
    row('people:forged-feed', {
      _id: 'people:forged-feed',
      _rev: '1-f',
      kith: 1,
      c: 'people',
      v: 2,
      enc: false,
      doc: { ...forged, _deleted: false },
    }),
    '{"results":[{"id":"encounters:',
    row(`encounters:${existing}`, {
      _id: `encounters:${existing}`,
      _rev: '99-f',
      kith: 1,
      c: 'encounters',
      v: 0,
      enc: true,
      kid: 'AAAAAAAA',
      iv: '!!',
      data: 'garbage',
    }),
    JSON.stringify({ results: [], last_seq: { evil: true } }),
    JSON.stringify({ results: [{ id: null, seq: null }], last_seq: -1 }),
  ];
}

/**
 * A proxy in front of the server answers every _changes request with garbage (not JSON, wrong
 * types, a truncated body, a forged plaintext row, a bad sequence) for a while. The device must apply
 * nothing from it, keep its own edit, not say Synced meanwhile, and afterwards (proxy honest again)
 * receive an edit another device made, i.e. its checkpoint was not poisoned. Lost: its own edit
 * missing on the other device, or the other device's edit never reaching it.
 */
const garbageChangesFeed: Scenario = {
  name: 'garbage-changes-feed',
  kind: 'hostile server',
  summary: 'a proxy answers _changes with garbage for 10 s; nothing applied, status truthful, recovers',
  async run(ctx, findings) {
    const server = await ctx.server();
    const operator = ctx.operator(server);
    const journal = smallJournal(ctx);
    const existing = docsOf(journal as unknown as StoredJournal, 'encounters')[0]!.id;
    const proxy = await ChangesProxy.start(server.url, feedGarbage(existing), ctx.cleanup);
    const device = await deviceWith(ctx, 'A', journal);
    await setUpSync(device.page, { ...ctx.syncSetup(server, PASSPHRASE), serverUrl: proxy.url });
    await settle(device.page, operator);
    const before = await device.read();
    await device.openApp();
    await settle(device.page, operator);

    const injected = await ctx.fault('garbage _changes', async () => {
      proxy.garbage = true;
    });
    // Reopened meanwhile, the app pulls every collection from its checkpoint: into the garbage.
    await device.page.reload();
    await waitForApp(device.page);
    await recordEncounter(device.page, {
      newPeople: [`${OWN_EDIT} Gus`],
      title: `${OWN_EDIT}: during the garbage`,
    });
    await sleep(10_000);
    const status = await syncStatusText(device.page);
    findings.note('statusDuringGarbage', status);
    findings.note('garbageAnswers', proxy.served);
    findings.check(
      injected
        ? FIXED_APP.brokenServerStatus.test(status) && !/^Synced/.test(status)
        : /^Synced/.test(status),
      `status says "${status.slice(0, 40)}" during the garbage`,
    );
    proxy.garbage = false;
    await retrySync(device.page);
    findings.check(await settles(device.page, operator, 60_000), 'A did not get back in sync');

    // Another device records an encounter straight on the server; A must receive it.
    const other = await deviceWith(ctx, 'B');
    await setUpSync(other.page, ctx.syncSetup(server, PASSPHRASE));
    await settle(other.page, operator);
    await recordEncounter(other.page, {
      newPeople: [`${OWN_EDIT} Bea`],
      title: `${OWN_EDIT}: from the other device`,
    });
    await settle(other.page, operator);
    const onB = await other.read();
    await other.close();
    const reachedB = (onB.encounters ?? []).some((e) => e.title === `${OWN_EDIT}: during the garbage`);
    findings.check(reachedB, 'A’s edit never reached B');
    const received = await device.page
      .getByRole('article', { name: `${OWN_EDIT}: from the other device` })
      .waitFor({ timeout: 60_000 })
      .then(
        () => true,
        () => false,
      );
    findings.check(received, 'B’s later edit never reached A');
    findings.check((await journalUsable(device.page)) === null, 'the journal is not usable');
    countChange(findings, before, await device.read(), ownEdit);
    findings.lost = (findings.lost ?? 0) + (reachedB ? 0 : 1) + (received ? 0 : 1);
    findings.passPhrase = `nothing applied from ${proxy.served} garbage answers; recovered`;
  },
};

export const HOSTILE: Scenario[] = [
  plaintextInjection,
  schemaVersionTamper,
  rollbackReplay,
  swappedCiphertexts,
  corruptDocument,
  deletedKeyDoc,
  garbageChangesFeed,
  impossibleDate,
];
