import { isAppError, type AppError } from '@tessera/platform';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH_ERRORS, normaliseBatch } from '../src/domain/events/index.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const options = { now: NOW, maxAgeMs: 7 * 86_400_000, maxFutureMs: 60_000, maxItems: 5 };
const LESSON = '1c8e5d2f-3a6b-4d4f-8e6c-2b3c4d5e6f70';
const STATEMENT_ID = '5a4c7b8d-7e6f-4b8d-8c0a-6f708192a3b4';

function session(id: string, time = '2024-05-01T11:00:00Z'): Record<string, unknown> {
  return { id, type: 'session_start', time, sessionId: 'tab-1' };
}

function completedLesson(id: string): Record<string, unknown> {
  return { id, actor: { account: { homePage: 'https://tessera.example', name: 'u1' } }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: `https://tessera.example/lessons/${LESSON}` }, timestamp: '2024-05-01T11:00:00Z' };
}

function rejection(body: unknown, maxItems = options.maxItems): AppError {
  try {
    normaliseBatch(body, { ...options, maxItems });
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('the batch was not refused');
}

/** The value a JSON pointer names in `document`, or undefined. */
function resolve(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  return pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, token) => (typeof node === 'object' && node !== null && Object.hasOwn(node, token) ? (node as Record<string, unknown>)[token] : undefined), document);
}

describe('batch shapes', () => {
  it('takes { events }, { statements } and a bare array of statements', () => {
    expect(normaliseBatch({ events: [session('a')] }, options).events).toHaveLength(1);
    expect(normaliseBatch({ statements: [completedLesson(STATEMENT_ID)] }, options).events).toHaveLength(1);
    const bare = normaliseBatch([completedLesson(STATEMENT_ID), { verb: 1 }], options);
    expect(bare.events).toHaveLength(1);
    expect(bare.errors[0]?.errors.map((problem) => problem.pointer)).toContain('/1/verb');
    expect(normaliseBatch({ events: [] }, options)).toEqual({ events: [], errors: [], duplicates: [] });
  });

  it.each([
    ['null', null, ''],
    ['a string', 'events', ''],
    ['a number', 3, ''],
    ['an empty object', {}, ''],
    ['events that are not an array', { events: { 0: session('a') } }, '/events'],
    ['statements that are not an array', { statements: null }, '/statements'],
    ['both events and statements', { events: [], statements: [] }, ''],
    ['another key', { events: [], sentAt: '2024-05-01T11:00:00Z' }, '/sentAt'],
    ['a key with a slash', { 'a/b': [] }, '/a~1b'],
  ])('refuses %s as a whole (400), pointing at the culprit', (_case, body, pointer) => {
    const error = rejection(body);
    expect(error).toMatchObject({ kind: 'invalid', code: BATCH_ERRORS.notABatch, details: { errors: [{ pointer, detail: expect.any(String) }] } });
    expect(Object.keys(error.details ?? {})).not.toContain('status');
  });

  it('refuses more than maxItems items as a whole (413), before looking at any', () => {
    expect(normaliseBatch({ events: Array.from({ length: 5 }, (_unused, i) => session(`e${i}`)) }, options).events).toHaveLength(5);
    const error = rejection({ events: Array.from({ length: 6 }, () => 'junk') });
    expect(error).toMatchObject({ kind: 'too_large', code: BATCH_ERRORS.tooLarge, details: { maxItems: 5, items: 6 } });
    expect(rejection([1, 2, 3], 2).kind).toBe('too_large');
  });
});

