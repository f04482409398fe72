import { describe, expect, it } from 'vitest';
import { normaliseBatch, type NormalisedBatch } from '../src/domain/events/index.js';

const options = { now: new Date('2024-05-01T12:00:00Z'), maxAgeMs: 30 * 86_400_000, maxFutureMs: 5 * 60_000, maxItems: 100 };
const COURSE = '0b9f6c1e-2f7a-4c3e-9d5b-1a2b3c4d5e6f';
const LESSON = '1c8e5d2f-3a6b-4d4f-8e6c-2b3c4d5e6f70';
const ITEM = '2d7f4e3a-4b5c-4e5a-9f7d-3c4d5e6f7081';
const MEDIA = '3e6a5f4b-5c4d-4f6b-8a8e-4d5e6f708192';
const TIME = '2024-05-01T11:59:00Z';

function one(event: Record<string, unknown>): NormalisedBatch {
  return normaliseBatch({ events: [event] }, options);
}

const valid: Array<[string, Record<string, unknown>]> = [
  ['page_view', { type: 'page_view', path: '/courses/x', durationMs: 86_400_000, courseId: COURSE }],
  ['video_view', { type: 'video_view', mediaId: MEDIA, positionSec: 0, durationSec: 0.5, watchedSec: 12.5, completed: false }],
  ['lesson_progress', { type: 'lesson_progress', lessonId: LESSON, progress: 1, completed: true }],
  ['item_attempt', { type: 'item_attempt', itemId: ITEM, correct: false, score: 0, latencyMs: 0 }],
  ['search', { type: 'search', query: 'x'.repeat(200), results: 0 }],
  ['session_start', { type: 'session_start', sessionId: 's'.repeat(100) }],
  ['session_end', { type: 'session_end', sessionId: 'tab-1' }],
];

const invalid: Array<[string, Record<string, unknown>, string, string]> = [
  ['page_view: durationMs over a day', { type: 'page_view', durationMs: 86_400_001 }, '/durationMs', 'less or equal to 86400000'],
  ['page_view: path over 500', { type: 'page_view', path: 'p'.repeat(501) }, '/path', 'length less or equal to 500'],
  ['video_view: no position', { type: 'video_view' }, '/positionSec', 'is required'],
  ['video_view: zero length', { type: 'video_view', positionSec: 1, durationSec: 0 }, '/durationSec', 'greater than 0'],
  ['video_view: negative watched', { type: 'video_view', positionSec: 1, watchedSec: -1 }, '/watchedSec', 'greater or equal to 0'],
  ['lesson_progress: no lesson', { type: 'lesson_progress', progress: 0.5 }, '/lessonId', 'is required'],
  ['lesson_progress: progress over 1', { type: 'lesson_progress', lessonId: LESSON, progress: 1.5 }, '/progress', 'less or equal to 1'],
  ['item_attempt: no item', { type: 'item_attempt', correct: true, latencyMs: 5 }, '/itemId', 'is required'],
  ['item_attempt: fractional latency', { type: 'item_attempt', itemId: ITEM, correct: true, latencyMs: 1.5 }, '/latencyMs', 'Expected integer'],
  ['item_attempt: correct as text', { type: 'item_attempt', itemId: ITEM, correct: 'yes', latencyMs: 5 }, '/correct', 'Expected boolean'],
  ['item_attempt: item not a uuid', { type: 'item_attempt', itemId: 'item-1', correct: true, latencyMs: 5 }, '/itemId', 'must be a uuid'],
  ['search: empty query', { type: 'search', query: '' }, '/query', 'length greater or equal to 1'],
  ['search: query over 200', { type: 'search', query: 'q'.repeat(201) }, '/query', 'length less or equal to 200'],
  ['session_start: no session', { type: 'session_start' }, '/sessionId', 'is required'],
  ['session_end: session over 100', { type: 'session_end', sessionId: 's'.repeat(101) }, '/sessionId', 'length less or equal to 100'],
];

