import { GAP_MARKER } from '../item-problems.js';
import type { ItemContent, ItemOf } from '../item-types.js';
import { QTI_NAMESPACE, QTI_SCHEMA_LOCATION, spellFor, TEMPLATE, type QtiVersion } from './qti-names.js';
import { el, serialise, type XmlElement, type XmlNode } from './xml.js';

/** One exported item: its QTI document and what QTI cannot say (skills, units, patterns, test cases...). */
export interface QtiDocument { identifier: string; xml: string; metadata: Record<string, unknown> }

const RESPONSE = 'RESPONSE';
/** The stem is kept in a marked block so that an import gives back exactly the stem. */
export const STEM_CLASS = 'tessera-stem';

/** An item as a QTI `version` assessment item (written with 2.1 names, respelled for 3.0). */
export function itemToQti(item: ItemContent, identifier: string, version: QtiVersion): QtiDocument {
  const parts = partsOf(item, version);
  const feedbacks = modalFeedbacks(item);
  const root = el('assessmentItem', {
    xmlns: QTI_NAMESPACE[version], 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': QTI_SCHEMA_LOCATION[version],
    identifier, title: item.title, adaptive: 'false', timeDependent: 'false',
  },
  ...parts.declarations,
  el('outcomeDeclaration', { identifier: 'SCORE', cardinality: 'single', baseType: 'float' }, el('defaultValue', {}, el('value', {}, '0'))),
  ...(feedbacks.length > 0 || hasInlineFeedback(item) ? [el('outcomeDeclaration', { identifier: 'FEEDBACK', cardinality: 'multiple', baseType: 'identifier' })] : []),
  ...((item.hints ?? []).length > 0 ? [el('outcomeDeclaration', { identifier: 'HINT', cardinality: 'multiple', baseType: 'identifier' })] : []),
  el('itemBody', {}, ...parts.body),
  ...(parts.processing ? [parts.processing] : []),
  ...feedbacks);
  return { identifier, xml: `<?xml version="1.0" encoding="UTF-8"?>\n${serialise([spellFor(version, root)])}\n`, metadata: metadataOf(item) };
}

interface Parts { declarations: XmlElement[]; body: XmlNode[]; processing?: XmlElement }

function partsOf(item: ItemContent, version: QtiVersion): Parts {
  const template = (name: 'match_correct' | 'map_response') => el('responseProcessing', { template: TEMPLATE[version](name) });
  switch (item.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'true_false': {
      const options = item.type === 'true_false' ? trueFalseOptions(item) : item.options;
      const single = item.type !== 'multiple_choice';
      return {
        declarations: [declaration(RESPONSE, single ? 'single' : 'multiple', 'identifier', options.filter((o) => o.correct).map((o) => o.id))],
        body: [stem(item.stem), el('choiceInteraction', { responseIdentifier: RESPONSE, shuffle: String(item.type !== 'true_false' && item.shuffle === true), maxChoices: single ? 1 : 0 },
          ...options.map((o) => el('simpleChoice', { identifier: o.id }, { raw: o.text }, ...(o.feedback ? [inlineFeedback(o.id, o.feedback)] : []))))],
        processing: template('match_correct'),
      };
    }
    case 'ordering':
      return {
        declarations: [declaration(RESPONSE, 'ordered', 'identifier', item.correctOrder)],
        body: [stem(item.stem), el('orderInteraction', { responseIdentifier: RESPONSE, shuffle: 'true' }, ...item.choices.map((c) => el('simpleChoice', { identifier: c.id }, { raw: c.text })))],
        processing: template('match_correct'),
      };
    case 'matching':
      return matchingParts(item, template('match_correct'));
    case 'numeric':
      return {
        declarations: [declaration(RESPONSE, 'single', 'float', item.value === null ? [] : [String(item.value)])],
        body: [stem(item.stem), el('p', {}, el('textEntryInteraction', { responseIdentifier: RESPONSE, expectedLength: 12 }))],
        processing: item.tolerance ? toleranceProcessing(item.tolerance) : template('match_correct'),
      };
    case 'short_text':
      return {
        declarations: [textDeclaration(RESPONSE, item.accepted, item.normalise?.caseSensitive ?? false)],
        body: [stem(item.stem), el('p', {}, el('textEntryInteraction', { responseIdentifier: RESPONSE, expectedLength: 20 }))],
        processing: template('map_response'),
      };
    case 'cloze':
      return clozeParts(item);
    case 'essay':
    case 'code':
      return {
        declarations: [el('responseDeclaration', { identifier: RESPONSE, cardinality: 'single', baseType: 'string' })],
        body: [stem(item.stem), ...(item.type === 'essay' && item.rubric.length > 0 ? [rubricBlock(item)] : []),
          el('extendedTextInteraction', { responseIdentifier: RESPONSE, format: item.type === 'code' ? 'preformatted' : 'plain' })],
      };
  }
}

