import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';
import { problemTypes } from './problem.js';

const problemSchema: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri-reference', enum: Object.values(problemTypes).map((t) => `/problems/${t.slug}`) },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    code: { type: 'string', description: 'Stable domain error code, e.g. EXAMPLE.PING_NOT_FOUND' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { pointer: { type: 'string' }, detail: { type: 'string' } } },
    },
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * OpenAPI 3.1 generated from the route schemas at `/openapi.json`, with the interactive docs at `/docs`.
 * Every operation documents its problem responses, and authenticated ones the bearer scheme.
 */
export async function installOpenApi(app: FastifyInstance, info: { title: string; version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { ...info, description: 'Tessera REST API. Errors are RFC 9457 problem+json; see /problems/{type}.' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT or tsk_ API key' } },
        schemas: { Problem: problemSchema },
      },
    },
    transform: ({ schema, url, route }) => {
      const permission = route.config?.permission;
      const isPublic = route.config?.auth === false || permission === 'public';
      const transformed = { ...(schema ?? {}) } as Record<string, unknown>;
      if (!isPublic && !transformed.security) transformed.security = [{ bearer: [] }];
      if (permission) {
        // The permission is part of the contract: clients (and the red-team suite) read it from here.
        transformed['x-permission'] = permission;
        const needs = permission === 'public' ? 'No credential needed.' : permission === 'authenticated' ? 'Any signed-in caller.' : `Requires the permission \`${permission}\`.`;
        transformed.description = [transformed.description, needs].filter(Boolean).join('\n\n');
      }
      return { schema: transformed, url };
    },
    transformObject: (documentObject) => {
      const spec = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
      for (const operations of Object.values(spec.paths ?? {})) {
        for (const operation of Object.values(operations as Record<string, { responses?: Record<string, unknown> }>)) {
          if (typeof operation !== 'object' || !operation) continue;
          operation.responses = {
            ...operation.responses,
            '4XX': problemResponse('Client error (problem details)'),
            '5XX': problemResponse('Server error (problem details)'),
          };
        }
      }
      return spec;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true }, config: { auth: false } }, async () => app.swagger());
}
