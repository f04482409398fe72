import { bundleReport, LANDINGS, STUDENT_HOME_JS_BUDGET_BYTES } from '../../../apps/web/serve/bundle-report.js';
import { buildWeb } from '../../../apps/web/serve/index.js';
import type { Bench, Json } from '../lib/bench.js';

const KB = 1024;

/**
 * The web app's production build: what a first visit to each area's landing screen downloads (JavaScript,
 * gzipped), against the student home's budget, and the largest chunks.
 */
export const bench: Bench = {
  name: 'web',
  description: 'Production build of the web app: first-visit JavaScript per landing screen (gzipped) against the 200 KB student-home budget, and the largest chunks.',
  async run({ log }) {
    log('building the web app (vite build)');
    const started = Date.now();
    buildWeb({ quiet: true });
    const buildSeconds = (Date.now() - started) / 1000;
    const report = bundleReport(LANDINGS.map(({ screen, namespaces }) => ({ screen, namespaces })));
    const landingRows = report.landings.map((landing, index) => ({
      area: LANDINGS[index]!.area,
      files: landing.files.length,
      raw: landing.jsBytes / KB,
      gzip: landing.jsGzipBytes / KB,
      css: landing.cssGzipBytes / KB,
      budget: index === 0 ? `${STUDENT_HOME_JS_BUDGET_BYTES / KB} KB: ${landing.jsGzipBytes <= STUDENT_HOME_JS_BUDGET_BYTES ? 'met' : 'NOT met'}` : '—',
    }));
    const chunkRows = report.chunks.slice(0, 10).map((chunk) => ({ file: chunk.file.replace(/^assets\//, ''), raw: chunk.bytes / KB, gzip: chunk.gzipBytes / KB }));
    return {
      parameters: { build: 'vite build (production, es2022)', gzipLevel: 6 },
      tables: [
        {
          title: 'First visit: JavaScript the browser downloads to show each landing screen',
          columns: [
            { key: 'area', title: 'landing screen' },
            { key: 'files', title: 'JS files' },
            { key: 'raw', title: 'JS KB', decimals: 1 },
            { key: 'gzip', title: 'JS KB gzip', decimals: 1 },
            { key: 'css', title: 'CSS KB gzip', decimals: 1 },
            { key: 'budget', title: 'budget' },
          ],
          rows: landingRows,
        },
        {
          title: `Largest chunks (of ${report.chunks.length}; all JS ${(report.totalJsGzipBytes / KB).toFixed(1)} KB gzip)`,
          columns: [
            { key: 'file', title: 'chunk' },
            { key: 'raw', title: 'KB', decimals: 1 },
            { key: 'gzip', title: 'KB gzip', decimals: 1 },
          ],
          rows: chunkRows,
        },
      ],
      figures: { buildSeconds, ...(report as unknown as Record<string, Json>) },
      notes: [
        'A landing screen\'s JavaScript is the entry chunk, the screen\'s lazy chunk and the English string catalogs it needs, each with every chunk it imports statically (read from Vite\'s build manifest), counted once. Later navigation loads other screens\' chunks on demand.',
        'Sizes are of the files as built, gzipped at level 6 by the bench (the server may serve them uncompressed on loopback).',
      ],
    };
  },
};
