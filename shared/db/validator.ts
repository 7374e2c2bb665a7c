import { wrappedValidateStorageFactory, type RxJsonSchema, type RxValidationError } from 'rxdb';
import { compileSchema } from './schemaCheck';

/** Document validation for the storage: each collection's schema compiled once (see compileSchema). */
function compiledValidator(schema: RxJsonSchema<unknown>): (doc: unknown) => RxValidationError[] {
  const check = compileSchema(schema);
  return (doc) => check(doc).map(({ path, message }) => ({ field: path, message }));
}

export const wrappedValidateKithStorage = wrappedValidateStorageFactory(
  compiledValidator,
  'z-schema-compiled',
);