function trueFalseOptions(item: ItemOf<'true_false'>) {
  return [
    { id: 'true', text: 'True', correct: item.answer === true, feedback: item.feedbackTrue },
    { id: 'false', text: 'False', correct: item.answer === false, feedback: item.feedbackFalse },
  ];
}

function matchingParts(item: ItemOf<'matching'>, processing: XmlElement): Parts {
  const uses = (id: string) => Math.max(1, item.pairs.filter((p) => p.source === id || p.target === id).length);
  const set = (choices: Array<{ id: string; text: string }>) =>
    el('simpleMatchSet', {}, ...choices.map((c) => el('simpleAssociableChoice', { identifier: c.id, matchMax: uses(c.id) }, { raw: c.text })));
  return {
    declarations: [declaration(RESPONSE, 'multiple', 'directedPair', item.pairs.map((p) => `${p.source} ${p.target}`))],
    body: [stem(item.stem), el('matchInteraction', { responseIdentifier: RESPONSE, shuffle: 'true', maxAssociations: item.pairs.length }, set(item.sources), set(item.targets))],
    processing,
  };
}

/** Gaps are inline interactions where the stem has `{{gapId}}`; each gap's mapping scores it, SCORE sums them. */
function clozeParts(item: ItemOf<'cloze'>): Parts {
  const gaps = new Map(item.gaps.map((g) => [g.id, g]));
  const body: XmlNode[] = [];
  let last = 0;
  for (const match of item.stem.matchAll(GAP_MARKER)) {
    const gap = gaps.get(match[1] ?? '');
    body.push({ raw: item.stem.slice(last, match.index) });
    last = match.index + match[0].length;
    if (!gap) { body.push({ raw: match[0] }); continue; }
    body.push(gap.kind === 'text'
      ? el('textEntryInteraction', { responseIdentifier: gap.id, expectedLength: 15 })
      : el('inlineChoiceInteraction', { responseIdentifier: gap.id, shuffle: 'false' }, ...gap.choices.map((c) => el('inlineChoice', { identifier: c.id }, { raw: c.text }))));
  }
  body.push({ raw: item.stem.slice(last) });
  const declarations = item.gaps.map((gap) => (gap.kind === 'text'
    ? textDeclaration(gap.id, gap.accepted, gap.caseSensitive ?? false)
    : el('responseDeclaration', { identifier: gap.id, cardinality: 'single', baseType: 'identifier' },
      ...(gap.correct ? [el('correctResponse', {}, el('value', {}, gap.correct)),
        el('mapping', { defaultValue: 0 }, el('mapEntry', { mapKey: gap.correct, mappedValue: 1 }))] : []))));
  const processing = el('responseProcessing', {}, el('setOutcomeValue', { identifier: 'SCORE' },
    el('sum', {}, ...item.gaps.map((gap) => el('mapResponse', { identifier: gap.id })))));
  return { declarations, body: [el('div', { class: STEM_CLASS }, ...body)], processing };
}

