import { AppError } from '@tessera/platform';
import { DisplayName, Email, TenantRole } from '../contract/schemas.js';
import { BULK_CSV_MAX_BYTES, BULK_MAX_ROWS, type BulkInviteError } from '../contract/users.js';
import { CsvSyntaxError, parseCsv } from '../domain/csv.js';
import { cleanName, emailKey } from '../domain/email.js';

/** A CSV row that passed every check that needs no database. */
export interface InvitationRow {
  line: number;
  email: string;
  emailKey: string;
  name: string;
  roles: string[];
}

// A row is refused exactly when the single-invitation route would refuse the same values: the limits come
// from the same schemas, and the address rule is the HTTP kit's `email` format (ajv-formats, full mode).
const EMAIL_FORMAT = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const emailPattern = new RegExp(Email.pattern ?? '', 'u');
const namePattern = new RegExp(DisplayName.pattern ?? '', 'u');
const tenantRoles: readonly string[] = TenantRole.anyOf.map((literal) => literal.const);
const COLUMNS = ['email', 'name', 'roles'] as const;

/**
 * Reads a bulk-invitation CSV (header `email,name,roles`, in any order; roles separated by `;` or `|`) into
 * the rows to invite and the rows refused with their line. A file that is not CSV, too big or without the
 * header is refused whole (400).
 */
export function readInvitationCsv(csv: string): { rows: InvitationRow[]; errors: BulkInviteError[] } {
  if (Buffer.byteLength(csv, 'utf8') > BULK_CSV_MAX_BYTES) throw csvProblem('IDENTITY.CSV_TOO_LARGE', `The CSV is larger than ${BULK_CSV_MAX_BYTES / 1024} KB`);
  const [header, ...records] = parseRecords(csv);
  if (!header) throw csvProblem('IDENTITY.CSV_INVALID', 'The CSV is empty: start with the header email,name,roles');
  if (records.length > BULK_MAX_ROWS) throw csvProblem('IDENTITY.CSV_TOO_MANY_ROWS', `At most ${BULK_MAX_ROWS} rows per file; split it`);
  const position = columnsOf(header.fields);
  const rows: InvitationRow[] = [];
  const errors: BulkInviteError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records) {
    const value = (column: (typeof COLUMNS)[number]) => (record.fields[position[column]] ?? '').trim();
    const email = value('email');
    const refuse = (detail: string) => errors.push({ line: record.line, email: email.slice(0, 254), detail });
    if (record.fields.length !== COLUMNS.length) {
      refuse(`expected ${COLUMNS.length} fields (email, name, roles), found ${record.fields.length}; quote fields that contain commas`);
      continue;
    }
    const problem = rowProblem(email, value('name'), value('roles'));
    if (typeof problem === 'string') {
      refuse(problem);
      continue;
    }
    const key = emailKey(email);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      refuse(`the same email is already on line ${first}`);
      continue;
    }
    firstLineOf.set(key, record.line);
    rows.push({ line: record.line, email, emailKey: key, name: cleanName(value('name')), roles: problem.roles });
  }
  return { rows, errors };
}

/** What is wrong with a row's values, or its roles when nothing is. */
function rowProblem(email: string, name: string, roleList: string): string | { roles: string[] } {
  if (!isEmail(email)) return 'not a valid email address';
  if (!isDisplayName(name) || cleanName(name) === '') {
    return 'the name must be 1–120 characters, without control, zero-width or bidirectional-override characters';
  }
  const roles = [...new Set(roleList.split(/[;|]/).map((role) => role.trim()).filter((role) => role !== ''))];
  if (roles.length === 0) return `name at least one role (${tenantRoles.join(', ')})`;
  const unknown = roles.find((role) => !tenantRoles.includes(role));
  if (unknown !== undefined) return `unknown role "${unknown.slice(0, 40)}"; roles are ${tenantRoles.join(', ')}`;
  return { roles };
}

function isEmail(value: string): boolean {
  return value.length <= (Email.maxLength ?? 254) && emailPattern.test(value) && EMAIL_FORMAT.test(value);
}

function isDisplayName(value: string): boolean {
  // Length as JSON Schema counts it: in code points, not UTF-16 units.
  const length = [...value].length;
  return length >= (DisplayName.minLength ?? 1) && length <= (DisplayName.maxLength ?? 120) && namePattern.test(value);
}

function parseRecords(csv: string) {
  try {
    return parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw csvProblem('IDENTITY.CSV_INVALID', `The CSV is not valid: ${error.message}`);
    throw error;
  }
}

function columnsOf(header: string[]): Record<(typeof COLUMNS)[number], number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const valid = names.length === COLUMNS.length && COLUMNS.every((column) => names.filter((name) => name === column).length === 1);
  if (!valid) throw csvProblem('IDENTITY.CSV_INVALID', 'The first line must be the header email,name,roles');
  return { email: names.indexOf('email'), name: names.indexOf('name'), roles: names.indexOf('roles') };
}

function csvProblem(code: string, message: string): AppError {
  return new AppError('invalid', code, message, { errors: [{ pointer: '/body/csv', detail: message }] });
}
