import type { Json, Table } from '../lib/bench.js';
import type { EmailPlan, EmailResult } from './measure.js';

export function resultsTable(result: EmailResult): Table {
  const latency = result.latencyMs;
  return {
    title: `Result emails to a local SMTP server, one graded event per recipient (${result.backends})`,
    columns: [
      { key: 'recipients', title: 'recipients' }, { key: 'delivered', title: 'delivered' }, { key: 'seconds', title: 'first event → last message s', decimals: 1 },
      { key: 'rate', title: 'messages/s', decimals: 1 }, { key: 'p50', title: 'p50 ms', decimals: 0 }, { key: 'p99', title: 'p99 ms', decimals: 0 }, { key: 'max', title: 'max ms', decimals: 0 },
    ],
    rows: [{
      recipients: result.recipients, delivered: result.delivered, seconds: result.seconds, rate: result.messagesPerSecond,
      p50: latency?.p50 ?? null, p99: latency?.p99 ?? null, max: latency?.max ?? null,
    }],
  };
}

export function figuresOf(result: EmailResult): Record<string, Json> {
  return JSON.parse(JSON.stringify(result)) as Record<string, Json>;
}

export function notesOf(result: EmailResult, plan: EmailPlan): string[] {
  const notes = [
    'Every graded event is published at once; each goes through notify\'s results consumer (notification stored, email delivery planned in the outbox), the outbox relay, the deliveries consumer and the SMTP mailer\'s connection pool.',
    'Latency is from the graded event being handed to the bus (stamped in the server process) to the SMTP server receiving the whole message (same machine clock).',
    `notify's per-tenant send limit was set to ${plan.sendsPerMinute}/min (NOTIFY_SENDS_PER_MINUTE) so the bench measures the path, not the limiter; the default is 600/min.`,
  ];
  if (result.messages > result.delivered) notes.push(`${result.messages - result.delivered} messages reached a recipient a second time (a retried send).`);
  if (result.delivered < result.recipients) notes.push(`${result.recipients - result.delivered} recipients got no message within the wait.`);
  return notes;
}
