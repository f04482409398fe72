import { randomBytes } from 'node:crypto';
import type { Config, Logger } from '@tessera/platform';
import type { PaymentProvider } from '../providers/provider.js';
import { createStripeProvider } from '../providers/stripe-provider.js';
import { createTestProvider } from '../providers/test-provider.js';

export type WebhookSink = (rawBody: string, headers: Record<string, string>) => Promise<void>;

/**
 * The payment provider the configuration names. The built-in test processor sends its webhooks to `sink` (this
 * process's webhook handler, as if over HTTP); Stripe sends them to `/api/v1/billing/webhooks/stripe`.
 */
export function providerFrom(config: Config, logger: Logger, sink: WebhookSink): PaymentProvider {
  if (config.BILLING_PROVIDER === 'stripe') {
    if (!config.STRIPE_SECRET_KEY || !config.BILLING_WEBHOOK_SECRET) {
      throw new Error('BILLING_PROVIDER=stripe needs STRIPE_SECRET_KEY and BILLING_WEBHOOK_SECRET');
    }
    const url = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : undefined;
    return createStripeProvider({
      apiKey: config.STRIPE_SECRET_KEY, webhookSecret: config.BILLING_WEBHOOK_SECRET,
      ...(url ? { host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), protocol: url.protocol === 'https:' ? 'https' as const : 'http' as const } : {}),
    });
  }
  return createTestProvider({
    webhookSecret: config.BILLING_WEBHOOK_SECRET ?? randomBytes(24).toString('base64url'),
    deliver: async (rawBody, headers) => {
      try {
        await sink(rawBody, headers);
      } catch (error) {
        logger.warn({ err: error }, 'test payment provider: webhook refused; it will be retried');
        throw error;
      }
    },
  });
}
