import { collectTesseraIds, pointerToken, type TesseraIds } from './ids.js';
import type { LearningEventType } from './learning-event.js';
import type { ItemProblem } from './problems.js';
import { durationMsOf, instantOf } from './time.js';
import { eventTypeOf, isCompletedVerb } from './xapi-verbs.js';
import type { XapiActivity, XapiStatement } from './xapi-statement.js';

const VIDEO_TIME = 'https://w3id.org/xapi/video/extensions/time';
const VIDEO_TIME_TO = 'https://w3id.org/xapi/video/extensions/time-to';
const VIDEO_LENGTH = 'https://w3id.org/xapi/video/extensions/length';
const CMI5_PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

/** A compact-form candidate built from a statement, not yet validated as an event. */
export interface MappedStatement {
  candidate: Record<string, unknown>;
  /** Where in the statement each candidate field came from, to point there when the field is not valid. */
  sources: Record<string, string>;
}

/** Builds a candidate field by field, remembering each field's source and what was missing. */
class Draft {
  readonly candidate: Record<string, unknown> = {};
  readonly sources: Record<string, string> = {};
  readonly problems: ItemProblem[] = [];

  set(field: string, value: unknown, source: string): void {
    if (value === undefined) return;
    this.candidate[field] = value;
    this.sources[field] = source;
  }

  /** Sets `field` from `found`, or records that the statement lacks it. */
  require(field: string, found: Found | undefined, missing: ItemProblem): void {
    if (found) this.set(field, found.value, found.source);
    else this.problems.push(missing);
  }
}

/** A value read from the statement and where it was. */
interface Found {
  value: unknown;
  source: string;
}

/**
 * The compact-form candidate a statement (already checked against XapiStatement) stands for, or what keeps it
 * from standing for one, pointers relative to the statement. A statement without a timestamp happened `now`
 * (xAPI lets the LRS fill it in).
 */
export function mapStatement(statement: XapiStatement, now: Date): MappedStatement | ItemProblem[] {
  const { ids, objectKind } = idsOf(statement);
  const type = eventTypeOf(statement.verb.id, statement.object, objectKind);
  if (!type) return [{ pointer: '/verb/id', detail: `is not a verb Tessera records: ${statement.verb.id}` }];
  const draft = new Draft();
  draft.set('id', statement.id.toLowerCase(), '/id');
  draft.set('type', type, '/verb/id');
  const instant = statement.timestamp === undefined ? now.getTime() : instantOf(statement.timestamp);
  if (instant === null) return [{ pointer: '/timestamp', detail: 'is not a real date and time' }];
  draft.set('time', new Date(instant).toISOString(), '/timestamp');
  for (const field of ['courseId', 'lessonId', 'itemId'] as const) draft.set(field, ids[field], '/object/id');
  draft.set('sessionId', statement.context?.registration?.toLowerCase(), '/context/registration');
  MAPPERS[type](statement, ids, draft);
  return draft.problems.length > 0 ? draft.problems : { candidate: draft.candidate, sources: draft.sources };
}

type Mapper = (statement: XapiStatement, ids: TesseraIds, draft: Draft) => void;

const MAPPERS: Record<LearningEventType, Mapper> = {
  item_attempt: (statement, ids, draft) => {
    requireId(draft, ids, 'itemId', 'items', 'an answered statement');
    const result = statement.result;
    draft.require('correct', found(result?.success, '/result/success'), { pointer: '/result/success', detail: 'is required: an answer is right or wrong' });
    draft.require('latencyMs', durationOf(result?.duration), { pointer: '/result/duration', detail: 'is required: how long the answer took' });
    draft.set('score', result?.score?.scaled, '/result/score/scaled');
  },
  page_view: (statement, _ids, draft) => {
    draft.set('path', pathOf(statement.object.id), '/object/id');
    const duration = durationOf(statement.result?.duration);
    if (duration) draft.set('durationMs', duration.value, duration.source);
  },
  video_view: (statement, ids, draft) => {
    draft.set('mediaId', ids.mediaId, '/object/id');
    const position = extension(statement.result?.extensions, '/result', VIDEO_TIME) ?? extension(statement.result?.extensions, '/result', VIDEO_TIME_TO);
    draft.require('positionSec', position, { pointer: '/result/extensions', detail: `needs the playhead position: ${VIDEO_TIME} or ${VIDEO_TIME_TO}` });
    const length = extension(statement.context?.extensions, '/context', VIDEO_LENGTH) ?? extension(statement.result?.extensions, '/result', VIDEO_LENGTH);
    if (length) draft.set('durationSec', length.value, length.source);
    setCompleted(statement, draft);
  },
  lesson_progress: (statement, ids, draft) => {
    requireId(draft, ids, 'lessonId', 'lessons', 'a lesson progress statement');
    setProgress(statement, draft);
    setCompleted(statement, draft);
  },
  search: (statement, _ids, draft) => {
    const query = firstName(statement.object) ?? found(statement.result?.response, '/result/response');
    draft.require('query', query, { pointer: '/object/definition/name', detail: 'is required (or result.response): what was searched for' });
  },
  session_start: (statement, _ids, draft) => requireSession(statement, draft),
  session_end: (statement, _ids, draft) => requireSession(statement, draft),
};

