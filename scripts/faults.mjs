#!/usr/bin/env node
// `npm run faults [-- --only NAME] [-- --json FILE]`: the fault suite (test/faults/main.ts), loaded by
// Vite's module runner like the bench (runMain.mjs).
import { runMain } from './runMain.mjs';

await runMain('test/faults/main.ts');
