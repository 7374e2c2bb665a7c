import type { RxJsonSchema } from 'rxdb';
import ZSchema from 'z-schema';
import type { ValidationIssue } from '../domain/validation';

let compiled = 0;

/**
 * A JSON schema compiled once with z-schema (it compiles nothing with eval, so it works under the
 * app's Content-Security-Policy, unlike ajv); documents are then validated against its id.
 *
 * Why not rxdb/plugins/validate-z-schema as it is: it hands z-schema the schema object on every
 * write, and z-schema then deep-clones, compiles and meta-validates the schema once per document,
 * which made bulk writes about ten times slower than the validation itself (measured: 5,000
 * encounters in 1,974 ms that way, 176 ms with the schema registered once).
 */
export function compileSchema(schema: RxJsonSchema<unknown>): (doc: unknown) => ValidationIssue[] {
  const validator = ZSchema.create({ strictMode: false });
  const id = `kith:${schema.title ?? 'collection'}:${schema.version}:${compiled++}`;
  // A copy: z-schema annotates the schema objects it compiles.
  validator.validateSchema({ ...(JSON.parse(JSON.stringify(schema)) as object), id } as never);
  return (doc) => {
    const result = validator.validateSafe(doc, id);
    if (result.valid) return [];
    return (result.err?.details ?? []).map(({ message, path }) => ({
      path: (Array.isArray(path) ? path.join('.') : String(path)).replace(/^#\/?/, '').replaceAll('/', '.'),
      message,
    }));
  };
}
