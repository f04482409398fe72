/** One CSV record and the (1-based) line of the text it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The text is not CSV: an unterminated quote, or text between a closing quote and the next separator. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses RFC 4180 CSV: comma-separated fields, records ended by CRLF, LF or CR, fields in double quotes
 * may hold commas, line breaks and `""` for a quote. Lenient where spreadsheets are: a leading byte order
 * mark is dropped, blank lines are skipped, and spaces around a quoted field are ignored. A quote inside
 * an unquoted field is refused rather than guessed at. Runs in one pass over the text.
 */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new Parser(text.startsWith('\uFEFF') ? text.slice(1) : text);
  return parser.records();
}

class Parser {
  private position = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  records(): CsvRecord[] {
    const records: CsvRecord[] = [];
    while (this.position < this.text.length) {
      const line = this.line;
      const fields = this.record();
      const blank = fields.length === 1 && fields[0]?.trim() === '';
      if (!blank) records.push({ line, fields });
    }
    return records;
  }

  /** Reads fields up to and including the end of the record. */
  private record(): string[] {
    const fields: string[] = [];
    for (;;) {
      fields.push(this.field());
      const char = this.text[this.position];
      if (char === ',') {
        this.position += 1;
        continue;
      }
      this.endOfLine();
      return fields;
    }
  }

  private field(): string {
    const start = this.position;
    while (this.text[this.position] === ' ' || this.text[this.position] === '\t') this.position += 1;
    if (this.text[this.position] === '"') return this.quoted();
    this.position = start;
    let end = start;
    while (end < this.text.length && !isSeparator(this.text[end])) {
      if (this.text[end] === '"') throw new CsvSyntaxError(this.line, 'a field with a quote (") must be in quotes, with the quote doubled');
      end += 1;
    }
    this.position = end;
    return this.text.slice(start, end);
  }

  private quoted(): string {
    const opening = this.line;
    this.position += 1;
    let value = '';
    for (;;) {
      const close = this.text.indexOf('"', this.position);
      if (close < 0) throw new CsvSyntaxError(opening, 'a quoted field is never closed');
      value += this.countLines(this.text.slice(this.position, close));
      if (this.text[close + 1] === '"') {
        value += '"';
        this.position = close + 2;
        continue;
      }
      this.position = close + 1;
      break;
    }
    while (this.text[this.position] === ' ' || this.text[this.position] === '\t') this.position += 1;
    if (!isSeparator(this.text[this.position])) throw new CsvSyntaxError(this.line, 'text after a closing quote; separate fields with commas');
    return value;
  }

  private endOfLine(): void {
    const char = this.text[this.position];
    if (char === '\r') this.position += this.text[this.position + 1] === '\n' ? 2 : 1;
    else if (char === '\n') this.position += 1;
    if (char !== undefined) this.line += 1;
  }

  /** Counts the line breaks inside a quoted field so later records report the right line. */
  private countLines(chunk: string): string {
    const breaks = chunk.match(/\r\n|\r|\n/g);
    this.line += breaks?.length ?? 0;
    return chunk;
  }
}

function isSeparator(char: string | undefined): boolean {
  return char === undefined || char === ',' || char === '\r' || char === '\n';
}
