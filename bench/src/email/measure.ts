/** One run of the email bench: a notify server mailing a local SMTP sink, N recipients, one graded event each. */
import { performance } from 'node:perf_hooks';
import type { BackendSet } from '../kernel/backends.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';
import { ExamChild } from '../exam-day/rpc.js';
import type { Fanout, UsersMade } from '../realtime/users.js';
import { SmtpSink } from './smtp-sink.js';

export interface EmailPlan {
  recipients: number;
  /** notify's per-tenant send limit, set far above the run so the bench measures the path, not the limiter. */
  sendsPerMinute: number;
  /** The wait ends when this long passes without a new message (or at its overall bound). */
  quietMs: number;
}

export interface EmailResult {
  backends: string;
  recipients: number;
  /** Messages the SMTP server received in full, and the recipients they reached (a retry could send one twice). */
  messages: number;
  delivered: number;
  messagesPerSecond: number | null;
  /** From the first graded event handed to the bus to the last message received. */
  seconds: number | null;
  latencyMs: LatencySummary | null;
  publishMs: number;
  setupSeconds: { recipients: number };
}

const STARTUP_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;
const CALL_TIMEOUT_MS = 60_000;
const EMAIL_DOMAIN = 'school.test';

export async function measureEmail(set: BackendSet, plan: EmailPlan, log: (line: string) => void): Promise<EmailResult> {
  const sink = await SmtpSink.start();
  const env = { ...set.env, SMTP_URL: sink.url, NOTIFY_SENDS_PER_MINUTE: String(plan.sendsPerMinute), TESSERA_PUBLIC_URL: 'http://127.0.0.1:3999' };
  const server = ExamChild.start('../realtime/notify-child.ts', {}, env, `notify server (${set.name})`);
  try {
    const ready = await server.ready(STARTUP_TIMEOUT_MS);
    log(`${ready.backends}: one notify process mailing ${sink.url}`);
    const users = await server.call<UsersMade>('users', { count: plan.recipients, tokens: false, emailDomain: EMAIL_DOMAIN }, CALL_TIMEOUT_MS + plan.recipients * 60);
    const fanout = await server.call<Fanout>('fanout', {}, CALL_TIMEOUT_MS + plan.recipients * 20);
    await awaitMessages(sink, users.emails.length, { quietMs: plan.quietMs, timeoutMs: Math.max(120_000, plan.recipients * 300) });
    const latencies: number[] = [];
    users.emails.forEach((email, index) => {
      const at = sink.receivedAt.get(email);
      const emitted = fanout.emittedAt[index];
      if (at !== undefined && emitted !== undefined) latencies.push(at - emitted);
    });
    const first = Math.min(...fanout.emittedAt);
    const last = sink.receivedAt.size === 0 ? null : Math.max(...sink.receivedAt.values());
    const seconds = last === null ? null : (last - first) / 1000;
    log(`email: ${sink.receivedAt.size} of ${plan.recipients} delivered in ${seconds?.toFixed(1) ?? '—'} s`);
    return {
      backends: ready.backends, recipients: plan.recipients, messages: sink.messages, delivered: sink.receivedAt.size,
      messagesPerSecond: seconds ? sink.receivedAt.size / seconds : null, seconds,
      latencyMs: latencies.length === 0 ? null : summarize(latencies), publishMs: fanout.publishMs, setupSeconds: { recipients: users.seconds.recipients },
    };
  } finally {
    await server.stop(STOP_TIMEOUT_MS);
    await sink.close();
  }
}

async function awaitMessages(sink: SmtpSink, expected: number, bounds: { quietMs: number; timeoutMs: number }): Promise<void> {
  const deadline = performance.now() + bounds.timeoutMs;
  let seen = 0;
  let lastProgressAt = performance.now();
  while (sink.receivedAt.size < expected && performance.now() < deadline && performance.now() - lastProgressAt < bounds.quietMs) {
    if (sink.receivedAt.size > seen) {
      seen = sink.receivedAt.size;
      lastProgressAt = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
