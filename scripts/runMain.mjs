// The TypeScript harnesses (the bench, the fault suite, the strength tuning) are loaded by Vite's
// module runner, so node needs no extra loader and they share the tests' helpers. Each script
// names its harness; the harness's `main(args)` returns the exit code.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** Runs `main(process.argv.slice(2))` of the TypeScript module at `path` (from the repository root). */
export async function runMain(path) {
  const { module } = await runnerImport(resolve(root, path), {
    root,
    configFile: false,
    logLevel: 'warn',
  });
  process.exitCode = await module.main(process.argv.slice(2));
}
