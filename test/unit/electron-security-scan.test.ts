// The static security gate (scripts/security-scan.mjs) must fail on an insecure shell and accept
// a finding only where it is justified with a reason.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  where: string;
  justified: boolean;
}
interface ScanScript {
  scan(folders: string[]): Promise<{ findings: Finding[]; problems: string[] }>;
}

let scanScript: ScanScript;
beforeAll(async () => {
  const url = pathToFileURL(resolve(import.meta.dirname, '../../scripts/security-scan.mjs')).href;
  scanScript = (await import(/* @vite-ignore */ url)) as ScanScript;
});

let shell: string;
beforeEach(() => {
  shell = join(mkdtempSync(join(tmpdir(), 'kith-scan-')), 'shell');
  mkdirSync(shell);
});
afterEach(() => rmSync(join(shell, '..'), { recursive: true, force: true }));

const window = (preferences: string, above = ''): string => `
import { BrowserWindow } from 'electron';
export function open() {
  ${above}
  return new BrowserWindow({
    webPreferences: {
      ${preferences}
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
`;

const scanOf = async (files: Record<string, string>) => {
  for (const [name, source] of Object.entries(files)) writeFileSync(join(shell, name), source);
  return scanScript.scan([shell]);
};
const finding = (findings: Finding[], id: string): Finding | undefined => findings.find((f) => f.id === id);

describe('the security scan', () => {
  it('flags a window with context isolation off', async () => {
    const { findings } = await scanOf({ 'window.ts': window('contextIsolation: false,') });
    expect(finding(findings, 'CONTEXT_ISOLATION_JS_CHECK')).toMatchObject({
      where: 'shell/window.ts:7',
      justified: false,
    });
  });

  it('does not flag the setting once it is explicit and safe', async () => {
    const { findings } = await scanOf({ 'window.ts': window('contextIsolation: true,') });
    expect(finding(findings, 'CONTEXT_ISOLATION_JS_CHECK')).toBeUndefined();
  });

  it('accepts a finding justified with a reason at the flagged line', async () => {
    const justified = window(
      '// electronegativity-justified: CONTEXT_ISOLATION_JS_CHECK — a test fixture that never ships\n      contextIsolation: false,',
    );
    const { findings } = await scanOf({ 'window.ts': justified });
    expect(finding(findings, 'CONTEXT_ISOLATION_JS_CHECK')?.justified).toBe(true);
  });

  it('refuses a justification without a reason, or for another check', async () => {
    const noReason = window(
      '// electronegativity-justified: CONTEXT_ISOLATION_JS_CHECK — ok\n      contextIsolation: false,',
    );
    expect(
      finding((await scanOf({ 'window.ts': noReason })).findings, 'CONTEXT_ISOLATION_JS_CHECK')?.justified,
    ).toBe(false);
    const otherCheck = window(
      '// electronegativity-justified: SANDBOX_JS_CHECK — sandboxed elsewhere\n      contextIsolation: false,',
    );
    expect(
      finding((await scanOf({ 'window.ts': otherCheck })).findings, 'CONTEXT_ISOLATION_JS_CHECK')?.justified,
    ).toBe(false);
  });

  it('refuses the tool’s own eng-disable comments, which hide findings without a reason', async () => {
    const { problems } = await scanOf({
      'window.ts': window('contextIsolation: false, // eng-disable CONTEXT_ISOLATION_JS_CHECK'),
    });
    expect(problems).toEqual([expect.stringContaining('shell/window.ts:7: eng-disable hides a finding')]);
  });

  it('leaves tests and test fakes out of the scan', async () => {
    const { findings } = await scanOf({ 'window.test.ts': window('contextIsolation: false,') });
    expect(findings.filter((f) => f.where !== '(whole app)')).toEqual([]);
  });
});
