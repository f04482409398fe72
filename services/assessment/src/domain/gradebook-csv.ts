import type { ExamColumn, GradebookRow } from './gradebook.js';

/** The header row: the student, one column per exam (its title), one per category, then the course percent. */
export function csvHeader(columns: readonly ExamColumn[], categories: readonly string[]): string {
  return csvLine(['userId', ...columns.map((c) => c.title), ...categories.map((c) => `${c} %`), 'course %']);
}

/** A student's line: an exam's cell is its percent, `pending` while only ungraded attempts exist, empty when not taken. */
export function csvRow(row: GradebookRow, categories: readonly string[]): string {
  const exams = row.exams.map((cell) => (cell.percent !== null ? cell.percent : cell.pending ? 'pending' : ''));
  const means = categories.map((category) => row.categories.find((c) => c.category === category)?.percent ?? '');
  return csvLine([row.userId, ...exams, ...means, row.percent ?? '']);
}

/** One CSV line (RFC 4180), CRLF-terminated. */
export function csvLine(cells: ReadonlyArray<string | number>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * One cell, quoted when it holds a comma, quote or line break (RFC 4180). Text a spreadsheet would run as
 * a formula (starting with = + - @, or a tab or carriage return) gets a leading single quote: exam titles
 * are written by staff, and a title like `=HYPERLINK(...)` must stay text when the export is opened.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
