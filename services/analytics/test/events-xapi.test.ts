import { describe, expect, it } from 'vitest';
import { normaliseBatch, type NormalisedBatch } from '../src/domain/events/index.js';

const options = { now: new Date('2024-05-01T12:00:00Z'), maxAgeMs: 30 * 86_400_000, maxFutureMs: 5 * 60_000, maxItems: 100 };
const COURSE = '0b9f6c1e-2f7a-4c3e-9d5b-1a2b3c4d5e6f';
const LESSON = '1c8e5d2f-3a6b-4d4f-8e6c-2b3c4d5e6f70';
const ITEM = '2d7f4e3a-4b5c-4e5a-9f7d-3c4d5e6f7081';
const MEDIA = '3e6a5f4b-5c4d-4f6b-8a8e-4d5e6f708192';
const REGISTRATION = '4f5b6a7c-6d5e-4a7c-9b9f-5e6f708192a3';
const STATEMENT_ID = '5a4c7b8d-7e6f-4b8d-8c0a-6f708192a3b4';
const SITE = 'https://tessera.example';
const ADL = 'http://adlnet.gov/expapi/verbs/';
const VIDEO = 'https://w3id.org/xapi/video/';
const CMI5_PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
const ACCOUNT = { homePage: SITE, name: 'user-1' };

const lessonIri = `${SITE}/courses/${COURSE}/lessons/${LESSON}`;
const itemIri = `${SITE}/courses/${COURSE}/items/${ITEM}`;
const mediaIri = `${SITE}/courses/${COURSE}/media/${MEDIA}`;

function statement(verb: string, objectId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: STATEMENT_ID, actor: { objectType: 'Agent', account: ACCOUNT }, verb: { id: verb, display: { 'en-US': 'did' } },
    object: { objectType: 'Activity', id: objectId }, timestamp: '2024-05-01T11:59:00Z', ...extra };
}

function one(item: Record<string, unknown>): NormalisedBatch {
  return normaliseBatch({ statements: [item] }, options);
}

function eventOf(item: Record<string, unknown>): Record<string, unknown> | undefined {
  const result = one(item);
  expect(result.errors).toEqual([]);
  return result.events[0]?.event;
}

function problemsOf(item: Record<string, unknown>): Array<{ pointer: string; detail: string }> {
  const result = one(item);
  expect(result.events).toEqual([]);
  return result.errors[0]?.errors ?? [];
}

const base = { id: STATEMENT_ID, time: '2024-05-01T11:59:00.000Z' };

describe('xAPI statements: answered → item_attempt', () => {
  it('maps success, duration and scaled score; reads the course, item and lesson from object and parent', () => {
    const result = one(statement(`${ADL}answered`, itemIri, {
      result: { success: true, duration: 'PT1.5S', score: { scaled: 0.75, raw: 3 }, response: 'b' },
      context: { registration: REGISTRATION.toUpperCase(), contextActivities: { parent: [{ id: lessonIri }] }, platform: 'web' },
      version: '1.0.3',
    }));
    expect(result.events).toEqual([{ index: 0, actor: { kind: 'account', ...ACCOUNT }, event: {
      ...base, type: 'item_attempt', courseId: COURSE, lessonId: LESSON, itemId: ITEM, sessionId: REGISTRATION,
      correct: true, latencyMs: 1500, score: 0.75,
    } }]);
  });

  it('reads durations of days, hours and minutes', () => {
    expect(eventOf(statement(`${ADL}answered`, itemIri, { result: { success: false, duration: 'P0DT1H1M0.25S' } }))).toMatchObject({ latencyMs: 3_660_250 });
  });

  it('needs an item, success and duration, and says where each was expected', () => {
    expect(problemsOf(statement(`${ADL}answered`, lessonIri))).toEqual([
      { pointer: '/statements/0/object/id', detail: expect.stringContaining('/items/<uuid>') },
      { pointer: '/statements/0/result/success', detail: expect.stringContaining('is required') },
      { pointer: '/statements/0/result/duration', detail: expect.stringContaining('is required') },
    ]);
  });

  it('points at the statement field behind an event field out of range', () => {
    expect(problemsOf(statement(`${ADL}answered`, itemIri, { result: { success: true, duration: 'PT1.5S', score: { scaled: -0.5 } } })))
      .toEqual([{ pointer: '/statements/0/result/score/scaled', detail: expect.stringContaining("as the event's score") }]);
    expect(problemsOf(statement(`${ADL}answered`, itemIri, { result: { success: true, duration: 'P2D' } })))
      .toEqual([{ pointer: '/statements/0/result/duration', detail: expect.stringContaining("as the event's latencyMs") }]);
  });

  it.each(['P1Y', 'P1M', 'P1W', 'PT', 'P', '1.5S', 'PT1,5S'])('refuses the duration %s', (duration) => {
    expect(problemsOf(statement(`${ADL}answered`, itemIri, { result: { success: true, duration } })))
      .toEqual([{ pointer: '/statements/0/result/duration', detail: expect.stringContaining('ISO 8601 duration') }]);
  });
});

