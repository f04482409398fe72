import type { HttpApp } from '@tessera/platform';

/** A JSON schema as `/openapi.json` carries it (plain data). */
export type JsonSchema = Record<string, unknown>;

/** A path, query or header parameter of an operation. */
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

/** One method + path of the API, as the red team attacks it. */
export interface Operation {
  method: string;
  /** The OpenAPI path template, e.g. `/api/v1/users/{id}`. */
  path: string;
  /** `x-permission`: a permission name, `public` or `authenticated`. */
  permission: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface OpenApiOperation {
  'x-permission'?: unknown;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/**
 * Every operation the running app documents, read from its own `/openapi.json` so routes added later are
 * attacked without a change here. An operation without `x-permission` fails the suite: the auth hook and
 * this suite both rely on every route saying who may call it.
 */
export async function documentedOperations(app: HttpApp): Promise<Operation[]> {
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`GET /openapi.json answered ${response.statusCode}`);
  const spec = response.json<{ paths?: Record<string, Partial<Record<string, OpenApiOperation>>> }>();
  const operations: Operation[] = [];
  const undeclared: string[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const permission = operation['x-permission'];
      if (typeof permission !== 'string' || permission === '') {
        undeclared.push(`${method.toUpperCase()} ${path}`);
        continue;
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        permission,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  if (undeclared.length > 0) throw new Error(`Operations without x-permission: ${undeclared.join(', ')}`);
  return operations;
}

/** True for routes anyone may call without a credential. */
export function isPublic(operation: Operation): boolean {
  return operation.permission === 'public';
}

/** The operation's path parameters, in the order they appear in the path. */
export function pathParameters(operation: Operation): Parameter[] {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  return names.map((name) => operation.parameters.find((p) => p.in === 'path' && p.name === name) ?? { name, in: 'path', required: true, schema: { type: 'string' } });
}
