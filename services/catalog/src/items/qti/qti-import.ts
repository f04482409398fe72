import { AppError } from '@tessera/platform';
import { STEM_CLASS } from './qti-export.js';
import { isElement, readAs21 } from './qti-names.js';
import { descendants, elements, parseUntrustedXml, serialise, textContent, type XmlElement, type XmlNode } from './xml.js';

const BLOCK_INTERACTIONS = ['choiceInteraction', 'orderInteraction', 'matchInteraction', 'extendedTextInteraction'];
const INLINE_INTERACTIONS = ['textEntryInteraction', 'inlineChoiceInteraction'];
/** Metadata keys that complete what the XML says (see `metadataOf` in the exporter). */
const METADATA_KEYS = ['type', 'skills', 'difficulty', 'irt', 'courseId', 'unit', 'unitAliases', 'patterns', 'normalise', 'rubric', 'expectedWords', 'language', 'starterCode', 'testCases'];

interface Declaration { cardinality: string; baseType: string; correct: string[]; mapped: Array<{ key: string; caseSensitive: boolean }> }

/**
 * A QTI 2.1 or 3.0 assessment item as an item candidate (validated by the caller against the item schema).
 * `metadata` is what a Tessera export carried next to the XML; hand-written QTI goes without.
 */
export function qtiToItem(xml: string, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  const root = readAs21(parseUntrustedXml(xml));
  if (root.name !== 'assessmentItem') throw unprocessable('ITEMS.QTI_NOT_AN_ITEM', `The root element is ${root.name}, not an assessment item`);
  const body = elements(root).find((e) => e.name === 'itemBody');
  if (!body) throw unprocessable('ITEMS.QTI_NOT_AN_ITEM', 'The assessment item has no item body');
  const unsupported = [...new Set(allElements(body).map((e) => e.name).filter((n) => n.endsWith('Interaction') && !BLOCK_INTERACTIONS.includes(n) && !INLINE_INTERACTIONS.includes(n)))];
  if (unsupported.length > 0) throw unprocessable('ITEMS.QTI_UNSUPPORTED_INTERACTION', `Unsupported interaction: ${unsupported.join(', ')}`);
  const blocks = allElements(body).filter((e) => BLOCK_INTERACTIONS.includes(e.name));
  const inline = allElements(body).filter((e) => INLINE_INTERACTIONS.includes(e.name));
  if (blocks.length + (inline.length > 0 ? 1 : 0) !== 1) {
    throw unprocessable('ITEMS.QTI_UNSUPPORTED_INTERACTION', 'An item must have exactly one interaction (or text entries and inline choices only)');
  }
  const declarations = declarationsOf(root);
  const known = Object.fromEntries(Object.entries(metadata).filter(([key, value]) => METADATA_KEYS.includes(key) && value !== undefined));
  const common = { title: (root.attrs.title ?? root.attrs.identifier ?? 'Imported item').slice(0, 200), ...feedbackOf(root) };
  const typed = blocks[0] ? fromBlock(blocks[0], body, declarations, known) : fromInline(inline, body, root, declarations, known);
  return { ...common, ...typed, ...known };
}

