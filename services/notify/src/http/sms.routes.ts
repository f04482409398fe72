import { Type } from '@sinclair/typebox';
import { PUBLIC, personOf, type HttpApp } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { changePhone, phoneOf, removePhone, verifyPhone } from '../app/phone.js';
import { recordTwilioStatus } from '../app/sms-receipts.js';
import { smsProviderOf, smsStatusUrl } from '../app/sms/select-provider.js';
import { NotifyPermissions } from '../contract/permissions.js';
import { Phone, PhoneCodeInput, PhoneInput } from '../contract/phone.js';

const tags = ['notifications'];

/** The signed-in user's number for SMS (set, verify with a texted code, remove) and Twilio's delivery receipts. */
export async function smsRoutes(app: HttpApp, deps: NotifyDeps): Promise<void> {
  // Chosen now, so a process configured for Twilio without its account fails at start, naming the variable.
  smsProviderOf(deps);
  const ownerOf = (request: Parameters<typeof personOf>[0]) => {
    const person = personOf(request);
    return { tenantId: person.tenantId, userId: person.subject };
  };

  app.get('/notifications/phone', {
    config: { permission: NotifyPermissions.self },
    schema: { tags, summary: 'Your number for SMS notifications, and whether it is verified (404: none)', response: { 200: Phone } },
  }, async (request) => phoneOf(deps, ownerOf(request)));

  app.put('/notifications/phone', {
    config: { permission: NotifyPermissions.self },
    schema: {
      tags, summary: 'Set your number for SMS notifications: it is texted a 6-digit code to verify it with (valid 10 minutes)',
      description: 'SMS go to the number only once verified. 429 after 5 codes in an hour (to you, or to this number); 422 when this platform sends no SMS or the number cannot receive them.',
      body: PhoneInput, response: { 202: Phone },
    },
  }, async (request, reply) => reply.code(202).send(await changePhone(deps, ownerOf(request), request.body.phone)));

  app.post('/notifications/phone/verify', {
    config: { permission: NotifyPermissions.self },
    schema: {
      tags, summary: 'Verify your number with the code texted to it',
      description: '422 for a wrong code (the fifth wrong try voids it), an expired one, or none waiting; 404 when you have no number.',
      body: PhoneCodeInput, response: { 200: Phone },
    },
  }, async (request) => verifyPhone(deps, ownerOf(request), request.body.code));

  app.delete('/notifications/phone', {
    config: { permission: NotifyPermissions.self },
    schema: { tags, summary: 'Remove your number: no more SMS notifications', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await removePhone(deps, ownerOf(request));
    return reply.code(204).send(null);
  });

  // Twilio POSTs form-encoded parameters (the parser that keeps them as a string is registered with the unsubscribe route).
  app.post('/notifications/sms/status', {
    config: { permission: PUBLIC, optionalBody: true },
    // A receipt's parameters vary with the message and grow as Twilio adds some: more room than the parser's 1 KiB.
    bodyLimit: 16_384,
    schema: {
      tags, summary: 'Twilio\'s status callback for an SMS notify sent (signed with X-Twilio-Signature; no sign-in)',
      description: 'Twilio calls it, not clients: 403 unless the X-Twilio-Signature matches. `delivered` confirms the delivery; `undelivered` and `failed` bounce it with the error code.',
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    const signature = request.headers['x-twilio-signature'];
    await recordTwilioStatus(deps, {
      // Twilio signs the URL it was given (see select-provider), whatever path a proxy forwards it to.
      url: `${smsStatusUrl(deps.config)}${queryOf(request.url)}`,
      params: formParams(request.body),
      signature: typeof signature === 'string' ? signature : undefined,
    });
    return reply.code(204).send(null);
  });
}

/** The POST parameters, in the order sent: from the form body (a string), or from a JSON object's string members. */
function formParams(body: unknown): Array<[string, string]> {
  if (typeof body === 'string') return [...new URLSearchParams(body)];
  if (body === null || typeof body !== 'object') return [];
  return Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

function queryOf(url: string): string {
  const start = url.indexOf('?');
  return start < 0 ? '' : url.slice(start);
}
