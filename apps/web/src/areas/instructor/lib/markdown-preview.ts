/**
 * A small Markdown renderer for the live preview while an author types (the API renders the Markdown it
 * stores with a full renderer; the preview only has to be close). Everything is escaped first, so the
 * result holds only the tags made here: paragraphs, headings, lists, quotes, code, emphasis and links.
 */
export function renderMarkdownPreview(source: string): string {
  const blocks = source.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return blocks.map(renderBlock).filter(Boolean).join('\n');
}

function renderBlock(block: string): string {
  const trimmed = block.trim();
  if (!trimmed) return '';
  if (trimmed.startsWith('```')) {
    const body = trimmed.replace(/^```[^\n]*\n?/, '').replace(/\n?```$/, '');
    return `<pre><code>${escape(body)}</code></pre>`;
  }
  const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
  if (heading && !trimmed.includes('\n')) {
    // Content headings sit below the screen's own: # becomes h3.
    const level = Math.min(6, Math.max(3, (heading[1]?.length ?? 1) + 2));
    return `<h${level}>${inline(heading[2] ?? '')}</h${level}>`;
  }
  const lines = trimmed.split('\n');
  if (lines.every((line) => /^\s*[-*+]\s+/.test(line))) return `<ul>${lines.map((line) => `<li>${inline(line.replace(/^\s*[-*+]\s+/, ''))}</li>`).join('')}</ul>`;
  if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line))) return `<ol>${lines.map((line) => `<li>${inline(line.replace(/^\s*\d+[.)]\s+/, ''))}</li>`).join('')}</ol>`;
  if (lines.every((line) => line.startsWith('>'))) return `<blockquote><p>${lines.map((line) => inline(line.replace(/^>\s?/, ''))).join('<br>')}</p></blockquote>`;
  return `<p>${lines.map(inline).join('<br>')}</p>`;
}

function inline(text: string): string {
  const codes: string[] = [];
  let html = escape(text).replace(/`([^`]+)`/g, (_match, code: string) => {
    codes.push(`<code>${code}</code>`);
    return `\uE000${codes.length - 1}\uE000`;
  });
  html = html
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/__([^_]+)__/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+|mailto:[^\s)]+)\)/g, '<a href="$2" rel="noopener noreferrer nofollow">$1</a>');
  return html.replace(/\uE000(\d+)\uE000/g, (_match, index: string) => codes[Number(index)] ?? '');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
