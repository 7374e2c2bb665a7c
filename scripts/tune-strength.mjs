#!/usr/bin/env node
// `node scripts/tune-strength.mjs [--dataset typical|heavy] [--seeds 7,8,9] [--base JSON] JSON…`:
// the truth figures of the strength settings on the tuning seeds, never the report seeds (see
// test/bench/tune.ts). Each JSON argument is one variant: a patch deep-merged into the base
// settings (the defaults unless --base). `node scripts/tune-strength.mjs --fading-scores heavy`:
// the AUC of candidate fading scores (test/bench/tuneFading.ts). Loaded like the bench, by Vite's
// module runner.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');
const { module } = await runnerImport(resolve(root, 'test/bench/tune.ts'), {
  root,
  configFile: false,
  logLevel: 'warn',
});
process.exitCode = await module.main(process.argv.slice(2));
