import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../src/domain/csv.js';

const fieldsOf = (text: string) => parseCsv(text).map((record) => record.fields);

describe('parseCsv (RFC 4180)', () => {
  it('splits records on CRLF, LF and CR and fields on commas', () => {
    expect(fieldsOf('a,b,c\r\nd,e,f\ng,h,i\rj,k,l')).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i'], ['j', 'k', 'l']]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(fieldsOf('"Doe, Jane","say ""hi""","two\r\nlines"\r\nx,y,z\r\n')).toEqual([
      ['Doe, Jane', 'say "hi"', 'two\r\nlines'],
      ['x', 'y', 'z'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fieldsOf('a,,c\n,,\nd,e,')).toEqual([['a', '', 'c'], ['', '', ''], ['d', 'e', '']]);
    expect(fieldsOf('"",x')).toEqual([['', 'x']]);
  });

  it('reports the line each record starts on, counting line breaks inside quoted fields and skipping blank lines', () => {
    const records = parseCsv('h1,h2\n\n"multi\nline",b\nlast,row\n');
    expect(records.map((record) => record.line)).toEqual([1, 3, 5]);
  });

  it('drops a byte order mark and tolerates spaces around quoted fields', () => {
    expect(fieldsOf('\uFEFFemail,name\n a@b.test , "Doe, J" \n')).toEqual([['email', 'name'], [' a@b.test ', 'Doe, J']]);
  });

  it('keeps unicode as is', () => {
    expect(fieldsOf('Zoë Ångström,山田 太郎,🙂')).toEqual([['Zoë Ångström', '山田 太郎', '🙂']]);
  });

  it('refuses an unterminated quote, text after a closing quote and a bare quote, naming the line', () => {
    const failures = ['a,b\n"never closed,x\n', 'a,b\n"ok"tail,x', 'a,b\nab"c,d'];
    for (const text of failures) {
      expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
      try {
        parseCsv(text);
      } catch (error) {
        expect((error as CsvSyntaxError).line).toBe(2);
      }
    }
  });

  it('answers nothing for empty or blank text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\r\n  \n')).toEqual([]);
  });

  it('parses a large file in one pass', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `user${i}@example.test,"Name, ${i}",student`).join('\r\n');
    const records = parseCsv(text);
    expect(records).toHaveLength(5000);
    expect(records[4999]).toEqual({ line: 5000, fields: ['user4999@example.test', 'Name, 4999', 'student'] });
  });
});
