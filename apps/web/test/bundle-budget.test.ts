import { describe, expect, it } from 'vitest';
import { bundleReport, LANDINGS, readManifest, STUDENT_HOME_JS_BUDGET_BYTES } from '../serve/bundle-report.js';

// Vitest's global setup builds the app (ensureWebBuilt) before any test runs.
describe('the production bundle', () => {
  const report = bundleReport(LANDINGS.map(({ screen, namespaces }) => ({ screen, namespaces })));

  it('keeps the student home\'s first-visit JavaScript within 200 KB gzipped', () => {
    const home = report.landings[0]!;
    expect(home.screen).toBe('src/areas/student/Home.tsx');
    expect(home.jsGzipBytes).toBeLessThanOrEqual(STUDENT_HOME_JS_BUDGET_BYTES);
  });

  it('is split per screen: no area\'s screens ride along on another area\'s first visit', () => {
    const manifest = readManifest();
    const otherAreas = Object.entries(manifest)
      .filter(([key]) => /^src\/areas\/(instructor|admin|platform|account)\//.test(key))
      .map(([, chunk]) => chunk.file);
    expect(otherAreas.length).toBeGreaterThan(0);
    const home = report.landings[0]!;
    expect(home.files.filter((file) => otherAreas.includes(file))).toEqual([]);
  });
});
