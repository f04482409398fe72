import { ConfigError } from '@tessera/platform';
import type { NotifyDeps } from '../deps.js';
import type { SmsProvider } from './provider.js';
import { TestSmsProvider } from './test-provider.js';
import { twilioProvider } from './twilio.js';

/** Where Twilio reports each message's status (the URL its signatures cover), under the platform's public URL. */
export function smsStatusUrl(config: Pick<NotifyDeps['config'], 'TESSERA_PUBLIC_URL'>): string {
  return `${config.TESSERA_PUBLIC_URL.replace(/\/+$/, '')}/api/v1/notifications/sms/status`;
}

// One provider per platform (keyed by its database handle): the test provider's list is the process's.
const providers = new WeakMap<object, SmsProvider | undefined>();

/** The configured SMS provider (`SMS_PROVIDER`), or undefined when SMS is off: then no one can be reached by SMS. */
export function smsProviderOf(deps: Pick<NotifyDeps, 'db' | 'config' | 'logger'>): SmsProvider | undefined {
  if (!providers.has(deps.db)) providers.set(deps.db, selectSmsProvider(deps));
  return providers.get(deps.db);
}

function selectSmsProvider({ config, logger }: Pick<NotifyDeps, 'config' | 'logger'>): SmsProvider | undefined {
  switch (config.SMS_PROVIDER) {
    case 'none': return undefined;
    case 'test': return new TestSmsProvider(logger);
    case 'twilio': return twilioProvider({
      accountSid: required('TWILIO_ACCOUNT_SID', config.TWILIO_ACCOUNT_SID),
      authToken: required('TWILIO_AUTH_TOKEN', config.TWILIO_AUTH_TOKEN),
      from: required('TWILIO_FROM', config.TWILIO_FROM),
      apiUrl: config.TWILIO_API_URL,
      statusCallbackUrl: smsStatusUrl(config),
    });
  }
}

function required(variable: string, value: string | undefined): string {
  if (!value) throw new ConfigError(variable, 'is required with SMS_PROVIDER=twilio', value);
  return value;
}
