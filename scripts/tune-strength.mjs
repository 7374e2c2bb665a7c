#!/usr/bin/env node
// `node scripts/tune-strength.mjs [--dataset typical|heavy] [--seeds 7,8,9] [--base JSON] JSON…`:
// the truth figures of the strength settings on the tuning seeds, never the report seeds (see
// test/bench/tune.ts). Each JSON argument is one variant: a patch deep-merged into the base
// settings (the defaults unless --base). `node scripts/tune-strength.mjs --fading-scores heavy`:
// the AUC of candidate fading scores (test/bench/tuneFading.ts). Loaded like the bench (runMain.mjs).
import { runMain } from './runMain.mjs';

await runMain('test/bench/tune.ts');
