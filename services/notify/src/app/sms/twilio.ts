import { PermanentSendError } from '../channels.js';
import type { SmsMessage, SmsProvider } from './provider.js';

/** What the Twilio adapter needs: the account, where to send from, and where Twilio reports deliveries. */
export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** A Twilio number in E.164, or an alphanumeric sender id. */
  from: string;
  /** https://api.twilio.com, or a stand-in. */
  apiUrl: string;
  /** Twilio POSTs each status change of a message here (signed with the auth token). */
  statusCallbackUrl: string;
  timeoutMs?: number;
}

/** Twilio's error body (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions). */
interface TwilioError { code?: unknown; message?: unknown; more_info?: unknown; status?: unknown }

/**
 * Twilio error codes that refuse the recipient itself: a resend would be refused alike. Other 400s refuse
 * the request as sent (a bad parameter), which a resend repeats too; 401, 403 and 404 are our account's
 * trouble (credentials, a suspended account) that an operator can fix, so those are retried.
 */
const RECIPIENT_REFUSALS = new Set([
  21211, // invalid 'To' number
  21408, // permission to send to this region not enabled
  21610, // the recipient replied STOP (unsubscribed)
  21612, // 'To' not reachable from this 'From'
  21614, // 'To' is not a mobile number
  21635, // 'To' cannot be reached by this sender
]);

/**
 * SMS through Twilio's Programmable Messaging REST API: one form-encoded POST to the account's Messages
 * resource with HTTP Basic auth (account SID and auth token). The delivery's id goes as
 * `I-Twilio-Idempotency-Token`, so a resend after a crash between the send and its record is one message.
 */
export function twilioProvider(options: TwilioOptions): SmsProvider {
  const url = `${options.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  return {
    name: 'twilio',
    async send(message: SmsMessage) {
      const form = new URLSearchParams({ To: message.to, From: options.from, Body: message.body, StatusCallback: options.statusCallbackUrl });
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST', body: form, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
          headers: { authorization, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'i-twilio-idempotency-token': message.reference },
        });
      } catch (error) {
        throw new Error(`Twilio could not be reached: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const body = await response.json().catch(() => undefined) as Record<string, unknown> | undefined;
      if (response.ok && typeof body?.sid === 'string') return { providerRef: body.sid };
      throw refusal(response.status, body);
    },
  };
}

/** The error for a non-2xx answer (or a 2xx without a message sid): permanent or to be retried. */
function refusal(status: number, body: TwilioError | undefined): Error {
  const code = typeof body?.code === 'number' ? body.code : undefined;
  const detail = typeof body?.message === 'string' ? body.message : 'no error message';
  const text = `Twilio answered ${status}${code !== undefined ? ` (error ${code})` : ''}: ${detail}`;
  const permanent = status === 400 || (code !== undefined && RECIPIENT_REFUSALS.has(code) && status < 500 && status !== 429);
  return permanent ? new PermanentSendError(text) : new Error(text);
}
