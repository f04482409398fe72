import { randomBytes, randomUUID } from 'node:crypto';
import type { JsonSchema } from './operations.js';

/** A value for a field, looked up by its name (a query parameter or body property); undefined: none known. */
export type FieldValue = (name: string) => unknown;

const MAX_DEPTH = 6;
// Plain words first: most patterns (names, slugs, scopes, codes) accept one of them once padded.
const STRING_CANDIDATES = ['redteam', 'red-team', 'RedTeam1', '/red-team', 'a'];

/**
 * A valid-looking value for `schema`: the suite sends each operation a body that passes validation where it
 * can, so the attack reaches the handler (a 400 would prove nothing). Fields the fixtures know by name get
 * tenant A's values; objects carry their required properties plus any property with a known value.
 */
export function sampleOf(schema: JsonSchema, fieldValue: FieldValue, name?: string, depth = 0): unknown {
  const known = name === undefined ? undefined : fieldValue(name);
  if (known !== undefined) return known;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const options = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as JsonSchema[] | undefined;
  if (Array.isArray(options) && options.length > 0) {
    const option = options.find((candidate) => candidate.type !== 'null') ?? options[0] ?? {};
    return sampleOf(option, fieldValue, undefined, depth + 1);
  }
  switch (typeOf(schema)) {
    case 'object': return depth < MAX_DEPTH ? sampleObject(schema, fieldValue, depth) : {};
    case 'array': return sampleArray(schema, fieldValue, depth);
    case 'integer':
    case 'number': return sampleNumber(schema);
    case 'boolean': return false;
    case 'null': return null;
    default: return sampleString(schema);
  }
}

function typeOf(schema: JsonSchema): string {
  const type = schema.type;
  if (Array.isArray(type)) return String(type.find((t) => t !== 'null') ?? 'null');
  if (typeof type === 'string') return type;
  return schema.properties ? 'object' : 'string';
}

function sampleObject(schema: JsonSchema, fieldValue: FieldValue, depth: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const names = Object.keys(properties).filter((key) => required.has(key) || fieldValue(key) !== undefined);
  const minimum = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
  for (const key of Object.keys(properties)) if (names.length < minimum && !names.includes(key)) names.push(key);
  return Object.fromEntries(names.map((key) => [key, sampleOf(properties[key] ?? {}, fieldValue, key, depth + 1)]));
}

function sampleArray(schema: JsonSchema, fieldValue: FieldValue, depth: number): unknown[] {
  const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const items = (schema.items ?? {}) as JsonSchema;
  // Distinct items, for schemas with uniqueItems: enums give their first values, strings a suffix.
  const enumValues = Array.isArray(items.enum) ? items.enum : undefined;
  return Array.from({ length: Math.min(count, 20) }, (_unused, index) =>
    enumValues?.[index] ?? (index === 0 ? sampleOf(items, fieldValue, undefined, depth + 1) : `${String(sampleOf(items, fieldValue, undefined, depth + 1))}${index}`));
}

function sampleNumber(schema: JsonSchema): number {
  if (typeof schema.default === 'number') return schema.default;
  if (typeof schema.minimum === 'number') return schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + 1;
  return 1;
}

/** A string for a parameter or property nobody named: random where an id is expected, so it names nothing. */
export function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid': return randomUUID();
    case 'email': return `red-team-${randomBytes(4).toString('hex')}@example.test`;
    case 'date-time': return new Date(Date.now() + 86_400_000).toISOString();
    case 'date': return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    case 'uri':
    case 'url': return 'http://127.0.0.1/red-team';
  }
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 10_000;
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  const fitted = STRING_CANDIDATES.map((candidate) => (candidate + 'a'.repeat(Math.max(0, min - candidate.length))).slice(0, max));
  return fitted.find((candidate) => !pattern || pattern.test(candidate)) ?? fitted[0] ?? 'redteam';
}