describe('xAPI statements: experienced and viewed → page_view', () => {
  it.each([`${ADL}experienced`, 'http://id.tincanapi.com/verb/viewed'])('maps %s, with the activity path and duration', (verb) => {
    expect(eventOf(statement(verb, `${lessonIri}?tab=notes`, { result: { duration: 'PT2M' } }))).toEqual({
      ...base, type: 'page_view', courseId: COURSE, lessonId: LESSON, path: `/courses/${COURSE}/lessons/${LESSON}`, durationMs: 120_000,
    });
  });

  it('leaves the path out for an activity id that is not a web address', () => {
    expect(eventOf(statement(`${ADL}experienced`, `urn:tessera:courses/${COURSE}`))).toEqual({ ...base, type: 'page_view' });
  });
});

describe('xAPI statements: the video profile → video_view', () => {
  const length = { [`${VIDEO}extensions/length`]: 300 };

  it.each(['played', 'paused'])('maps %s with the time and the length', (verb) => {
    expect(eventOf(statement(`${VIDEO}verbs/${verb}`, mediaIri, {
      result: { extensions: { [`${VIDEO}extensions/time`]: 42.5 } }, context: { extensions: length },
    }))).toEqual({ ...base, type: 'video_view', courseId: COURSE, mediaId: MEDIA, positionSec: 42.5, durationSec: 300 });
  });

  it('maps seeked with time-to as the position', () => {
    expect(eventOf(statement(`${VIDEO}verbs/seeked`, mediaIri, {
      result: { extensions: { [`${VIDEO}extensions/time-from`]: 10, [`${VIDEO}extensions/time-to`]: 90 } },
    }))).toMatchObject({ type: 'video_view', positionSec: 90 });
  });

  it('maps completed on a video (by activity type, even outside Tessera ids) as a completed view', () => {
    expect(eventOf(statement(`${ADL}completed`, 'https://videos.example/v/1', {
      object: { id: 'https://videos.example/v/1', definition: { type: `${VIDEO}activity-type/video` } },
      result: { completion: true, extensions: { [`${VIDEO}extensions/time`]: 300 } }, context: { extensions: length },
    }))).toEqual({ ...base, type: 'video_view', positionSec: 300, durationSec: 300, completed: true });
  });

  it('passes result.completion on for other video verbs', () => {
    expect(eventOf(statement(`${VIDEO}verbs/paused`, mediaIri, { result: { completion: false, extensions: { [`${VIDEO}extensions/time`]: 1 } } })))
      .toMatchObject({ completed: false });
  });

  it('needs a position, and points into escaped extension keys', () => {
    expect(problemsOf(statement(`${VIDEO}verbs/played`, mediaIri))).toEqual([
      { pointer: '/statements/0/result/extensions', detail: expect.stringContaining('playhead position') },
    ]);
    expect(problemsOf(statement(`${VIDEO}verbs/played`, mediaIri, { result: { extensions: { [`${VIDEO}extensions/time`]: '12' } } }))).toEqual([
      { pointer: '/statements/0/result/extensions/https:~1~1w3id.org~1xapi~1video~1extensions~1time', detail: expect.stringContaining('Expected number') },
    ]);
  });
});

