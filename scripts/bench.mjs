#!/usr/bin/env node
// `npm run bench [-- --json FILE]`: the harness is TypeScript (test/bench/driver.ts), loaded by
// Vite's module runner (runMain.mjs).
import { runMain } from './runMain.mjs';

await runMain('test/bench/driver.ts');