function fromBlock(interaction: XmlElement, body: XmlElement, declarations: Map<string, Declaration>, metadata: Record<string, unknown>): Record<string, unknown> {
  const declaration = declarations.get(interaction.attrs.responseIdentifier ?? '');
  const correct = declaration?.correct ?? [];
  const stem = stemOf(body, () => []);
  const choices = (name: string, parent: XmlElement = interaction) => elements(parent).filter((e) => e.name === name)
    .map((c) => ({ id: c.attrs.identifier ?? '', text: htmlOf(c.children.filter((n) => !isElement(n) || n.name !== 'feedbackInline')), feedback: inlineFeedbackOf(c) }));
  switch (interaction.name) {
    case 'choiceInteraction': {
      const options = choices('simpleChoice');
      const ids = options.map((o) => o.id).sort().join(',');
      const multiple = declaration?.cardinality === 'multiple' || interaction.attrs.maxChoices !== '1';
      if (!multiple && ids === 'false,true' && metadata.type !== 'single_choice') {
        const feedbackOfChoice = (id: string) => options.find((o) => o.id === id)?.feedback;
        return withoutUndefined({ type: 'true_false', stem, answer: correct[0] === undefined ? null : correct[0] === 'true', feedbackTrue: feedbackOfChoice('true'), feedbackFalse: feedbackOfChoice('false') });
      }
      return { type: multiple ? 'multiple_choice' : 'single_choice', stem, shuffle: interaction.attrs.shuffle === 'true',
        options: options.map((o) => withoutUndefined({ ...o, correct: correct.includes(o.id) })) };
    }
    case 'orderInteraction':
      return { type: 'ordering', stem, choices: choices('simpleChoice').map(({ id, text }) => ({ id, text })), correctOrder: correct };
    case 'matchInteraction': {
      const [sources, targets] = elements(interaction).filter((e) => e.name === 'simpleMatchSet').map((set) => choices('simpleAssociableChoice', set).map(({ id, text }) => ({ id, text })));
      const pairs = correct.map((value) => value.trim().split(/\s+/)).map(([source, target]) => ({ source: source ?? '', target: target ?? '' }));
      return { type: 'matching', stem, sources: sources ?? [], targets: targets ?? [], pairs };
    }
    default: {
      if (metadata.type === 'code') return { type: 'code', stem, testCases: [] };
      return { type: 'essay', stem, rubric: rubricOf(body) };
    }
  }
}

function fromInline(inline: XmlElement[], body: XmlElement, root: XmlElement, declarations: Map<string, Declaration>, metadata: Record<string, unknown>): Record<string, unknown> {
  const [only] = inline;
  const lone = only && inline.length === 1 && only.name === 'textEntryInteraction' && metadata.type !== 'cloze' && (metadata.type !== undefined || standsAlone(body, only));
  if (only && lone) {
    const declaration = declarations.get(only.attrs.responseIdentifier ?? '');
    const stem = stemOf(body, () => []);
    if (metadata.type === 'numeric' || (metadata.type === undefined && ['float', 'integer'].includes(declaration?.baseType ?? ''))) {
      const value = Number(declaration?.correct[0]);
      return withoutUndefined({ type: 'numeric', stem, value: declaration?.correct[0] !== undefined && Number.isFinite(value) ? value : null, tolerance: toleranceOf(root) });
    }
    const accepted = acceptedOf(declaration);
    return { type: 'short_text', stem, accepted, ...(declaration?.mapped.some((m) => m.caseSensitive) ? { normalise: { caseSensitive: true } } : {}) };
  }
  const stem = stemOf(body, (e) => [`{{${e.attrs.responseIdentifier ?? ''}}}`]);
  const gaps = inline.map((e) => {
    const declaration = declarations.get(e.attrs.responseIdentifier ?? '');
    if (e.name === 'textEntryInteraction') {
      return { id: e.attrs.responseIdentifier ?? '', kind: 'text', accepted: acceptedOf(declaration), caseSensitive: declaration?.mapped.some((m) => m.caseSensitive) ?? false };
    }
    const choices = elements(e).filter((c) => c.name === 'inlineChoice').map((c) => ({ id: c.attrs.identifier ?? '', text: htmlOf(c.children) }));
    return { id: e.attrs.responseIdentifier ?? '', kind: 'choice', choices, correct: declaration?.correct[0] ?? null };
  });
  return { type: 'cloze', stem, gaps };
}

/** The stem: the marked stem block of a Tessera export, or else the body without interactions (prompts kept). */
function stemOf(body: XmlElement, inlineAs: (interaction: XmlElement) => XmlNode[]): string {
  const marked = allElements(body).find((e) => e.name === 'div' && e.attrs.class === STEM_CLASS);
  const strip = (nodes: XmlNode[]): XmlNode[] => nodes.flatMap((node): XmlNode[] => {
    if (!isElement(node)) return [node];
    if (INLINE_INTERACTIONS.includes(node.name)) return inlineAs(node);
    if (BLOCK_INTERACTIONS.includes(node.name)) return elements(node).filter((e) => e.name === 'prompt').flatMap((p) => strip(p.children));
    if (['rubricBlock', 'feedbackInline', 'feedbackBlock', 'modalFeedback'].includes(node.name)) return [];
    return [{ ...node, children: strip(node.children) }];
  });
  return htmlOf(strip(marked ? marked.children : body.children)).replace(/<p>\s*<\/p>/g, '').trim();
}

