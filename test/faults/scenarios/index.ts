import type { Scenario } from '../harness/scenario';
import { DEVICE_CRASH } from './deviceCrash';
import { HOSTILE } from './hostile';
import { PASSPHRASE_SCENARIOS } from './passphrase';
import { SERVER_CRASH } from './serverCrash';
import { STORAGE } from './storage';

/** Every scenario, in the order of the published table. */
export const SCENARIOS: Scenario[] = [
  ...SERVER_CRASH,
  ...DEVICE_CRASH,
  ...HOSTILE,
  ...STORAGE,
  ...PASSPHRASE_SCENARIOS,
];
