import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Messages.json request the stand-in took (accepted or answered with an error). */
export interface TwilioRequest {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  idempotencyToken: string | undefined;
  form: URLSearchParams;
  /** The sid answered, when it answered 201. */
  sid: string | undefined;
}

/** A scripted answer for messages to one number: Twilio's error JSON with its HTTP status. */
export interface TwilioFailure { status: number; code: number; message: string }

/**
 * A local stand-in for Twilio's Programmable Messaging API (api.twilio.com cannot be reached from tests): it
 * checks what the adapter sends (the account's path, HTTP Basic auth, form fields, the idempotency token)
 * and answers with Twilio's documented JSON — the created Message (201), or an error (`code`, `message`,
 * `more_info`, `status`) for a wrong request or a number scripted to fail.
 */
export class TwilioStandIn {
  readonly requests: TwilioRequest[] = [];
  /** Numbers whose messages fail, with what Twilio answers. */
  readonly failures = new Map<string, TwilioFailure>();
  private server: Server | undefined;
  url = '';

  constructor(readonly accountSid: string, readonly authToken: string, readonly from: string) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.answer(request).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The messages sent to `to` that were accepted. */
  accepted(to: string): TwilioRequest[] {
    return this.requests.filter((request) => request.sid && request.form.get('To') === to);
  }

  private async answer(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const header = (name: string) => (typeof request.headers[name] === 'string' ? request.headers[name] : undefined);
    const taken: TwilioRequest = {
      path: request.url ?? '', authorization: header('authorization'), contentType: header('content-type'),
      idempotencyToken: header('i-twilio-idempotency-token'), form, sid: undefined,
    };
    this.requests.push(taken);
    const basic = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (request.method !== 'POST' || taken.path !== `/2010-04-01/Accounts/${this.accountSid}/Messages.json`) return error(404, 20404, 'The requested resource was not found');
    if (taken.authorization !== basic) return error(401, 20003, 'Authenticate');
    if (!taken.contentType?.startsWith('application/x-www-form-urlencoded')) return error(400, 21609, 'Invalid request body');
    if (!form.get('To')) return error(400, 21604, "A 'To' phone number is required.");
    if (form.get('From') !== this.from) return error(400, 21606, "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination/account.");
    if (!form.get('Body')) return error(400, 21602, 'Message body is required.');
    const failure = this.failures.get(form.get('To')!);
    if (failure) return error(failure.status, failure.code, failure.message);
    taken.sid = `SM${randomBytes(16).toString('hex')}`;
    return { status: 201, body: message(this.accountSid, taken.sid, form) };
  }
}

function error(status: number, code: number, message: string): { status: number; body: unknown } {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

/** A Message resource as Twilio answers its creation. */
function message(accountSid: string, sid: string, form: URLSearchParams): unknown {
  const now = new Date().toUTCString().replace('GMT', '+0000');
  return {
    account_sid: accountSid, api_version: '2010-04-01', body: form.get('Body'), date_created: now, date_sent: null, date_updated: now,
    direction: 'outbound-api', error_code: null, error_message: null, from: form.get('From'), messaging_service_sid: null,
    num_media: '0', num_segments: '1', price: null, price_unit: 'USD', sid, status: 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` }, to: form.get('To'),
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}
