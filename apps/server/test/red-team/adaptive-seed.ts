import { bearer, expectStatus, type Api } from './api.js';

/** The second student's adaptive practice: one answer on the course's item and an adaptive test started. */
export interface SeededAdaptive {
  /** The second student's adaptive test (theirs and staff's to read; only they answer it). */
  testId: string;
  practiceResponseId: string;
}

const POLL = { attempts: 800, intervalMs: 25 };

/**
 * Waits (bounded) until adaptive has learnt of the course, its item and the second student's enrollment from
 * the events, then has that student practise the item once and start an adaptive test of the course.
 */
export async function seedAdaptive(api: Api, classmate: { accessToken: string }, courseId: string, itemId: string): Promise<SeededAdaptive> {
  const headers = bearer(classmate.accessToken);
  for (let attempt = 0; attempt < POLL.attempts; attempt += 1) {
    const next = await api({ method: 'GET', url: `/api/v1/adaptive/next?courseId=${courseId}`, headers });
    if (next.statusCode === 200 && next.json<{ item: { id: string } | null }>().item?.id === itemId) break;
    if (attempt === POLL.attempts - 1) throw new Error(`Seeding: adaptive never offered item ${itemId} of course ${courseId}: ${next.body.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL.intervalMs));
  }
  const { body: practised } = await expectStatus<{ responseId: string }>(api, {
    method: 'POST', url: '/api/v1/adaptive/practice/answers', headers, body: { itemId, courseId, response: { type: 'single_choice', choice: 'A' } },
  }, 200);
  const { body: test } = await expectStatus<{ id: string }>(api, { method: 'POST', url: '/api/v1/adaptive/tests', headers, body: { courseId } }, 201);
  return { testId: test.id, practiceResponseId: practised.responseId };
}