describe('mixed batches', () => {
  it('returns the valid items with their index and lists each invalid one with pointers into the body', () => {
    const body = { events: [session('a'), { ...session('b'), sessionId: '' }, 'junk', session('c'), { id: 'd', type: 'search', time: 'now', query: '' }] };
    const result = normaliseBatch(body, options);
    expect(result.events.map(({ index, event }) => [index, event.id])).toEqual([[0, 'a'], [3, 'c']]);
    expect(result.errors).toEqual([
      { index: 1, id: 'b', errors: [{ pointer: '/events/1/sessionId', detail: expect.any(String) }] },
      { index: 2, id: null, errors: [{ pointer: '/events/2', detail: 'must be an object' }] },
      { index: 4, id: 'd', errors: [
        { pointer: '/events/4/time', detail: expect.stringContaining('RFC 3339') },
        { pointer: '/events/4/query', detail: expect.any(String) },
      ] },
    ]);
    expect(result.duplicates).toEqual([]);
  });
});

describe('duplicates within a batch', () => {
  it('keeps the first valid item of an id and lists the later ones as duplicates, not errors', () => {
    const result = normaliseBatch({ events: [session('a'), session('b'), session('a'), session('a', '2024-05-01T11:30:00Z')] }, options);
    expect(result.events.map((accepted) => accepted.index)).toEqual([0, 1]);
    expect(result.duplicates).toEqual([2, 3]);
    expect(result.errors).toEqual([]);
  });

  it('does not let an invalid item shadow a valid one with its id', () => {
    const result = normaliseBatch({ events: [{ ...session('a'), sessionId: 7 }, session('a')] }, options);
    expect(result.errors.map((error) => error.index)).toEqual([0]);
    expect(result.events.map((accepted) => accepted.index)).toEqual([1]);
    expect(result.duplicates).toEqual([]);
  });

  it('compares statement ids after normalisation (uuids in any case are one id)', () => {
    const result = normaliseBatch([completedLesson(STATEMENT_ID), completedLesson(STATEMENT_ID.toUpperCase())], options);
    expect(result.duplicates).toEqual([1]);
  });

  it('treats compact ids as case-sensitive client ids', () => {
    expect(normaliseBatch({ events: [session('a'), session('A')] }, options).duplicates).toEqual([]);
  });
});

describe('time bounds', () => {
  const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

  it('accepts events exactly at either bound', () => {
    const result = normaliseBatch({ events: [session('old', at(-options.maxAgeMs)), session('ahead', at(options.maxFutureMs))] }, options);
    expect(result.errors).toEqual([]);
  });

  it('refuses ancient events and events in the future, per item', () => {
    const result = normaliseBatch({ events: [session('old', at(-options.maxAgeMs - 1)), session('ok'), session('ahead', at(options.maxFutureMs + 1))] }, options);
    expect(result.events.map((accepted) => accepted.index)).toEqual([1]);
    expect(result.errors).toEqual([
      { index: 0, id: 'old', errors: [{ pointer: '/events/0/time', detail: "is ancient: more than 7 day(s) before the server's time" }] },
      { index: 2, id: 'ahead', errors: [{ pointer: '/events/2/time', detail: "is in the future: more than 1 minute(s) after the server's time" }] },
    ]);
  });
});

