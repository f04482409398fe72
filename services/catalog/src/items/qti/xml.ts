import { AppError } from '@tessera/platform';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed XML element; text is a string child, `raw` is markup written out verbatim (already XHTML). */
export interface XmlElement { name: string; attrs: Record<string, string>; children: XmlNode[] }
export type XmlNode = XmlElement | string | { raw: string };

/** Limits on a QTI document, checked before any parser sees it. */
export const XML_LIMITS = { bytes: 2 * 1024 * 1024, elements: 20_000, depth: 64, tagLength: 16_384 } as const;

const parser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: false, htmlEntities: false,
  parseTagValue: false, parseAttributeValue: false, trimValues: false, cdataPropName: '#cdata',
  ignoreDeclaration: true, ignorePiTags: true,
});

/**
 * Parses an untrusted XML document into elements. Refuses, before parsing, anything with a document type
 * declaration (entity expansion, external entities), more than 2 MB, too many or too deeply nested elements,
 * or an oversized tag (huge attributes); a malformed document is refused with the parser's message.
 */
export function parseUntrustedXml(xml: string): XmlElement {
  if (Buffer.byteLength(xml, 'utf8') > XML_LIMITS.bytes) {
    throw new AppError('too_large', 'ITEMS.QTI_TOO_LARGE', `A QTI document may be at most ${XML_LIMITS.bytes} bytes`);
  }
  if (/<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.test(xml)) {
    throw new AppError('unprocessable', 'ITEMS.QTI_DOCTYPE_REFUSED', 'QTI documents with a DOCTYPE or entity declarations are refused (entity expansion and external entities are never processed)');
  }
  checkStructure(xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new AppError('invalid', 'ITEMS.QTI_MALFORMED', `The XML is malformed: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  const roots = toNodes(parser.parse(xml) as unknown[]).filter((n): n is XmlElement => typeof n === 'object' && 'name' in n);
  const [root] = roots;
  if (!root || roots.length !== 1) throw new AppError('invalid', 'ITEMS.QTI_MALFORMED', 'The XML must have exactly one root element');
  return root;
}

/** One linear pass over the tags: counts elements and nesting depth and measures each tag, quotes respected. */
function checkStructure(xml: string): void {
  let depth = 0;
  let elements = 0;
  let i = xml.indexOf('<');
  while (i !== -1) {
    if (xml.startsWith('<!--', i)) { i = after(xml, '-->', i); continue; }
    if (xml.startsWith('<![CDATA[', i)) { i = after(xml, ']]>', i); continue; }
    if (xml.startsWith('<?', i)) { i = after(xml, '?>', i); continue; }
    const end = endOfTag(xml, i);
    if (end - i > XML_LIMITS.tagLength) refuse('ITEMS.QTI_TAG_TOO_LARGE', `A tag is longer than ${XML_LIMITS.tagLength} characters`);
    if (xml[i + 1] === '/') depth -= 1;
    else if (xml[end - 1] !== '/') {
      depth += 1;
      elements += 1;
    } else elements += 1;
    if (depth > XML_LIMITS.depth) refuse('ITEMS.QTI_TOO_DEEP', `Elements are nested more than ${XML_LIMITS.depth} deep`);
    if (elements > XML_LIMITS.elements) refuse('ITEMS.QTI_TOO_MANY_ELEMENTS', `The document has more than ${XML_LIMITS.elements} elements`);
    i = xml.indexOf('<', end + 1);
  }
}

/** The next `<` after `terminator` (the end of a comment, CDATA section or processing instruction), or -1. */
function after(xml: string, terminator: string, from: number): number {
  const at = xml.indexOf(terminator, from);
  return at === -1 ? -1 : xml.indexOf('<', at + terminator.length);
}

/** Index of the `>` closing the tag that starts at `start` (a `>` inside a quoted attribute does not count). */
function endOfTag(xml: string, start: number): number {
  let quote: string | null = null;
  for (let i = start + 1; i < xml.length; i++) {
    const char = xml[i];
    if (quote) { if (char === quote) quote = null; }
    else if (char === '"' || char === '\'') quote = char;
    else if (char === '>') return i;
    if (i - start > XML_LIMITS.tagLength) return i;
  }
  return xml.length;
}

function refuse(code: string, detail: string): never {
  throw new AppError('unprocessable', code, detail);
}

function toNodes(parsed: unknown[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of parsed) {
    if (!entry || typeof entry !== 'object') continue;
    const record = entry as Record<string, unknown>;
    if (typeof record['#text'] === 'string') { nodes.push(decodeEntities(record['#text'])); continue; }
    if (Array.isArray(record['#cdata'])) {
      nodes.push((record['#cdata'] as Array<Record<string, unknown>>).map((t) => String(t['#text'] ?? '')).join(''));
      continue;
    }
    const name = Object.keys(record).find((key) => key !== ':@');
    if (!name) continue;
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries((record[':@'] ?? {}) as Record<string, unknown>)) attrs[key] = decodeEntities(String(value));
    nodes.push({ name, attrs, children: toNodes(Array.isArray(record[name]) ? record[name] as unknown[] : []) });
  }
  return nodes;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: '\'' };

/** Resolves XML's predefined entities and character references; nothing else is ever expanded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[name] ?? whole;
  });
}

/** Builds an element. */
export function el(name: string, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: XmlNode[]): XmlElement {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) clean[key] = String(value);
  return { name, attrs: clean, children };
}

const VOID_HTML = new Set(['br', 'hr', 'img']);

/** Serialises nodes; elements without children are self-closed except HTML elements that must not be. */
export function serialise(nodes: XmlNode[]): string {
  return nodes.map((node) => {
    if (typeof node === 'string') return escapeText(node);
    if ('raw' in node) return node.raw;
    const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
    if (node.children.length === 0 && (VOID_HTML.has(node.name) || /[A-Z-]/.test(node.name) || node.name.includes(':'))) return `<${node.name}${attrs}/>`;
    return `<${node.name}${attrs}>${serialise(node.children)}</${node.name}>`;
  }).join('');
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Element children of a node. */
export function elements(node: XmlElement): XmlElement[] {
  return node.children.filter((c): c is XmlElement => typeof c === 'object' && 'name' in c);
}

/** Every element below `node` (depth first, bounded by the parse limits) named `name`. */
export function descendants(node: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of elements(node)) {
    if (child.name === name) found.push(child);
    found.push(...descendants(child, name));
  }
  return found;
}

/** The text content of a node. */
export function textContent(node: XmlElement): string {
  return node.children.map((c) => (typeof c === 'string' ? c : 'raw' in c ? c.raw : textContent(c))).join('');
}
