#!/usr/bin/env node
// `npm run faults [-- --only NAME] [-- --json FILE]`: the fault suite (test/faults/main.ts), loaded by
// Vite's module runner like the bench, so it shares the tests' TypeScript helpers.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');
const { module } = await runnerImport(resolve(root, 'test/faults/main.ts'), {
  root,
  configFile: false,
  logLevel: 'warn',
});
process.exitCode = await module.main(process.argv.slice(2));
