/**
 * The users of the realtime and email benches, made in the server process: synthetic subjects of one tenant
 * (notify needs no password or identity record to stream to them), a token each when they connect, and for
 * email their announcement as identity makes it, so notify knows where to write.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { notificationsTopic } from '@tessera/notify';
import { toCloudEvent, type Platform } from '@tessera/platform';
import { testTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';

export interface UsersSpec {
  count: number;
  /** Issue a `Bearer` token per user (the realtime bench connects as them). */
  tokens: boolean;
  /** Announce each user as `identity.user.registered` with an address at this domain, and wait until notify knows them all. */
  emailDomain?: string;
}

export interface UsersMade {
  tenantId: string;
  userIds: string[];
  /** `Bearer <token>` per user, in user order; empty unless asked for. */
  authorizations: string[];
  /** Address per user, in user order; empty unless announced. */
  emails: string[];
  seconds: { tokens: number; recipients: number };
}

export interface Fanout {
  /** Epoch ms at which each user's graded event was handed to the bus, in user order. */
  emittedAt: number[];
  /** How long publishing every event took. */
  publishMs: number;
}

/** Events per publish: the local bus stores one batch in one transaction. */
const PUBLISH_BATCH = 500;
const RECIPIENTS_POLL_MS = 200;

export class NotifyUsers {
  private constructor(private readonly platform: Platform, private readonly made: UsersMade) {}

  static async create(platform: Platform, spec: UsersSpec, log: (line: string) => void): Promise<NotifyUsers> {
    const { tenantId } = await testTenant(platform, ['tenant_admin']);
    const userIds = Array.from({ length: spec.count }, () => randomUUID());
    let started = performance.now();
    const authorizations: string[] = [];
    if (spec.tokens) {
      for (const subject of userIds) authorizations.push(`Bearer ${await platform.tokens.issue({ subject, tenantId, roles: ['student'] })}`);
      log(`setup: ${userIds.length} tokens in ${secondsSince(started).toFixed(1)} s`);
    }
    const tokens = secondsSince(started);
    started = performance.now();
    const emails = spec.emailDomain === undefined ? [] : userIds.map((userId) => `s-${userId}@${spec.emailDomain}`);
    if (emails.length > 0) {
      await publishInBatches(platform, tenantId, userIds.map((userId, i) => ({
        name: 'identity.user.registered', data: { userId, email: emails[i], name: `Student ${i + 1}`, roles: ['student'], locale: 'en', timeZone: 'UTC' },
      })));
      await waitForRecipients(platform, tenantId, userIds.length, Math.max(60_000, userIds.length * 50));
      log(`setup: ${userIds.length} recipients known to notify in ${secondsSince(started).toFixed(1)} s`);
    }
    return new NotifyUsers(platform, { tenantId, userIds, authorizations, emails, seconds: { tokens, recipients: secondsSince(started) } });
  }

  described(): UsersMade {
    return this.made;
  }

  /** One `assessment.submission.graded` per user, through the bus notify consumes, each stamped as it is handed over. */
  async publishGraded(): Promise<Fanout> {
    const { tenantId, userIds } = this.made;
    const examId = randomUUID();
    const courseId = randomUUID();
    const events = userIds.map((userId) => ({
      name: 'assessment.submission.graded',
      data: {
        submissionId: randomUUID(), attemptId: randomUUID(), examId, examTitle: 'Bench exam', examVersion: 1, courseId, userId,
        status: 'graded', score: 1, maxScore: 1, passed: true, gradedAt: new Date().toISOString(), items: [],
      },
    }));
    const started = performance.now();
    const emittedAt = await publishInBatches(this.platform, tenantId, events);
    return { emittedAt, publishMs: performance.now() - started };
  }

  /**
   * A notice per user straight onto the live channel, as notify tells a user once their notification is stored:
   * the connections' share of the fan-out, without the bus and the consumer before it. Each stamped as it is handed over.
   */
  async tellLive(): Promise<Fanout> {
    const { tenantId, userIds } = this.made;
    const emittedAt: number[] = [];
    const started = performance.now();
    for (const userId of userIds) {
      const notification = {
        id: randomUUID(), category: 'results', kind: 'result.ready', title: 'Graded: Bench exam', body: 'Your submission has been graded.',
        link: `/attempts/${randomUUID()}`, readAt: null, createdAt: new Date().toISOString(),
      };
      emittedAt.push(Date.now());
      await this.platform.live.publish(notificationsTopic(tenantId, userId), { type: 'notification', notification, unread: 2 });
      // notify tells each user from a handler of its own, with I/O between: without a turn of the event loop here
      // the HTTP responses' corked writes would all wait for the end of this loop, and SSE would look slow.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { emittedAt, publishMs: performance.now() - started };
  }
}

/** Publishes the events in batches, one after another; returns each event's hand-over time (epoch ms). */
async function publishInBatches(platform: Platform, tenantId: string, events: Array<{ name: string; data: unknown }>): Promise<number[]> {
  const emittedAt: number[] = [];
  for (let from = 0; from < events.length; from += PUBLISH_BATCH) {
    const batch = events.slice(from, from + PUBLISH_BATCH).map((event) => toCloudEvent(event, { tenantId }));
    const at = Date.now();
    await platform.bus.publish(batch);
    for (let i = 0; i < batch.length; i++) emittedAt.push(at);
  }
  return emittedAt;
}

async function waitForRecipients(platform: Platform, tenantId: string, expected: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let known = 0;
  while (performance.now() < deadline) {
    const { rows } = await platform.db.withSystem((tx) => sql<{ n: number }>`
      select count(*)::int as n from notify.recipients where tenant_id = ${tenantId}`.execute(tx));
    known = rows[0]?.n ?? 0;
    if (known >= expected) return;
    await new Promise((resolve) => setTimeout(resolve, RECIPIENTS_POLL_MS));
  }
  throw new Error(`notify knew ${known} of ${expected} recipients after ${timeoutMs / 1000} s`);
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
