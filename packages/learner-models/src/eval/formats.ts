import { IdIndex, ResponseLogBuilder, type ResponseLog } from '../core/response-log.js';

/** The file formats the harness reads. */
export type DatasetFormat = 'tsv' | 'three-line' | 'four-line';

/** Item and skill vocabularies shared by a dataset's train and test files. */
export interface Vocabulary {
  readonly items: IdIndex;
  readonly skills: IdIndex;
}

/**
 * Which format a file is in: a header with user_id/item_id/correct/skill_id is the row format of
 * Gervet et al. 2020; a record opening with "index,user" is the four-line format of AKT; a lone count
 * opens the three-line format of DKT (Piech et al. 2015) and DKVMN.
 */
export function detectFormat(text: string): DatasetFormat {
  const first = text.slice(0, text.indexOf('\n') >>> 0).trim();
  if (/\buser_id\b/.test(first) && /\bcorrect\b/.test(first)) return 'tsv';
  if (/^\d+\s*,\s*\d+\s*,?$/.test(first)) return 'four-line';
  if (/^\d+\s*,?$/.test(first)) return 'three-line';
  throw new Error(`Unrecognised knowledge-tracing file format (first line: "${first.slice(0, 80)}")`);
}

/** Parses a file of any supported format into a log; items and skills are interned into `vocabulary`. */
export function parseResponses(text: string, vocabulary: Vocabulary, format = detectFormat(text)): ResponseLog {
  const builder = new ResponseLogBuilder();
  if (format === 'tsv') parseTsv(text, vocabulary, builder);
  else parseSequences(text, vocabulary, builder, format === 'four-line' ? 4 : 3);
  return builder.build({ numItems: vocabulary.items.size, numSkills: vocabulary.skills.size });
}

/** Tab-separated rows with a header naming user_id, item_id, correct, skill_id and optionally timestamp. */
function parseTsv(text: string, vocabulary: Vocabulary, builder: ResponseLogBuilder): void {
  const lines = text.split(/\r?\n/);
  const header = lines[0]!.split('\t').map((name) => name.trim());
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0 && name !== 'timestamp') throw new Error(`Missing column "${name}" in header`);
    return index;
  };
  const [userColumn, itemColumn, timeColumn, correctColumn, skillColumn] = ['user_id', 'item_id', 'timestamp', 'correct', 'skill_id'].map(column);
  const users = new IdIndex();
  const rows: { user: number; item: number; skill: number; correct: boolean; time: number }[] = [];
  for (let k = 1; k < lines.length; k++) {
    if (lines[k]!.trim() === '') continue;
    const cells = lines[k]!.split('\t');
    rows.push({
      user: users.intern(cells[userColumn!]!),
      item: vocabulary.items.intern(cells[itemColumn!]!),
      skill: vocabulary.skills.intern(cells[skillColumn!]!),
      correct: Number(cells[correctColumn!]) === 1,
      time: timeColumn! >= 0 ? Number(cells[timeColumn!]) || 0 : 0,
    });
  }
  // Models replay each user's answers in time order; a stable sort keeps file order among equal times.
  rows.sort((x, y) => x.user - y.user || x.time - y.time);
  for (const row of rows) builder.push(row.user, row.item, row.skill, row.correct, row.time);
}

/**
 * Records of 3 lines (count; skills; answers) or 4 lines (index,user; problems; skills; answers), values
 * comma-separated with or without a trailing comma. Without problem ids the skill stands in for the item.
 */
function parseSequences(text: string, vocabulary: Vocabulary, builder: ResponseLogBuilder, linesPerRecord: 3 | 4): void {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length % linesPerRecord !== 0) throw new Error(`Expected records of ${linesPerRecord} lines, got ${lines.length} lines`);
  for (let start = 0, user = 0; start < lines.length; start += linesPerRecord, user++) {
    const skills = splitValues(lines[start + linesPerRecord - 2]!);
    const answers = splitValues(lines[start + linesPerRecord - 1]!);
    const items = linesPerRecord === 4 ? splitValues(lines[start + 1]!) : skills;
    const declared = linesPerRecord === 3 ? Number(lines[start]!.replace(',', '')) : answers.length;
    if (skills.length !== answers.length || items.length !== answers.length || declared !== answers.length) {
      throw new Error(`Record at line ${start + 1}: ${items.length} items, ${skills.length} skills, ${answers.length} answers`);
    }
    for (let k = 0; k < answers.length; k++) {
      const item = vocabulary.items.intern(linesPerRecord === 4 ? items[k]! : `skill:${skills[k]!}`);
      builder.push(user, item, vocabulary.skills.intern(skills[k]!), Number(answers[k]) === 1);
    }
  }
}

function splitValues(line: string): string[] {
  return line
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
