import { randomUUID } from 'node:crypto';
import type { Logger } from '@tessera/platform';
import type { SmsMessage, SmsProvider } from './provider.js';

/** A message the test provider took, with the id it answered. */
export interface KeptSms extends SmsMessage {
  providerRef: string;
  at: Date;
}

/**
 * For development and tests: keeps what it is given (in memory, listed by `sent()`) and logs it; sends
 * nothing anywhere. A resend with the same reference answers the same id, as a real provider's idempotency would.
 */
export class TestSmsProvider implements SmsProvider {
  readonly name = 'test';
  private readonly kept: KeptSms[] = [];

  constructor(private readonly logger: Pick<Logger, 'info'>) {}

  async send(message: SmsMessage): Promise<{ providerRef: string }> {
    const again = this.kept.find((kept) => kept.reference === message.reference);
    if (again) return { providerRef: again.providerRef };
    const providerRef = `test-${randomUUID()}`;
    this.kept.push({ ...message, providerRef, at: new Date() });
    this.logger.info({ to: message.to, reference: message.reference, providerRef, body: message.body }, 'SMS kept by the test provider (not sent)');
    return { providerRef };
  }

  /** What was sent, oldest first; only those to `to` when given. */
  sent(to?: string): readonly KeptSms[] {
    return to === undefined ? [...this.kept] : this.kept.filter((kept) => kept.to === to);
  }
}
