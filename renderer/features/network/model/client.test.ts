import { describe, expect, it } from 'vitest';
import { encounter, on, OWNER, person } from '../../../../shared/network/testing';
import { NetworkClient } from './client';
import type { FromWorker } from './protocol';
import { driveCore, isAnalysis } from './testing';

const people = [
  person(OWNER, { name: 'Me' }),
  person('ana', { name: 'Ana' }),
  person('ben', { name: 'Ben' }),
];
const encounters = [0, 30, 60, 90].map((d) => encounter(d, ['ana', 'ben']));
const journal = { people, encounters, ties: [], communities: [] };
const TODAY = on(200);

/** A client whose worker answers only when the test hands it the worker core's messages. */
function clientWithManualWorker() {
  let deliver: (message: FromWorker) => void = () => {};
  const client = new NetworkClient(
    () => ({
      post: () => {},
      listen: (listener) => {
        deliver = listener;
      },
      terminate: () => {},
    }),
    TODAY,
  );
  return { client, deliver: (message: FromWorker) => deliver(message) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the network client', () => {
  it('shows an analysis that arrives while the date moves only once the date rests', async () => {
    const core = driveCore();
    const { from } = await core.load(journal, TODAY);
    const { client, deliver } = clientWithManualWorker();
    client.setJournal(journal, TODAY);
    for (const message of core.messages.slice(from)) deliver(message);
    expect(client.getSnapshot().analysedDay).toBe(TODAY);

    const before = core.messages.length;
    core.send({ type: 'analyse', day: on(45) });
    const analysis = await core.next(isAnalysis, before);

    client.setDay(on(50));
    client.setDay(on(45));
    deliver(analysis);
    // The slider just moved: the table and panels keep the previous analysis for now.
    expect(client.getSnapshot().analysedDay).toBe(TODAY);
    await pause(250);
    expect(client.getSnapshot().analysedDay).toBe(on(45));
    client.dispose();
  });

  it('shows an analysis at once when the date has not moved', async () => {
    const core = driveCore();
    const { from } = await core.load(journal, TODAY);
    const { client, deliver } = clientWithManualWorker();
    client.setJournal(journal, TODAY);
    for (const message of core.messages.slice(from)) deliver(message);
    const before = core.messages.length;
    core.send({ type: 'analyse', day: on(45) });
    deliver(await core.next(isAnalysis, before));
    expect(client.getSnapshot().analysedDay).toBe(on(45));
    client.dispose();
  });

  it('names each stage of the first build with its progress, and clears it once the map has a picture', async () => {
    const core = driveCore();
    const { from } = await core.load(journal, TODAY);
    const { client, deliver } = clientWithManualWorker();
    client.setJournal(journal, TODAY);
    const seen: { stage: string; done: number }[] = [];
    const record = () => {
      const p = client.getSnapshot().progress;
      if (p && seen.at(-1)?.stage !== p.stage) seen.push({ ...p });
    };
    record();
    const messages = core.messages.slice(from);
    for (const message of messages) {
      deliver(message);
      record();
      // Until the communities are found nothing is counted: no analysed date, so the page shows no counts.
      const stage = client.getSnapshot().progress?.stage;
      if (stage === 'reading' || stage === 'strengths') expect(client.getSnapshot().analysedDay).toBeNull();
    }
    expect(seen.map((s) => s.stage)).toEqual(['reading', 'strengths', 'communities', 'layout']);
    const shares = seen.map((s) => s.done);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    expect(client.getSnapshot().progress).toBeNull();
    expect(client.getSnapshot().analysedDay).toBe(TODAY);

    // A rebuild after an edit keeps the picture it has: no progress bar over it.
    client.setJournal(journal, TODAY);
    expect(client.getSnapshot().progress).toBeNull();
    client.dispose();
  });
});
