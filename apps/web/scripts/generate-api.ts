import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateApiTypes, openApiDocument } from './api-types.js';
import { webPackageRoot } from '../serve/index.js';

/** Regenerates `src/api/openapi.d.ts` from the server's own OpenAPI document. */
const target = join(webPackageRoot, 'src/api/openapi.d.ts');
await writeFile(target, await generateApiTypes(await openApiDocument()));
console.log(`wrote ${target}`);
