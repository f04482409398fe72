import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';

const shared: Options = { allErrors: true, useDefaults: true, strict: false, removeAdditional: false };

/**
 * Request validation with two Ajv instances. Bodies are checked strictly: no type coercion ("5" is not a
 * number) and unknown fields are refused — every object schema without an explicit `additionalProperties`
 * is treated as closed. Query strings, params and headers are text on the wire, so they are coerced.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const strict = withFormats(new Ajv({ ...shared, coerceTypes: false }));
  const coercing = withFormats(new Ajv({ ...shared, coerceTypes: 'array' }));
  return ({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(closeObjects(schema)) : coercing.compile(schema as object);
}

function withFormats(ajv: Ajv): Ajv {
  (addFormats as unknown as (ajv: Ajv) => Ajv)(ajv);
  return ajv;
}

/** A copy of `schema` in which object schemas default to `additionalProperties: false`. */
export function closeObjects<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(closeObjects) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = closeObjects(value);
  if (copy.type === 'object' && copy.properties && !('additionalProperties' in copy)) {
    copy.additionalProperties = false;
  }
  return copy as T;
}
