#!/usr/bin/env node
// `npm run bench [-- --json FILE]`: the harness is TypeScript (test/bench/driver.ts); Vite's module
// runner loads it, so node needs no extra loader and the bench shares the tests' helpers.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');
const { module } = await runnerImport(resolve(root, 'test/bench/driver.ts'), {
  root,
  configFile: false,
  logLevel: 'warn',
});
process.exitCode = await module.main(process.argv.slice(2));