describe('compact learning events', () => {
  it.each(valid)('accepts a valid %s and returns it as sent, with no actor', (_type, fields) => {
    const event = { id: 'evt-1', time: '2024-05-01T11:59:00.000Z', ...fields };
    expect(one(event)).toEqual({ events: [{ index: 0, event, actor: null }], errors: [], duplicates: [] });
  });

  it.each(invalid)('refuses %s, pointing at the field', (_case, fields, pointer, detail) => {
    const result = one({ id: 'evt-1', time: TIME, ...fields });
    expect(result.events).toEqual([]);
    expect(result.errors).toEqual([{ index: 0, id: 'evt-1', errors: [{ pointer: `/events/0${pointer}`, detail: expect.stringContaining(detail) }] }]);
  });

  it('refuses a field that is not part of the event type (additionalProperties false)', () => {
    const result = one({ id: 'evt-1', time: TIME, type: 'page_view', mediaId: MEDIA, userId: 'u1' });
    expect(result.errors[0]?.errors).toEqual([
      { pointer: '/events/0/mediaId', detail: 'is not a field of this kind of event' },
      { pointer: '/events/0/userId', detail: 'is not a field of this kind of event' },
    ]);
  });

  it('refuses an unknown or missing type, naming the known ones', () => {
    for (const type of ['click', undefined, 7, 'toString', '__proto__']) {
      const result = one({ id: 'evt-1', time: TIME, type });
      expect(result.errors[0]?.errors).toEqual([{ pointer: '/events/0/type', detail: expect.stringContaining('page_view, video_view') }]);
    }
  });

  it('refuses an item that is not an object, with no id', () => {
    const result = normaliseBatch({ events: [null, 'evt', [1], 3] }, options);
    expect(result.errors.map((error) => [error.index, error.id, error.errors[0]?.pointer])).toEqual([
      [0, null, '/events/0'], [1, null, '/events/1'], [2, null, '/events/2'], [3, null, '/events/3'],
    ]);
  });

  it('checks the event id: 1 to 100 of [A-Za-z0-9._:-], and reports no id when it is not usable', () => {
    expect(one({ id: 'a.B_9:-'.repeat(14) + 'xx', time: TIME, type: 'session_end', sessionId: 's' }).events).toHaveLength(1);
    for (const id of ['', 'x'.repeat(101), 'has space', 'ü', 12]) {
      const result = one({ id, time: TIME, type: 'session_end', sessionId: 's' });
      expect(result.errors).toEqual([{ index: 0, id: null, errors: [{ pointer: '/events/0/id', detail: expect.stringContaining('1 to 100 characters') }] }]);
    }
  });

  it('lists every problem of an item, once per field', () => {
    const result = one({ id: 'evt-1', type: 'item_attempt', itemId: 'nope', score: 2 });
    expect(result.errors[0]?.errors.map((problem) => problem.pointer).sort()).toEqual(
      ['/events/0/correct', '/events/0/itemId', '/events/0/latencyMs', '/events/0/score', '/events/0/time'],
    );
  });

  it('normalises: times to UTC milliseconds, uuids to lower case; other strings stay as sent', () => {
    const result = one({ id: 'Evt-A', type: 'item_attempt', time: '2024-05-01T13:30:00.5+02:00', courseId: COURSE.toUpperCase(),
      lessonId: LESSON.toUpperCase(), itemId: ITEM.toUpperCase(), sessionId: 'Tab-A', correct: true, latencyMs: 1200 });
    expect(result.events[0]?.event).toEqual({ id: 'Evt-A', type: 'item_attempt', time: '2024-05-01T11:30:00.500Z', courseId: COURSE,
      lessonId: LESSON, itemId: ITEM, sessionId: 'Tab-A', correct: true, latencyMs: 1200 });
  });

  it.each([
    ['no zone', '2024-05-01T11:00:00'],
    ['a date only', '2024-05-01'],
    ['February 30th', '2024-02-30T11:00:00Z'],
    ['hour 24', '2024-04-30T24:00:00Z'],
    ['a leap second', '2024-04-30T23:59:60Z'],
    ['offset -00:00 (unknown offset)', '2024-05-01T11:00:00-00:00'],
    ['a lower-case t', '2024-05-01t11:00:00Z'],
  ])('refuses a time with %s', (_case, time) => {
    const result = one({ id: 'evt-1', type: 'session_end', sessionId: 's', time });
    expect(result.errors[0]?.errors).toEqual([{ pointer: '/events/0/time', detail: expect.stringMatching(/RFC 3339|real date/) }]);
  });

  it('accepts February 29th of a leap year', () => {
    const result = normaliseBatch({ events: [{ id: 'e', type: 'session_end', sessionId: 's', time: '2024-02-29T10:00:00Z' }] },
      { ...options, now: new Date('2024-03-01T00:00:00Z') });
    expect(result.events[0]?.event.time).toBe('2024-02-29T10:00:00.000Z');
  });
});
