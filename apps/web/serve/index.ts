import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web app's package folder. */
export const webPackageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Folder of the built single-page app (`vite build`), served at `/` by the API process. */
export const webRoot = join(webPackageRoot, 'dist');

// `public` holds files copied as they are (the push service worker).
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** True when `dist` is missing or older than any source of the app. */
export function webBuildIsStale(): boolean {
  const stamp = join(webRoot, 'index.html');
  if (!existsSync(stamp)) return true;
  const builtAt = statSync(stamp).mtimeMs;
  return SOURCES.some((entry) => newestChange(join(webPackageRoot, entry)) > builtAt);
}

/** Builds the app when its sources changed since the last build (`npm start` and the browser tests call this). */
export function ensureWebBuilt(options: { quiet?: boolean } = {}): void {
  if (webBuildIsStale()) buildWeb(options);
}

/** A production build (`vite build`), whatever the state of `dist`; the web bench times it. */
export function buildWeb(options: { quiet?: boolean } = {}): void {
  const vite = join(webPackageRoot, 'node_modules/.bin/vite');
  const bin = existsSync(vite) ? vite : join(webPackageRoot, '../../node_modules/.bin/vite');
  // Vitest runs with NODE_ENV=test, which vite would pass on to React (its development build, half again as
  // large): the app is always built for production, so the size budget measures what browsers get.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(bin, ['build'], { cwd: webPackageRoot, env, stdio: options.quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`building the web app failed (exit ${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}
