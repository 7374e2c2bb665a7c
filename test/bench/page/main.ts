import type { BenchApi } from '../api';
import { generate } from './datasets';
import { rawInsert } from './rawInsert';
import { rxdbInsert } from './rxdbInsert';
import { safetyCopyRun } from './safetyCopy';
import { seedApp } from './seedApp';
import { setAsideInApp, writePastValidation } from './testSetup';

const api: BenchApi = {
  generate: async (dataset, seed) => generate(dataset, seed),
  rxdbInsert,
  rawInsert,
  seedApp,
  safetyCopy: safetyCopyRun,
  writePastValidation,
  setAsideInApp,
};

window.kithBench = api;
const status = document.getElementById('status');
if (status) status.textContent = 'Bench ready.';
