import type { ReactNode } from 'react';

/**
 * The search API's snippets are HTML-escaped text with each match inside `<mark>…</mark>`. They are read
 * as text here — the markers become <mark> elements and the escapes are undone — so nothing in a course's
 * text is ever parsed as HTML.
 */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const marker = /<mark>([\s\S]*?)<\/mark>/g;
  let from = 0;
  for (let found = marker.exec(snippet); found; found = marker.exec(snippet)) {
    if (found.index > from) parts.push({ text: unescapeHtml(snippet.slice(from, found.index)), match: false });
    parts.push({ text: unescapeHtml(found[1] ?? ''), match: true });
    from = found.index + found[0].length;
  }
  if (from < snippet.length) parts.push({ text: unescapeHtml(snippet.slice(from)), match: false });
  return parts;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
    }
    return NAMED[code.toLowerCase()] ?? entity;
  });
}

export function Snippet({ snippet }: { snippet: string }): ReactNode {
  return snippetParts(snippet).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>));
}