function declaration(identifier: string, cardinality: string, baseType: string, correct: string[]): XmlElement {
  return el('responseDeclaration', { identifier, cardinality, baseType },
    ...(correct.length > 0 ? [el('correctResponse', {}, ...correct.map((value) => el('value', {}, value)))] : []));
}

/** A text response: the first accepted answer is "the" correct one, every accepted answer scores through the mapping. */
function textDeclaration(identifier: string, accepted: string[], caseSensitive: boolean): XmlElement {
  if (accepted.length === 0) return el('responseDeclaration', { identifier, cardinality: 'single', baseType: 'string' });
  return el('responseDeclaration', { identifier, cardinality: 'single', baseType: 'string' },
    el('correctResponse', {}, el('value', {}, accepted[0] ?? '')),
    el('mapping', { defaultValue: 0 }, ...accepted.map((answer) => el('mapEntry', { mapKey: answer, mappedValue: 1, caseSensitive: String(caseSensitive) }))));
}

/** QTI expresses a relative tolerance in percent. */
function toleranceProcessing(tolerance: { mode: 'absolute' | 'relative'; amount: number }): XmlElement {
  const amount = tolerance.mode === 'relative' ? Number((tolerance.amount * 100).toPrecision(12)) : tolerance.amount;
  const score = (value: string) => el('setOutcomeValue', { identifier: 'SCORE' }, el('baseValue', { baseType: 'float' }, value));
  return el('responseProcessing', {}, el('responseCondition', {},
    el('responseIf', {}, el('equal', { toleranceMode: tolerance.mode, tolerance: `${amount} ${amount}` }, el('variable', { identifier: RESPONSE }), el('correct', { identifier: RESPONSE })), score('1')),
    el('responseElse', {}, score('0'))));
}

function stem(html: string): XmlElement {
  return el('div', { class: STEM_CLASS }, { raw: html });
}

function inlineFeedback(identifier: string, html: string): XmlElement {
  return el('feedbackInline', { outcomeIdentifier: 'FEEDBACK', identifier, showHide: 'show' }, { raw: html });
}

function rubricBlock(item: ItemOf<'essay'>): XmlElement {
  return el('rubricBlock', { view: 'scorer' }, el('ul', {}, ...item.rubric.map((r) => el('li', {}, `${r.criterion} (${r.points} points)`))));
}

function modalFeedbacks(item: ItemContent): XmlElement[] {
  const feedback = Object.entries(item.feedback ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([kind, html]) => el('modalFeedback', { outcomeIdentifier: 'FEEDBACK', identifier: kind.toUpperCase(), showHide: 'show' }, { raw: html }));
  const hints = (item.hints ?? []).map((html, i) => el('modalFeedback', { outcomeIdentifier: 'HINT', identifier: `HINT_${i + 1}`, showHide: 'show' }, { raw: html }));
  return [...feedback, ...hints];
}

function hasInlineFeedback(item: ItemContent): boolean {
  if (item.type === 'true_false') return Boolean(item.feedbackTrue ?? item.feedbackFalse);
  return (item.type === 'single_choice' || item.type === 'multiple_choice') && item.options.some((o) => o.feedback);
}

/** What the QTI document cannot carry, exported next to it (as a content package's metadata would be). */
function metadataOf(item: ItemContent): Record<string, unknown> {
  const extras: Record<string, unknown> = { type: item.type, skills: item.skills ?? [], difficulty: item.difficulty ?? null, irt: item.irt ?? null, courseId: item.courseId ?? null };
  if (item.type === 'numeric') Object.assign(extras, { unit: item.unit, unitAliases: item.unitAliases });
  if (item.type === 'short_text') Object.assign(extras, { patterns: item.patterns, normalise: item.normalise });
  if (item.type === 'essay') Object.assign(extras, { rubric: item.rubric, expectedWords: item.expectedWords });
  if (item.type === 'code') Object.assign(extras, { language: item.language, starterCode: item.starterCode, testCases: item.testCases });
  return Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined));
}
