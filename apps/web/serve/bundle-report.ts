import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { webRoot } from './index.js';

/** One chunk of Vite's build manifest (`dist/.vite/manifest.json`). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface LandingSize {
  /** The screen module the landing page shows, e.g. src/areas/student/Home.tsx. */
  screen: string;
  /** JavaScript files the browser downloads to show it: the entry, the screen and the English catalogs, with their static imports. */
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

export interface BundleReport {
  chunks: { file: string; bytes: number; gzipBytes: number }[];
  totalJsGzipBytes: number;
  landings: LandingSize[];
}

export function readManifest(root = webRoot): Manifest {
  const path = join(root, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error(`no build manifest at ${path}: build the web app first`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/**
 * What a first visit costs: the entry chunk, the chunks of `screens` (lazy routes the visit opens) and the
 * English catalogs of `namespaces`, each with everything it imports statically, counted once.
 */
export function landingSize(manifest: Manifest, screen: string, namespaces: string[], root = webRoot): LandingSize {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the build manifest has no entry chunk');
  if (!manifest[screen]) throw new Error(`the build has no chunk for ${screen}`);
  const wanted = [entry, screen, ...namespaces.map((ns) => `src/i18n/locales/en/${ns}.json`).filter((key) => manifest[key])];
  const keys = new Set<string>();
  const visit = (key: string) => {
    if (keys.has(key) || !manifest[key]) return;
    keys.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  wanted.forEach(visit);
  const files = [...keys].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  const css = new Set([...keys].flatMap((key) => manifest[key]!.css ?? []));
  const read = (file: string) => readFileSync(join(root, file));
  return {
    screen,
    files,
    jsBytes: files.reduce((sum, file) => sum + read(file).length, 0),
    jsGzipBytes: files.reduce((sum, file) => sum + gzipSize(read(file)), 0),
    cssGzipBytes: [...css].reduce((sum, file) => sum + gzipSize(read(file)), 0),
  };
}

/** Every chunk's size, and the first-visit cost of each area's landing screen. */
export function bundleReport(landings: { screen: string; namespaces: string[] }[], root = webRoot): BundleReport {
  const manifest = readManifest(root);
  const files = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
  const chunks = files.map((file) => {
    const bytes = readFileSync(join(root, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
  }).sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    chunks,
    totalJsGzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    landings: landings.map((landing) => landingSize(manifest, landing.screen, landing.namespaces, root)),
  };
}

/** Gzip at the level servers and CDNs use by default. */
function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes, { level: 6 }).length;
}

/** The budget of the issue: the student home's first load, JavaScript only, gzipped. */
export const STUDENT_HOME_JS_BUDGET_BYTES = 200 * 1024;

/** The landing screen of each area, as routes.tsx opens them. */
export const LANDINGS = [
  { area: 'student home', screen: 'src/areas/student/Home.tsx', namespaces: ['common', 'student'] },
  { area: 'sign-in', screen: 'src/areas/auth/SignIn.tsx', namespaces: ['common', 'auth'] },
  { area: 'instructor courses', screen: 'src/areas/instructor/Courses.tsx', namespaces: ['common', 'instructor'] },
  { area: 'admin users', screen: 'src/areas/admin/Users.tsx', namespaces: ['common', 'admin'] },
];
