/** Longest accepted-answer pattern; answers are short, and so are the patterns that check them. */
export const MAX_PATTERN_LENGTH = 200;
const MAX_QUANTIFIERS = 10;

/**
 * Why `pattern` is refused as an accepted-answer pattern, or null when it is safe to run on answers.
 * Catastrophic backtracking needs a quantified group that itself contains a quantifier or an alternation
 * ((a+)+, (a|a)*) or a backreference; we refuse those shapes outright rather than try to time regexes out.
 */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return `must be 1 to ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'uses a backreference';
  return scanGroups(pattern);
}

interface Group { quantified: boolean; alternation: boolean }

function scanGroups(pattern: string): string | null {
  const stack: Group[] = [];
  let quantifiers = 0;
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === '\\') { i += 2; continue; }
    if (char === '[') { i = endOfClass(pattern, i); continue; }
    if (char === '(') { stack.push({ quantified: false, alternation: false }); i = afterGroupOpening(pattern, i); continue; }
    if (char === '|') { const top = stack[stack.length - 1]; if (top) top.alternation = true; i += 1; continue; }
    if (char === ')') {
      const group = stack.pop();
      const { length: next, repeats } = quantifierAt(pattern, i + 1);
      if (group && repeats) {
        if (group.quantified) return 'repeats a group that already repeats (nested quantifiers)';
        if (group.alternation) return 'repeats a group with alternatives';
      }
      // The enclosing group now contains whatever this one contained, plus its own repetition.
      const parent = stack[stack.length - 1];
      if (parent && group) {
        parent.quantified ||= group.quantified || repeats;
        parent.alternation ||= group.alternation;
      }
      if (next > 0) quantifiers += 1;
      i += 1 + next;
      continue;
    }
    const { length, repeats } = quantifierAt(pattern, i);
    if (length > 0) {
      quantifiers += 1;
      const top = stack[stack.length - 1];
      if (top && repeats) top.quantified = true;
      i += length;
      continue;
    }
    i += 1;
  }
  return quantifiers > MAX_QUANTIFIERS ? `has more than ${MAX_QUANTIFIERS} quantifiers` : null;
}

/**
 * The quantifier (with a lazy `?`) starting at `i`: its length (0 when there is none) and whether it repeats.
 * `?`, `{0,1}` and `{n}` never make a match ambiguous; `*`, `+` and open or wide ranges do.
 */
function quantifierAt(pattern: string, i: number): { length: number; repeats: boolean } {
  const char = pattern[i];
  let length = 0;
  let repeats = false;
  if (char === '*' || char === '+' || char === '?') { length = 1; repeats = char !== '?'; }
  else if (char === '{') {
    const range = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
    if (range) {
      length = range[0].length;
      const max = range[2] === undefined ? Number(range[1]) : range[3] === '' ? Infinity : Number(range[3]);
      repeats = max > 1 && max !== Number(range[1]);
    }
  }
  if (length > 0 && pattern[i + length] === '?') length += 1;
  return { length, repeats };
}

/** Index after `(` and its `?:`, `?=`, `?!`, `?<=`, `?<!` or `?<name>` prefix, so that `?` is no quantifier. */
function afterGroupOpening(pattern: string, open: number): number {
  if (pattern[open + 1] !== '?') return open + 1;
  const kind = pattern.slice(open + 2, open + 4);
  if (kind === '<=' || kind === '<!') return open + 4;
  if (kind.startsWith('<')) return pattern.indexOf('>', open) + 1;
  return open + 3;
}

function endOfClass(pattern: string, start: number): number {
  let i = start + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}