/** True when a text entry is alone in its paragraph (an answer box), not a gap inside a sentence. */
function standsAlone(body: XmlElement, interaction: XmlElement): boolean {
  const parent = [body, ...allElements(body)].find((e) => e.children.includes(interaction));
  return !parent || parent.children.every((c) => c === interaction || (typeof c === 'string' && c.trim() === ''));
}

function declarationsOf(root: XmlElement): Map<string, Declaration> {
  return new Map(elements(root).filter((e) => e.name === 'responseDeclaration').map((d) => {
    const correct = elements(d).filter((e) => e.name === 'correctResponse').flatMap((c) => elements(c).filter((v) => v.name === 'value').map((v) => textContent(v).trim()));
    const mapped = descendants(d, 'mapEntry').filter((m) => Number(m.attrs.mappedValue ?? '0') > 0)
      .map((m) => ({ key: m.attrs.mapKey ?? '', caseSensitive: m.attrs.caseSensitive === 'true' }));
    return [d.attrs.identifier ?? '', { cardinality: d.attrs.cardinality ?? 'single', baseType: d.attrs.baseType ?? 'string', correct, mapped }];
  }));
}

function acceptedOf(declaration: Declaration | undefined): string[] {
  if (!declaration) return [];
  return [...new Set([...declaration.correct, ...declaration.mapped.map((m) => m.key)].filter((a) => a.trim() !== ''))];
}

/** A tolerance from `<equal toleranceMode tolerance>` in the response processing (QTI's relative one is in percent). */
function toleranceOf(root: XmlElement): { mode: 'absolute' | 'relative'; amount: number } | undefined {
  const equal = elements(root).filter((e) => e.name === 'responseProcessing').flatMap((p) => descendants(p, 'equal'))
    .find((e) => e.attrs.toleranceMode === 'absolute' || e.attrs.toleranceMode === 'relative');
  const amount = Number((equal?.attrs.tolerance ?? '').trim().split(/\s+/)[0]);
  if (!equal || !Number.isFinite(amount) || amount < 0) return undefined;
  return equal.attrs.toleranceMode === 'relative' ? { mode: 'relative', amount: Number((amount / 100).toPrecision(12)) } : { mode: 'absolute', amount };
}

function feedbackOf(root: XmlElement): Record<string, unknown> {
  const feedback: Record<string, string> = {};
  const hints: string[] = [];
  for (const modal of elements(root).filter((e) => e.name === 'modalFeedback')) {
    const kind = (modal.attrs.identifier ?? '').toLowerCase();
    if (modal.attrs.outcomeIdentifier === 'HINT') hints.push(htmlOf(modal.children));
    else if (['general', 'correct', 'incorrect'].includes(kind)) feedback[kind] = htmlOf(modal.children);
  }
  return { feedback, hints };
}

function inlineFeedbackOf(choice: XmlElement): string | undefined {
  const inline = elements(choice).find((e) => e.name === 'feedbackInline');
  return inline ? htmlOf(inline.children) : undefined;
}

/** Rubric criteria written as "criterion (N points)" list items or paragraphs of a scorer's rubric block. */
function rubricOf(body: XmlElement): Array<{ criterion: string; points: number }> {
  return allElements(body).filter((e) => e.name === 'rubricBlock').flatMap((block) => allElements(block).filter((e) => e.name === 'li' || e.name === 'p'))
    .map((line) => textContent(line).trim()).filter((line) => line !== '').slice(0, 30)
    .map((line) => {
      const match = /^(.*?)\s*\((\d+(?:\.\d+)?) points?\)$/.exec(line);
      return match ? { criterion: (match[1] ?? line).slice(0, 1_000), points: Number(match[2]) } : { criterion: line.slice(0, 1_000), points: 1 };
    });
}

function htmlOf(nodes: XmlNode[]): string {
  return serialise(nodes).trim();
}

function allElements(node: XmlElement): XmlElement[] {
  return elements(node).flatMap((child) => [child, ...allElements(child)]);
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function unprocessable(code: string, detail: string): AppError {
  return new AppError('unprocessable', code, detail);
}
