import { wrappedValidateStorageFactory, type RxJsonSchema, type RxValidationError } from 'rxdb';
import ZSchema from 'z-schema';

/**
 * Document validation for the storage, with z-schema (it compiles nothing with eval, so it works
 * under the app's Content-Security-Policy, unlike ajv).
 *
 * Why not rxdb/plugins/validate-z-schema as it is: it hands z-schema the schema object on every
 * write, and z-schema then deep-clones, compiles and meta-validates the schema once per document,
 * which made bulk writes about ten times slower than the validation itself (measured: 5,000
 * encounters in 1,974 ms that way, 176 ms with the schema registered once). Here each schema is
 * compiled once, under an id, and documents are validated against that id.
 */
function compiledValidator(schema: RxJsonSchema<unknown>): (doc: unknown) => RxValidationError[] {
  const validator = ZSchema.create({ strictMode: false });
  const id = `kith:${schema.title ?? 'collection'}:${schema.version}:${nextId++}`;
  // A copy: z-schema annotates the schema objects it compiles.
  validator.validateSchema({ ...(JSON.parse(JSON.stringify(schema)) as object), id } as never);
  return (doc) => {
    const result = validator.validateSafe(doc, id);
    if (result.valid) return [];
    return (result.err?.details ?? []).map(({ message, path }) => ({
      field: (Array.isArray(path) ? path.join('.') : path).replace(/^#\/?/, '').replaceAll('/', '.'),
      message,
    }));
  };
}
let nextId = 0;

export const wrappedValidateKithStorage = wrappedValidateStorageFactory(
  compiledValidator,
  'z-schema-compiled',
);
