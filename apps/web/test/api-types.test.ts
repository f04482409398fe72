import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, openApiDocument } from '../scripts/api-types.js';
import { webPackageRoot } from '../serve/index.js';

describe('the typed API client', () => {
  it('is generated from the OpenAPI document the server serves today (run `npm run generate:api -w @tessera/web` when this fails)', async () => {
    const committed = await readFile(join(webPackageRoot, 'src/api/openapi.d.ts'), 'utf8');
    const fresh = await generateApiTypes(await openApiDocument());
    expect(committed === fresh, 'src/api/openapi.d.ts is out of date with the server\'s routes').toBe(true);
  }, 60_000);
});
