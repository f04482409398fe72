import { fileURLToPath } from 'node:url';

/** Folder of the web app's static files, served at `/` by the API process. */
export const webRoot = fileURLToPath(new URL('../public', import.meta.url));
