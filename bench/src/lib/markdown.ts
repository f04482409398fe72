import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The opening of docs/benchmarks.md when the first bench creates it. */
export const DOC_HEADER = `# Benchmarks

Every section below is generated from \`bench/results/<name>.json\` by \`npm run bench -- <name>\`
(\`npm run bench\` lists the benches). Do not edit the sections by hand: rerun the bench instead.
Each section says which machine, load and parameters its numbers come from.
`;

export function sectionMarkers(name: string): { start: string; end: string } {
  return { start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` };
}

/**
 * Puts `body` between the markers of bench `name`, leaving everything else in `doc` as it was; a bench
 * without a section yet gets one appended. A start marker without its end is refused rather than guessed at,
 * since guessing could swallow the sections after it.
 */
export function replaceSection(doc: string, name: string, body: string): string {
  const { start, end } = sectionMarkers(name);
  const section = `${start}\n${body.trim()}\n${end}`;
  const from = doc.indexOf(start);
  if (from === -1) {
    if (doc.includes(end)) throw new Error(`"${end}" has no start marker`);
    const base = doc.trim() === '' ? DOC_HEADER : doc;
    return `${base.trimEnd()}\n\n${section}\n`;
  }
  const to = doc.indexOf(end, from + start.length);
  if (to === -1) throw new Error(`"${start}" has no end marker after it`);
  if (doc.indexOf(start, from + start.length) !== -1) throw new Error(`"${start}" appears more than once`);
  return doc.slice(0, from) + section + doc.slice(to + end.length);
}

/** Rewrites the section of bench `name` in the markdown file at `path`, creating the file if needed. */
export function writeSection(path: string, name: string, body: string): void {
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '';
  writeFileSync(path, replaceSection(doc, name, body));
}
