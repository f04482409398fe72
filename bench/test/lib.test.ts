import { describe, expect, it } from 'vitest';
import { DOC_HEADER, replaceSection, sectionMarkers } from '../src/lib/markdown.js';
import { LatencyRecorder, percentile, summarize } from '../src/lib/percentiles.js';
import { formatCell, markdownTable, textTable } from '../src/lib/table.js';
import type { Table } from '../src/lib/bench.js';

describe('percentiles', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('takes the nearest rank, always an observed value', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0)).toBe(1);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses what has no answer', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => summarize([])).toThrow(RangeError);
  });

  it('summarizes unsorted values numerically without reordering them', () => {
    const values = [10, 2, 1, 100, 30];
    const summary = summarize(values);
    expect(summary).toEqual({ count: 5, mean: 28.6, p50: 10, p90: 100, p95: 100, p99: 100, max: 100 });
    expect(values).toEqual([10, 2, 1, 100, 30]);
  });

  it('records more samples than its initial capacity', () => {
    const recorder = new LatencyRecorder();
    for (let i = 100_000; i >= 1; i--) recorder.record(i / 10);
    expect(recorder.count).toBe(100_000);
    expect(recorder.summary()).toMatchObject({ p50: 5_000, p99: 9_900, max: 10_000 });
  });
});

describe('docs sections', () => {
  const { start: kStart, end: kEnd } = sectionMarkers('kernel');

  it('creates the document with its header when there is none', () => {
    const doc = replaceSection('', 'kernel', '## kernel\nnumbers');
    expect(doc.startsWith(DOC_HEADER.trimEnd())).toBe(true);
    expect(doc).toContain(`${kStart}\n## kernel\nnumbers\n${kEnd}\n`);
  });

  it('replaces only its own section and keeps the others and the prose around them intact', () => {
    let doc = replaceSection('', 'kernel', 'old kernel');
    doc = replaceSection(doc, 'kernel-extra', 'extra section');
    doc = replaceSection(doc, 'catalog', 'catalog section');
    doc = doc.replace(kEnd, `${kEnd}\n\nHand-written prose between sections.`);

    const updated = replaceSection(doc, 'kernel', 'new kernel');

    expect(updated).toContain(`${kStart}\nnew kernel\n${kEnd}`);
    expect(updated).not.toContain('old kernel');
    expect(updated).toContain('Hand-written prose between sections.');
    // A name that is a prefix of another's must not touch it.
    expect(updated).toContain('<!-- bench:kernel-extra:start -->\nextra section\n<!-- bench:kernel-extra:end -->');
    expect(updated).toContain('<!-- bench:catalog:start -->\ncatalog section\n<!-- bench:catalog:end -->');
    expect(updated.replace('new kernel', 'old kernel')).toBe(doc);
  });

  it('is stable: writing the same section twice changes nothing', () => {
    const once = replaceSection('# Benchmarks\n', 'kernel', 'body');
    expect(replaceSection(once, 'kernel', 'body')).toBe(once);
  });

  it('refuses a section whose markers are broken rather than guessing its extent', () => {
    expect(() => replaceSection(`${kStart}\nno end`, 'kernel', 'x')).toThrow(/no end marker/);
    expect(() => replaceSection(`no start\n${kEnd}`, 'kernel', 'x')).toThrow(/no start marker/);
  });
});

describe('tables', () => {
  const table: Table = {
    title: 'T',
    columns: [{ key: 'name', title: 'name' }, { key: 'rate', title: 'req/s' }, { key: 'p99', title: 'p99 ms', decimals: 2 }],
    rows: [{ name: 'bare', rate: 12345, p99: 1.5 }, { name: 'kernel | app', rate: 678, p99: null }],
  };

  it('formats numbers with separators and fixed decimals, and missing cells as a dash', () => {
    expect(formatCell(12345.6, { key: 'x', title: 'x' })).toBe('12,346');
    expect(formatCell(1.5, { key: 'x', title: 'x', decimals: 2 })).toBe('1.50');
    expect(formatCell(null, { key: 'x', title: 'x' })).toBe('—');
  });

  it('aligns text columns left and number columns right', () => {
    expect(textTable(table).split('\n')).toEqual([
      'T',
      'name           req/s  p99 ms',
      '------------  ------  ------',
      'bare          12,345    1.50',
      'kernel | app     678       —',
    ]);
  });

  it('escapes pipes in markdown cells and right-aligns numeric columns', () => {
    expect(markdownTable(table).split('\n')).toEqual([
      '| name | req/s | p99 ms |',
      '|---|---:|---:|',
      '| bare | 12,345 | 1.50 |',
      '| kernel \\| app | 678 | — |',
    ]);
  });
});
