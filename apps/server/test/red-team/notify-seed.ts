import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { bearer, expectStatus, type Api } from './api.js';

const POLL = { attempts: 800, intervalMs: 25 };

/**
 * Waits (bounded) for the second student's first notification (their enrollment confirmed, their exam
 * graded: notify learns both from events) and returns its id, the object B must never read or mark.
 */
export async function seedNotification(api: Api, classmate: { accessToken: string }): Promise<{ id: string }> {
  for (let attempt = 0; attempt < POLL.attempts; attempt += 1) {
    const page = await api({ method: 'GET', url: '/api/v1/notifications', headers: bearer(classmate.accessToken) });
    const first = page.statusCode === 200 ? page.json<{ items: Array<{ id: string }> }>().items[0] : undefined;
    if (first) return { id: first.id };
    await new Promise((resolve) => setTimeout(resolve, POLL.intervalMs));
  }
  throw new Error('Seeding: the second student was never notified of their enrollment or exam');
}

/**
 * The second student's push subscription, B must never see or delete. Its endpoint is never contacted: pushes are
 * off by default for every category (and `.invalid` names no host).
 */
export async function seedPushSubscription(api: Api, classmate: { accessToken: string }): Promise<{ id: string; endpoint: string }> {
  const browser = createECDH('prime256v1');
  browser.generateKeys();
  const body = {
    endpoint: `https://push.invalid/red-team/${randomUUID()}`, expirationTime: null,
    keys: { p256dh: browser.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
  const { body: created } = await expectStatus<{ id: string }>(api, { method: 'POST', url: '/api/v1/notifications/push/subscriptions', headers: bearer(classmate.accessToken), body }, 201);
  return { id: created.id, endpoint: body.endpoint };
}

/** The instructor's announcement to the course, scheduled a month ahead: only its author and tenant admins see it. */
export async function seedAnnouncement(api: Api, instructor: { accessToken: string }, courseId: string): Promise<{ id: string }> {
  const body = { audience: { courseId }, title: 'Red team announcement', body: 'Scheduled, never sent in the test.', sendAt: new Date(Date.now() + 30 * 24 * 3_600_000).toISOString() };
  const { body: created } = await expectStatus<{ id: string }>(api, { method: 'POST', url: '/api/v1/announcements', headers: bearer(instructor.accessToken), body }, 201);
  return { id: created.id };
}