describe('xAPI statements: progressed and completed on a lesson → lesson_progress', () => {
  it('reads cmi5 progress as a percentage', () => {
    expect(eventOf(statement(`${ADL}progressed`, lessonIri, { result: { extensions: { [CMI5_PROGRESS]: 40 } } })))
      .toEqual({ ...base, type: 'lesson_progress', courseId: COURSE, lessonId: LESSON, progress: 0.4 });
  });

  it('falls back to the scaled score', () => {
    expect(eventOf(statement(`${ADL}progressed`, lessonIri, { result: { score: { scaled: 0.25 }, completion: false } })))
      .toMatchObject({ progress: 0.25, completed: false });
  });

  it('takes completed on a lesson as full progress', () => {
    expect(eventOf(statement(`${ADL}completed`, lessonIri))).toMatchObject({ type: 'lesson_progress', progress: 1, completed: true });
  });

  it('refuses progress outside 0..100, missing progress and statements naming no lesson', () => {
    expect(problemsOf(statement(`${ADL}progressed`, lessonIri, { result: { extensions: { [CMI5_PROGRESS]: 150 } } }))).toEqual([
      { pointer: '/statements/0/result/extensions/https:~1~1w3id.org~1xapi~1cmi5~1result~1extensions~1progress', detail: 'must be a number from 0 to 100' },
    ]);
    expect(problemsOf(statement(`${ADL}progressed`, lessonIri))).toEqual([{ pointer: '/statements/0/result', detail: expect.stringContaining('needs progress') }]);
    expect(problemsOf(statement(`${ADL}completed`, `${SITE}/courses/${COURSE}`))).toEqual([
      { pointer: '/statements/0/object/id', detail: expect.stringContaining('/lessons/<uuid>') },
    ]);
  });

  it('finds the lesson in a 0.95-style single parent and the course in the grouping', () => {
    expect(eventOf(statement(`${ADL}completed`, `${SITE}/page`, {
      context: { contextActivities: { parent: { id: `${SITE}/lessons/${LESSON.toUpperCase()}` }, grouping: [{ id: `${SITE}/courses/${COURSE}` }] } },
    }))).toMatchObject({ courseId: COURSE, lessonId: LESSON });
  });

  it('prefers the ids of the object over those of its context', () => {
    const otherCourse = '6b3d8c9e-8f70-4c9e-9d1b-708192a3b4c5';
    expect(eventOf(statement(`${ADL}completed`, lessonIri, { context: { contextActivities: { grouping: [{ id: `${SITE}/courses/${otherCourse}` }] } } })))
      .toMatchObject({ courseId: COURSE });
  });
});

describe('xAPI statements: sessions and searches', () => {
  it.each([['initialized', 'session_start'], ['terminated', 'session_end']])('maps %s to %s, the registration naming the session', (verb, type) => {
    expect(eventOf(statement(`${ADL}${verb}`, `${SITE}/courses/${COURSE}`, { context: { registration: REGISTRATION } })))
      .toEqual({ ...base, type, courseId: COURSE, sessionId: REGISTRATION });
    expect(problemsOf(statement(`${ADL}${verb}`, `${SITE}/courses/${COURSE}`))).toEqual([
      { pointer: '/statements/0/context/registration', detail: expect.stringContaining('is required') },
    ]);
  });

  it('takes the query from the object name, else from the response', () => {
    const searched = 'http://id.tincanapi.com/verb/searched';
    expect(eventOf(statement(searched, `${SITE}/search`, { object: { id: `${SITE}/search`, definition: { name: { 'en-US': 'fractions' } } } })))
      .toEqual({ ...base, type: 'search', query: 'fractions' });
    expect(eventOf(statement(searched, `${SITE}/search`, { result: { response: 'decimals' } }))).toMatchObject({ query: 'decimals' });
    expect(problemsOf(statement(searched, `${SITE}/search`))).toEqual([{ pointer: '/statements/0/object/definition/name', detail: expect.stringContaining('is required') }]);
    expect(problemsOf(statement(searched, `${SITE}/search`, { result: { response: 'q'.repeat(201) } })))
      .toEqual([{ pointer: '/statements/0/result/response', detail: expect.stringContaining("as the event's query") }]);
  });
});

