import type { RxJsonSchema } from 'rxdb';
import { trackedProperties, trackedRequired } from './common';

/** One document per group of settings (e.g. 'preferences'); `value` is validated by its reader. */
export interface SettingDoc {
  id: string;
  createdAt: number;
  updatedAt: number;
  fieldTimes: Record<string, string>;
  value: Record<string, unknown>;
}

export const settingsSchema = {
  title: 'settings',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...trackedProperties,
    value: { type: 'object' },
  },
  required: [...trackedRequired, 'value'],
  additionalProperties: false,
} as const satisfies RxJsonSchema<SettingDoc>;