describe('any body (property)', () => {
  const keys = fc.constantFrom('id', 'type', 'time', 'sessionId', 'lessonId', 'itemId', 'progress', 'query', 'positionSec', 'correct', 'latencyMs',
    'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'account', 'mbox', 'extensions', 'contextActivities', 'parent', 'registration',
    'definition', 'name', 'success', 'duration', 'score', 'scaled', '__proto__', 'constructor', 'a/b~c');
  const leaf = fc.oneof(
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom('page_view', 'video_view', 'lesson_progress', 'item_attempt', 'search', 'session_start', 'session_end', LESSON, STATEMENT_ID,
      '2024-05-01T11:00:00Z', '2024-02-30T11:00:00Z', 'PT1.5S', 'P1Y', 'mailto:a@b.c', 'http://adlnet.gov/expapi/verbs/answered',
      'https://w3id.org/xapi/video/verbs/played', `https://t.example/courses/${LESSON}/lessons/${LESSON}/items/${LESSON}`, -1, 0, 0.5, 1e308),
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(keys, tie('tree'), { maxKeys: 6 })),
  }));
  const bodies = fc.oneof(
    fc.jsonValue(),
    fc.record({ events: fc.array(tree, { maxLength: 8 }) }),
    fc.record({ statements: fc.array(tree, { maxLength: 8 }) }),
    fc.array(tree, { maxLength: 8 }),
    fc.dictionary(fc.constantFrom('events', 'statements', 'x'), tree, { maxKeys: 2 }),
  );

  it('never throws anything but the documented whole-batch errors; every item is accounted for once; pointers lead into the body', () => {
    fc.assert(fc.property(bodies, (raw) => {
      // Through JSON, as a request body would arrive (`__proto__` becomes an own key).
      const body: unknown = JSON.parse(JSON.stringify(raw) ?? 'null');
      let result;
      try {
        result = normaliseBatch(body, options);
      } catch (error) {
        expect(isAppError(error) && [BATCH_ERRORS.notABatch, BATCH_ERRORS.tooLarge].includes(error.code as never)).toBe(true);
        return;
      }
      const items = Array.isArray(body) ? body : Object.values(body as Record<string, unknown[]>)[0] ?? [];
      const indexes = [...result.events.map((e) => e.index), ...result.errors.map((e) => e.index), ...result.duplicates].sort((a, b) => a - b);
      expect(indexes).toEqual(items.map((_item, index) => index));
      for (const rejected of result.errors) {
        expect(rejected.errors.length).toBeGreaterThan(0);
        for (const { pointer } of rejected.errors) {
          // The pointer names the field, or a missing field of an object that is there.
          expect(resolve(body, pointer.slice(0, pointer.lastIndexOf('/')))).toBeDefined();
        }
      }
    }), { numRuns: 2000 });
  });

  // Random bodies rarely get past the schema; valid items with one field replaced reach the xAPI mapping.
  const templates = [
    { id: 'e1', type: 'item_attempt', time: '2024-05-01T11:00:00Z', itemId: LESSON, correct: true, latencyMs: 5, score: 0.5 },
    { id: 'e2', type: 'video_view', time: '2024-05-01T11:00:00Z', positionSec: 3, durationSec: 9, completed: true },
    { ...completedLesson(STATEMENT_ID), result: { success: true, duration: 'PT1S', score: { scaled: 0.5 }, completion: true,
      extensions: { 'https://w3id.org/xapi/video/extensions/time': 3, 'https://w3id.org/xapi/cmi5/result/extensions/progress': 50 } },
      context: { registration: STATEMENT_ID, contextActivities: { parent: [{ id: `https://t.example/items/${LESSON}` }] },
        extensions: { 'https://w3id.org/xapi/video/extensions/length': 9 } } },
  ];
  const verbs = fc.constantFrom('answered', 'experienced', 'progressed', 'completed', 'initialized', 'terminated')
    .map((verb) => `http://adlnet.gov/expapi/verbs/${verb}`);

  it('never throws for valid items with one field replaced or removed', () => {
    fc.assert(fc.property(fc.constantFrom(...templates), fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), fc.option(fc.oneof(fc.jsonValue(), verbs)), verbs,
      (template, path, replacement, verb) => {
        const item = structuredClone(template) as Record<string, unknown>;
        if ('verb' in item) item['verb'] = { id: verb };
        replaceAt(item, path, replacement);
        const result = normaliseBatch('verb' in template ? [item] : { events: [item] }, options);
        expect(result.events.length + result.errors.length).toBe(1);
      }), { numRuns: 2000 });
  });
});

/** Replaces (or, for null, removes) the value at the first existing keys of `path`, the last key picked among the node's own. */
function replaceAt(node: Record<string, unknown>, path: string[], replacement: unknown): void {
  const keys = Object.keys(node);
  const key = keys[(path[0]?.length ?? 0) % Math.max(keys.length, 1)];
  if (key === undefined) return;
  const child = node[key];
  if (path.length > 1 && typeof child === 'object' && child !== null) return replaceAt(child as Record<string, unknown>, path.slice(1), replacement);
  if (replacement === null) delete node[key];
  else node[key] = replacement;
}
