#!/usr/bin/env node
// The static security gate for the desktop shell: runs @doyensec/electronegativity over electron/
// and fails on any finding that is not justified where it is flagged.
//
// Justifying a finding: put this comment on the flagged line or in the comment lines right above it
//   // electronegativity-justified: CHECK_ID — why this is safe here
// (a dash or em dash, then a reason of at least ten characters). Findings the tool cannot place
// (global checks such as CSP_GLOBAL_CHECK, reported at line 0) are justified by such a comment
// anywhere in the scanned sources. The tool's own `eng-disable` comments are refused: they hide a
// finding without a reason.
//
// Usage: node scripts/security-scan.mjs [folder ...]   (default: electron)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const SOURCE = /\.(ts|tsx|js|mjs|cjs|html)$/;
// Tests and their fakes exercise insecure inputs on purpose; they never ship.
const NOT_SHIPPED = /(\.test\.[a-z]+$)|(^|\/)testing\//;
const JUSTIFICATION = /electronegativity-justified:\s*([A-Z0-9_]+)\s*(?:—|–|-{1,2})\s*(\S.{9,})/;
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*)/;
// Needs the network (it downloads Electron's release list); Electron's version is pinned in
// package.json and `npm audit` covers known vulnerabilities instead.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** The shipped sources in `folder`, keyed by their path from the repository (or from the folder's parent). */
function listSources(folder) {
  const fromRoot = relative(ROOT, folder);
  const base = fromRoot.startsWith('..') || isAbsolute(fromRoot) ? dirname(folder) : ROOT;
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => SOURCE.test(file) && !NOT_SHIPPED.test(relative(folder, file).split('\\').join('/')))
    .map((file) => [relative(base, file), file]);
}

// Electronegativity fetches translations (and release lists) from the internet on every run.
// Kith's tooling makes no network calls, so its HTTP client answers "not found" at once.
function keepElectronegativityOffline() {
  const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = createRequire(join(toolDir, 'package.json')).resolve('got');
  const offline = async () => ({ statusCode: 404, body: '', headers: {} });
  offline.head = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

function justificationsIn(lines) {
  return lines.flatMap((line) => {
    const match = JUSTIFICATION.exec(line);
    return match ? [match[1]] : [];
  });
}

/** The justifications at a flagged line: on it, or in the comment block directly above it. */
function justificationsAt(lines, lineNumber) {
  const found = [lines[lineNumber - 1] ?? ''];
  for (let index = lineNumber - 2; index >= 0 && COMMENT_LINE.test(lines[index]); index -= 1)
    found.push(lines[index]);
  return justificationsIn(found);
}

export async function scan(folders) {
  const files = folders.flatMap((folder) => listSources(resolve(ROOT, folder)));
  const sources = new Map(files.map(([path, file]) => [path, readFileSync(file, 'utf8').split('\n')]));

  // The scan runs on a copy without tests and fakes, laid out as in the repository.
  const copy = mkdtempSync(join(tmpdir(), 'kith-security-scan-'));
  try {
    for (const [path, lines] of sources) {
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      writeFileSync(join(copy, path), lines.join('\n'));
    }
    keepElectronegativityOffline();
    const run = require('@doyensec/electronegativity');
    const electronVersion = JSON.parse(
      readFileSync(require.resolve('electron/package.json'), 'utf8'),
    ).version;
    const result = await run({
      input: copy,
      electronVersionOverride: electronVersion,
      excludeFromScan: EXCLUDED_CHECKS,
    });

    const everywhere = new Set([...sources.values()].flatMap(justificationsIn));
    const findings = result.issues.map((issue) => {
      const path = relative(copy, issue.file);
      const lines = sources.get(path);
      const placed = lines !== undefined && issue.location.line > 0;
      const justified = placed
        ? justificationsAt(lines, issue.location.line).includes(issue.id)
        : everywhere.has(issue.id);
      return {
        id: issue.id,
        where: placed ? `${path}:${issue.location.line}` : '(whole app)',
        description: issue.description,
        justified,
      };
    });
    const problems = [
      ...result.errors
        .filter((error) => !error.tolerable)
        .map((error) => `could not parse ${relative(copy, error.file)}: ${error.message}`),
      ...[...sources].flatMap(([path, lines]) =>
        lines.flatMap((line, index) =>
          /eng-disable/.test(line)
            ? [
                `${path}:${index + 1}: eng-disable hides a finding without a reason; use electronegativity-justified`,
              ]
            : [],
        ),
      ),
    ];
    return { findings, problems };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function main() {
  const folders = process.argv.slice(2);
  const { findings, problems } = await scan(folders.length > 0 ? folders : ['electron']);
  for (const finding of findings) {
    const verdict = finding.justified ? 'justified  ' : 'UNJUSTIFIED';
    console.log(`${verdict} ${finding.id} at ${finding.where}: ${finding.description}`);
  }
  for (const problem of problems) console.log(`PROBLEM     ${problem}`);
  const justified = findings.filter((finding) => finding.justified).length;
  const unjustified = findings.length - justified;
  console.log(
    `security scan: ${findings.length} findings, ${justified} justified, ${unjustified} unjustified`,
  );
  if (unjustified > 0 || problems.length > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
