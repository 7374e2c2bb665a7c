import type { StoredJournal } from '../page/api';
import { recordEncounter } from '../../e2e/helpers';
import { journalOf } from '../harness/data';
import type { Findings, Scenario, ScenarioContext } from '../harness/scenario';
import { poll, settle, settles } from '../harness/settle';
import type { Operator, SyncServerProcess } from '../harness/syncServer';
import { enterPassphrase, finishInterruptedChange, startPassphraseChange, waitForStatus } from '../ui';
import {
  checkUsable,
  countDifference,
  deviceWith,
  join,
  keyIdOf,
  NEW_PASSPHRASE,
  PASSPHRASE,
  serverHealth,
  syncAndSettle,
  syncedDevice,
} from './common';

/** A journal of about 600 documents: several pages of re-encryption (the app re-encrypts 200 at a time). */
const JOURNAL = { people: 100, ties: 150, encounters: 330, years: 3 };

/**
 * What the server holds after a passphrase change: nothing in plaintext (each plaintext envelope is
 * wrongly accepted), nothing under another key than the key document's, and a fresh device joining
 * with the new passphrase reads exactly `reference` (missing or different documents are lost).
 */
async function judgeServer(
  ctx: ScenarioContext,
  findings: Findings,
  server: SyncServerProcess,
  operator: Operator,
  reference: StoredJournal,
): Promise<void> {
  const health = await serverHealth(operator);
  findings.note('server', health);
  findings.check(health.plaintext === 0, `${health.plaintext} plaintext on the server`);
  findings.check(health.otherKey === 0, `${health.otherKey} of ${health.total} under another key`);
  const fresh = await join(ctx, server, NEW_PASSPHRASE, 'fresh device', 60_000);
  findings.note('freshDevice', fresh.status.slice(0, 120));
  findings.check(fresh.settled, `a fresh device says "${fresh.status.slice(0, 50)}"`);
  countDifference(findings, reference, fresh.journal, 'fresh device with the new passphrase');
  findings.wronglyAccepted = (findings.wronglyAccepted ?? 0) + health.plaintext;
}

/**
 * A's browser is killed with SIGKILL while Settings › Sync › Change passphrase re-encrypts ~600
 * documents. Relaunched, the app must say the change was interrupted and offer to finish it (the
 * fixed app's "Finish the passphrase change"); afterwards every document on the server must be
 * readable with the new passphrase by a fresh device, and none in plaintext.
 */
const interruptedChange: Scenario = {
  name: 'passphrase-change-interrupted',
  kind: 'passphrase',
  summary: 'kill -9 of the browser while a passphrase change re-encrypts ~600 documents; finish it',
  async run(ctx, findings) {
    const journal = journalOf(JOURNAL, ctx.seed);
    const { server, operator, device: a, before } = await syncedDevice(ctx, journal, PASSPHRASE);
    const oldKid = keyIdOf(await operator.get('kith-key'));
    const total = (await operator.envelopes()).length;
    const dialog = await startPassphraseChange(a.page, NEW_PASSPHRASE);
    const killAt = ctx.between(1, Math.floor(total / 2));
    const done = await poll(
      async () => {
        const n = (await operator.envelopes()).filter((e) => e.kid !== oldKid).length;
        return n >= killAt ? n : undefined;
      },
      120_000,
      `${killAt} documents re-encrypted`,
    );
    const injected = await ctx.fault(
      'kill -9 of A',
      () => a.kill9(),
      () => dialog.waitFor({ state: 'detached', timeout: 120_000 }),
    );
    findings.note('reEncryptedAtKill', `${done} of ${total}`);
    await a.openApp();
    await checkUsable(findings, a, 'after the restart');
    if (injected) {
      const problem = await finishInterruptedChange(a.page, { current: PASSPHRASE, next: NEW_PASSPHRASE });
      findings.check(problem === null, problem ?? '');
    }
    findings.check(await settles(a.page, operator, 45_000), 'A is not in sync afterwards');
    await judgeServer(ctx, findings, server, operator, before);
    findings.passPhrase = `finished; a fresh device reads all ${(findings.measured.server as { total: number }).total}`;
  },
};

/**
 * A changes the passphrase while B keeps recording encounters. B then gets the new passphrase typed
 * in, as its status asks. Every encounter B recorded and every document of A must reach a fresh
 * device joining with the new passphrase; nothing may stay in plaintext or under the old key.
 */
const racedChange: Scenario = {
  name: 'passphrase-change-raced',
  kind: 'passphrase',
  summary: 'a passphrase change on A while B keeps recording encounters; all readable with the new one',
  async run(ctx, findings) {
    const { server, operator, device: a } = await syncedDevice(ctx, journalOf(JOURNAL, ctx.seed), PASSPHRASE);
    const b = await deviceWith(ctx, 'B');
    await syncAndSettle(ctx, b, server, PASSPHRASE);
    const titles: string[] = [];
    const record = async () => {
      const title = `Raced edit ${titles.length + 1}`;
      await recordEncounter(b.page, { newPeople: [`Racer ${titles.length + 1}`], title });
      titles.push(title);
    };
    const dialog = await startPassphraseChange(a.page, NEW_PASSPHRASE);
    await ctx.fault('edits on B during the change', async () => {
      while ((await dialog.count()) > 0 && titles.length < 40) await record();
    });
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    findings.note('editsDuringTheChange', titles.length);
    for (let i = 0; i < 2; i++) await record();
    findings.check(await settles(a.page, operator, 45_000), 'A is not in sync with the new passphrase');
    // B is told the passphrase changed; the person types the new one in.
    const told = await waitForStatus(b.page, /does not match|another passphrase/, 60_000).then(
      () => true,
      () => false,
    );
    findings.check(told, 'B was not told the passphrase changed');
    await enterPassphrase(b.page, NEW_PASSPHRASE);
    findings.check(await settles(b.page, operator, 45_000), 'B is not in sync with the new passphrase');
    await settle(a.page, operator).catch(() => undefined);
    const onA = await a.read();
    const onB = await b.read();
    await b.close();
    // Everything either device acknowledged: A's journal and B's additions to it.
    const union: StoredJournal = Object.fromEntries(
      Object.entries(onA).map(([c, docs]) => {
        const ids = new Set(docs.map((d) => d.id));
        return [c, [...docs, ...(onB[c] ?? []).filter((d) => !ids.has(d.id))]];
      }),
    );
    const missingOnA = titles.filter((t) => !(onA.encounters ?? []).some((e) => e.title === t)).length;
    findings.note('raceEditsMissingOnA', missingOnA);
    await judgeServer(ctx, findings, server, operator, union);
    findings.passPhrase = `${titles.length} edits raced; all readable with the new passphrase`;
  },
};

export const PASSPHRASE_SCENARIOS: Scenario[] = [interruptedChange, racedChange];
