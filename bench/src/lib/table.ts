import type { Cell, Column, Table } from './bench.js';

/** How a cell reads in both the terminal and the docs: numbers with separators and fixed decimals, null as a dash. */
export function formatCell(cell: Cell | undefined, column: Column): string {
  if (cell === null || cell === undefined) return '—';
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return String(cell);
  const decimals = column.decimals ?? 0;
  return cell.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Numbers read best right-aligned, so a column holding any number is. */
function isNumeric(table: Table, column: Column): boolean {
  return table.rows.some((row) => typeof row[column.key] === 'number');
}

/** A plain-text table with aligned columns, for the terminal. */
export function textTable(table: Table): string {
  const cells = table.rows.map((row) => table.columns.map((column) => formatCell(row[column.key], column)));
  const widths = table.columns.map((column, i) =>
    Math.max(column.title.length, ...cells.map((row) => (row[i] ?? '').length)));
  const numeric = table.columns.map((column) => isNumeric(table, column));
  const line = (values: string[]) =>
    values.map((value, i) => (numeric[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [
    table.title,
    line(table.columns.map((column) => column.title)),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.map(line),
  ].join('\n');
}

/** A GitHub-flavoured markdown table, for docs/benchmarks.md. */
export function markdownTable(table: Table): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const numeric = table.columns.map((column) => isNumeric(table, column));
  return [
    `| ${table.columns.map((column) => escape(column.title)).join(' | ')} |`,
    `|${numeric.map((right) => (right ? '---:' : '---')).join('|')}|`,
    ...table.rows.map((row) => `| ${table.columns.map((column) => escape(formatCell(row[column.key], column))).join(' | ')} |`),
  ].join('\n');
}
