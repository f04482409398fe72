/**
 * A browser-side allow-list sanitiser for previews of what an author typed before the API (which
 * sanitises every write with its own, wider allow-list) has seen it. The HTML is parsed into an inert
 * document, so nothing in it runs or loads while it is cleaned; whatever is not allowed is dropped
 * (unknown elements keep their text).
 */
const ALLOWED = new Set(['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'span', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'figure', 'figcaption']);
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math', 'form', 'textarea', 'select', 'button', 'input']);
// Headings of a preview sit under the screen's own h1/h2, so h1 and h2 of the content become h3.
const RENAMED: Record<string, string> = { h1: 'h3', h2: 'h3' };
const SAFE_HREF = /^(https?:|mailto:)/i;

export function sanitizeHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.implementation.createHTMLDocument('');
  const target = out.createElement('div');
  copyChildren(parsed.body, target, out);
  return target.innerHTML;
}

function copyChildren(from: Node, to: Node, doc: Document): void {
  from.childNodes.forEach((node) => {
    if (node.nodeType === 3) {
      to.appendChild(doc.createTextNode(node.textContent ?? ''));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const name = element.tagName.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(name)) return;
    const kept = RENAMED[name] ?? name;
    if (!ALLOWED.has(kept)) {
      copyChildren(element, to, doc);
      return;
    }
    const clean = doc.createElement(kept);
    if (kept === 'a') {
      const href = element.getAttribute('href') ?? '';
      if (SAFE_HREF.test(href.trim())) clean.setAttribute('href', href.trim());
      clean.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    copyChildren(element, clean, doc);
    to.appendChild(clean);
  });
}

/** The text of some HTML, for a list or a validation check (is the question text empty?). */
export function textOfHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return (parsed.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
