import { AppError } from '@tessera/platform';
import { CsvError, parse } from 'csv-parse/sync';
import { ROSTER_CSV_MAX_BYTES, ROSTER_MAX_ROWS, type RosterImportError } from '../contract/schemas.js';

/** A CSV row naming a user to enroll, by id or (when it has no id) by email, with the line it starts on. */
export type RosterRow = { line: number; userId: string; email?: undefined } | { line: number; userId?: undefined; email: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Deliberately loose: whether the address exists is decided by looking it up, not by its shape.
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAX_EMAIL_LENGTH = 320;
const USER_COLUMNS = ['userid', 'user_id'];
const EMAIL_COLUMNS = ['email', 'e-mail', 'email_address', 'emailaddress'];

/**
 * Reads a roster CSV (a header with a `userId` or an `email` column, or both; other columns are ignored, so an
 * export from identity can be used as is) into the rows to enroll and the rows refused with their line. A row
 * with a user id is taken by its id, otherwise by its email. A file that is not CSV, too big, or without either
 * column is refused whole (400). Duplicates are found after emails are resolved (see `importRoster`).
 */
export function readRosterCsv(csv: string): { rows: RosterRow[]; errors: RosterImportError[] } {
  if (Buffer.byteLength(csv, 'utf8') > ROSTER_CSV_MAX_BYTES) throw csvProblem('ENROLLMENT.CSV_TOO_LARGE', `The CSV is larger than ${ROSTER_CSV_MAX_BYTES / 1024} KB`);
  const [header, ...records] = parseRecords(csv);
  if (!header) throw csvProblem('ENROLLMENT.CSV_INVALID', 'The CSV is empty: start with a header that has a userId or an email column');
  if (records.length > ROSTER_MAX_ROWS) throw csvProblem('ENROLLMENT.CSV_TOO_MANY_ROWS', `At most ${ROSTER_MAX_ROWS} rows per file; split it`);
  const columnOf = (names: string[]) => header.fields.findIndex((name) => names.includes(name.trim().toLowerCase()));
  const columns = { userId: columnOf(USER_COLUMNS), email: columnOf(EMAIL_COLUMNS) };
  if (columns.userId < 0 && columns.email < 0) throw csvProblem('ENROLLMENT.CSV_INVALID', 'The first line must be a header with a userId or an email column');
  const rows: RosterRow[] = [];
  const errors: RosterImportError[] = [];
  for (const record of records) {
    const read = readRow(record, columns);
    if ('detail' in read) errors.push(read);
    else rows.push(read);
  }
  return { rows, errors };
}

function readRow(record: { line: number; fields: string[] }, columns: { userId: number; email: number }): RosterRow | RosterImportError {
  const { line } = record;
  const userId = columns.userId < 0 ? '' : (record.fields[columns.userId] ?? '').trim();
  const email = columns.email < 0 ? '' : (record.fields[columns.email] ?? '').trim();
  if (userId !== '') {
    if (!UUID.test(userId)) return { line, userId: userId.slice(0, 64), detail: 'userId is not a user id (a UUID)' };
    return { line, userId: userId.toLowerCase() };
  }
  if (email !== '') {
    if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) return { line, userId: null, email: email.slice(0, 64), detail: 'email is not an email address' };
    return { line, email };
  }
  const wanted = [columns.userId >= 0 ? 'userId' : '', columns.email >= 0 ? 'email' : ''].filter(Boolean).join(' or ');
  return { line, userId: null, detail: `no ${wanted} on this row` };
}

function parseRecords(csv: string): Array<{ line: number; fields: string[] }> {
  try {
    // Blank lines are kept here and dropped below: csv-parse miscounts lines around the ones it skips itself.
    const records = parse(csv, {
      bom: true, skip_empty_lines: false, relax_column_count: true, info: true, raw: true,
      // Spreadsheets mix line endings; without this the first one found would be the only one accepted.
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
    // `info.lines` is where a record ends; a quoted field may span lines, so count back to where it starts.
    return records
      .filter(({ record }) => !(record.length === 1 && (record[0] ?? '').trim() === ''))
      .map(({ record, info, raw }) => ({ line: info.lines - breaksIn(raw.replace(/[\r\n]+$/, '')), fields: record }));
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem('ENROLLMENT.CSV_INVALID', `The CSV is not valid: ${error.message}`);
    throw error;
  }
}

function breaksIn(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function csvProblem(code: string, message: string): AppError {
  return new AppError('invalid', code, message, { errors: [{ pointer: '/body', detail: message }] });
}
