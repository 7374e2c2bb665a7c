/**
 * Building blocks shared by every collection's schema. Index fields must be required, and indexed
 * strings need a maxLength and numbers a range, because the storage builds fixed-width index keys.
 */

export const idField = { type: 'string', maxLength: 64 } as const;

/** Milliseconds since the epoch; the range lets createdAt/updatedAt be indexed. */
export const timeField = { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 } as const;

export const trackedProperties = {
  id: idField,
  createdAt: timeField,
  updatedAt: timeField,
  fieldTimes: { type: 'object', additionalProperties: { type: 'string', maxLength: 128 } },
} as const;

export const trackedRequired = ['id', 'createdAt', 'updatedAt', 'fieldTimes'] as const;

export const stringList = (maxLength: number) =>
  ({ type: 'array', items: { type: 'string', maxLength } }) as const;
export const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
export const dayOrEmpty = { type: 'string', maxLength: 10 } as const;