/** Ids named by the object, then by its parents, then by its grouping: the most specific source wins. */
function idsOf(statement: XapiStatement): { ids: TesseraIds; objectKind: keyof TesseraIds | null } {
  const ids: TesseraIds = {};
  const objectKind = collectTesseraIds(statement.object.id, ids);
  const context = statement.context?.contextActivities;
  for (const activity of [...listOf(context?.parent), ...listOf(context?.grouping)]) collectTesseraIds(activity.id, ids);
  return { ids, objectKind };
}

function listOf(activities: XapiActivity | XapiActivity[] | undefined): XapiActivity[] {
  if (activities === undefined) return [];
  return Array.isArray(activities) ? activities : [activities];
}

function requireId(draft: Draft, ids: TesseraIds, field: 'itemId' | 'lessonId', segment: string, what: string): void {
  if (ids[field]) return;
  draft.problems.push({ pointer: '/object/id', detail: `names no ${segment.slice(0, -1)}: ${what} needs an activity id with /${segment}/<uuid> in its object or context activities` });
}

function requireSession(statement: XapiStatement, draft: Draft): void {
  if (statement.context?.registration) return;
  draft.problems.push({ pointer: '/context/registration', detail: 'is required: the registration names the session' });
}

function setCompleted(statement: XapiStatement, draft: Draft): void {
  if (isCompletedVerb(statement.verb.id)) draft.set('completed', true, '/verb/id');
  else draft.set('completed', statement.result?.completion, '/result/completion');
}

/** Progress from cmi5's progress extension (a percentage), else the scaled score, else 1 for `completed`. */
function setProgress(statement: XapiStatement, draft: Draft): void {
  const percent = extension(statement.result?.extensions, '/result', CMI5_PROGRESS);
  if (percent) {
    if (typeof percent.value === 'number' && percent.value >= 0 && percent.value <= 100) draft.set('progress', percent.value / 100, percent.source);
    else draft.problems.push({ pointer: percent.source, detail: 'must be a number from 0 to 100' });
    return;
  }
  const scaled = statement.result?.score?.scaled;
  if (scaled !== undefined) return draft.set('progress', scaled, '/result/score/scaled');
  if (isCompletedVerb(statement.verb.id)) return draft.set('progress', 1, '/verb/id');
  draft.problems.push({ pointer: '/result', detail: `needs progress: the extension ${CMI5_PROGRESS} (0 to 100) or score.scaled` });
}

function found(value: unknown, source: string): Found | undefined {
  return value === undefined ? undefined : { value, source };
}

function durationOf(duration: string | undefined): Found | undefined {
  if (duration === undefined) return undefined;
  return found(durationMsOf(duration) ?? undefined, '/result/duration');
}

function extension(extensions: Record<string, unknown> | undefined, parent: string, key: string): Found | undefined {
  if (!extensions || !Object.hasOwn(extensions, key)) return undefined;
  return { value: extensions[key], source: `${parent}/extensions/${pointerToken(key)}` };
}

/** The activity's name in the first language it gives (a search's query). */
function firstName(activity: XapiActivity): Found | undefined {
  const names = activity.definition?.name ?? {};
  const language = Object.keys(names)[0];
  return language === undefined ? undefined : found(names[language], `/object/definition/name/${pointerToken(language)}`);
}

/** The path of an http(s) activity id (a Tessera activity id is its page's URL), if it fits a page view. */
function pathOf(iri: string): string | undefined {
  if (!/^https?:\/\//i.test(iri)) return undefined;
  try {
    const path = new URL(iri).pathname;
    // The path is optional context; a long one is left out rather than failing a valid statement.
    return path.length <= 500 ? path : undefined;
  } catch {
    return undefined;
  }
}