describe('xAPI statements: what every statement needs', () => {
  it('refuses an unknown verb instead of dropping it', () => {
    expect(problemsOf(statement(`${ADL}interacted`, mediaIri))).toEqual([
      { pointer: '/statements/0/verb/id', detail: `is not a verb Tessera records: ${ADL}interacted` },
    ]);
  });

  it('requires the statement id (the dedupe key), and lower-cases it', () => {
    const { id: _id, ...withoutId } = statement(`${ADL}completed`, lessonIri);
    expect(one(withoutId).errors).toEqual([{ index: 0, id: null, errors: [{ pointer: '/statements/0/id', detail: 'is required' }] }]);
    expect(eventOf({ ...withoutId, id: STATEMENT_ID.toUpperCase() })?.['id']).toBe(STATEMENT_ID);
  });

  it('returns an mbox actor, and refuses actors with no, two or unusable identifiers', () => {
    const mbox = one(statement(`${ADL}completed`, lessonIri, { actor: { mbox: 'mailto:ada@example.org', name: 'Ada' } }));
    expect(mbox.events[0]?.actor).toEqual({ kind: 'mbox', mbox: 'mailto:ada@example.org' });
    for (const actor of [{ name: 'Ada' }, { mbox: 'mailto:ada@example.org', account: ACCOUNT }, { openid: 'https://id.example/ada' }]) {
      expect(problemsOf(statement(`${ADL}completed`, lessonIri, { actor }))).toEqual([{ pointer: '/statements/0/actor', detail: expect.stringContaining('exactly one') }]);
    }
    expect(problemsOf(statement(`${ADL}completed`, lessonIri, { actor: { objectType: 'Group', member: [] } }))[0]?.pointer).toBe('/statements/0/actor/objectType');
    expect(problemsOf(statement(`${ADL}completed`, lessonIri, { actor: { mbox: 'ada@example.org' } }))[0])
      .toEqual({ pointer: '/statements/0/actor/mbox', detail: 'must be a mailto: IRI' });
  });

  it('reports every problem of the actor and the mapping together', () => {
    expect(problemsOf(statement(`${ADL}answered`, lessonIri, { actor: { name: 'x' }, result: { success: true, duration: 'PT1S' } })).map((p) => p.pointer))
      .toEqual(['/statements/0/actor', '/statements/0/object/id']);
  });

  it('refuses statements about something other than an activity, and a malformed context', () => {
    expect(problemsOf(statement(`${ADL}completed`, lessonIri, { object: { objectType: 'StatementRef', id: STATEMENT_ID } }))[0]?.pointer)
      .toBe('/statements/0/object/objectType');
    expect(problemsOf(statement(`${ADL}completed`, lessonIri, { context: { contextActivities: { parent: ['x'] } } })))
      .toEqual([{ pointer: '/statements/0/context/contextActivities/parent', detail: expect.stringContaining('Activity or an array') }]);
  });

  it('reads a timestamp without a zone as UTC, refuses -00:00 and uses the server time when there is none', () => {
    expect(eventOf(statement(`${ADL}completed`, lessonIri, { timestamp: '2024-05-01T11:00:00.123456' }))?.['time']).toBe('2024-05-01T11:00:00.123Z');
    expect(problemsOf(statement(`${ADL}completed`, lessonIri, { timestamp: '2024-05-01T11:00:00-00:00' }))).toEqual([
      { pointer: '/statements/0/timestamp', detail: 'is not a real date and time' },
    ]);
    const { timestamp: _timestamp, ...untimed } = statement(`${ADL}completed`, lessonIri);
    expect(eventOf(untimed)?.['time']).toBe(options.now.toISOString());
  });

  it('points at the timestamp of a statement outside the accepted window', () => {
    expect(problemsOf(statement(`${ADL}completed`, lessonIri, { timestamp: '2020-01-01T00:00:00Z' }))).toEqual([
      { pointer: '/statements/0/timestamp', detail: expect.stringContaining('is ancient') },
    ]);
  });
});
