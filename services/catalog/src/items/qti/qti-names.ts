import type { XmlElement, XmlNode } from './xml.js';

/** The QTI versions the bank reads and writes. */
export type QtiVersion = '2.1' | '3.0';

export const QTI_NAMESPACE: Record<QtiVersion, string> = {
  '2.1': 'http://www.imsglobal.org/xsd/imsqti_v2p1',
  '3.0': 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0',
};
export const QTI_SCHEMA_LOCATION: Record<QtiVersion, string> = {
  '2.1': 'http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd',
  '3.0': 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd',
};
export const TEMPLATE: Record<QtiVersion, (name: 'match_correct' | 'map_response') => string> = {
  '2.1': (name) => `http://www.imsglobal.org/question/qti_v2p1/rptemplates/${name}`,
  '3.0': (name) => `https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/${name}.xml`,
};

/** QTI 2.1 element names the exporter writes; QTI 3.0 spells them `qti-kebab-case`. */
const QTI_ELEMENTS = new Set([
  'assessmentItem', 'responseDeclaration', 'outcomeDeclaration', 'correctResponse', 'value', 'defaultValue', 'mapping', 'mapEntry',
  'itemBody', 'prompt', 'choiceInteraction', 'simpleChoice', 'orderInteraction', 'matchInteraction', 'simpleMatchSet',
  'simpleAssociableChoice', 'textEntryInteraction', 'extendedTextInteraction', 'inlineChoiceInteraction', 'inlineChoice',
  'feedbackInline', 'modalFeedback', 'rubricBlock', 'responseProcessing', 'responseCondition', 'responseIf', 'responseElse',
  'setOutcomeValue', 'baseValue', 'variable', 'correct', 'equal', 'mapResponse', 'sum', 'contentBody',
]);
/** QTI 3.0 wraps the content of these in `qti-content-body`. */
const CONTENT_BODY_PARENTS = new Set(['modalFeedback', 'rubricBlock']);

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** A tree written with QTI 2.1 names, respelled for `version`. */
export function spellFor(version: QtiVersion, node: XmlElement): XmlElement {
  if (version === '2.1') return node;
  const qti = QTI_ELEMENTS.has(node.name);
  const attrs = qti ? Object.fromEntries(Object.entries(node.attrs).map(([k, v]) => [k.includes(':') ? k : kebab(k), v])) : node.attrs;
  let children = node.children.map((child) => (isElement(child) ? spellFor(version, child) : child));
  if (CONTENT_BODY_PARENTS.has(node.name)) children = [{ name: 'qti-content-body', attrs: {}, children }];
  return { name: qti ? `qti-${kebab(node.name)}` : node.name, attrs, children };
}

/**
 * A parsed document in the 2.1 vocabulary whatever its version: namespace prefixes dropped, `qti-kebab-case`
 * elements and their attributes camel-cased, and 3.0's `qti-content-body` wrappers unwrapped.
 */
export function readAs21(node: XmlElement): XmlElement {
  const local = node.name.includes(':') ? node.name.slice(node.name.indexOf(':') + 1) : node.name;
  const qti3 = local.startsWith('qti-');
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:') || key.startsWith('xsi:')) continue;
    attrs[qti3 ? camel(key) : key] = value;
  }
  const children = node.children.flatMap((child): XmlNode[] => {
    if (!isElement(child)) return [child];
    const read = readAs21(child);
    return read.name === 'contentBody' ? read.children : [read];
  });
  return { name: qti3 ? camel(local.slice(4)) : local, attrs, children };
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node === 'object' && 'name' in node;
}
