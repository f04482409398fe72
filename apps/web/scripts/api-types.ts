import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { webPackageRoot } from '../serve/index.js';

const run = promisify(execFile);

/** The API's OpenAPI document, as `tessera openapi` builds it in memory. */
export async function openApiDocument(): Promise<string> {
  const cli = join(webPackageRoot, '../server/bin/tessera.js');
  const { stdout } = await run(process.execPath, [cli, 'openapi'], {
    maxBuffer: 64 * 1024 * 1024,
    env: withoutBackends(process.env),
  });
  return stdout;
}

const HEADER = '// Generated from the API\'s /openapi.json by `npm run generate:api -w @tessera/web`. Do not edit.\n\n';

/** TypeScript types of every path, operation and schema of the document (openapi-typescript). */
export async function generateApiTypes(document: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}

/** The document describes routes, not data: build it without the caller's database, bus or cache. */
function withoutBackends(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, NATS_URL: _nats, REDIS_URL: _redis, ...rest } = env;
  return { ...rest, LOG_LEVEL: 'error' };
}
