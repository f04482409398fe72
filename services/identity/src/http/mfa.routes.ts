import { Type } from '@sinclair/typebox';
import { AUTHENTICATED, principalOf, PUBLIC, type HttpApp } from '@tessera/platform';
import type { IdentityDeps } from '../app/deps.js';
import { confirmOwnTotpEnrolment, regenerateOwnRecoveryCodes, removeOwnSecondFactor, startOwnTotpEnrolment } from '../app/mfa-enrolment.js';
import { confirmMfaSetup, startMfaSetup, verifyMfaChallenge } from '../app/mfa-sign-in.js';
import {
  ChallengeBody, CodeBody, ConfirmMfaSetupBody, MfaSetupSignedIn, MfaSignedIn, RecoveryCodes, RemoveMfaBody, TotpEnrolment, VerifyMfaBody,
} from '../contract/mfa.js';
import { clientOf } from './request-info.js';

const meTags = ['me'];
const authTags = ['auth'];
const signedIn = { permission: AUTHENTICATED };
const open = { permission: PUBLIC };

/** Authenticator-app (TOTP) second factor: enrolment while signed in, and the second step of a sign-in. */
export async function mfaRoutes(app: HttpApp, deps: IdentityDeps): Promise<void> {
  app.post('/me/mfa/totp', {
    config: signedIn,
    schema: {
      tags: meTags,
      summary: 'Start setting up an authenticator app',
      description: 'Answers a new secret and its otpauth URI; it works once confirmed. Replaces an unfinished setup; 409 when an app is already set up.',
      response: { 201: TotpEnrolment },
    },
  }, async (request, reply) => reply.code(201).send(await startOwnTotpEnrolment(deps, principalOf(request))));

  app.post('/me/mfa/totp/confirm', {
    config: signedIn,
    schema: {
      tags: meTags,
      summary: 'Confirm the authenticator app with a first code',
      description: 'Answers 10 recovery codes, shown only this once. A wrong code is 401 AUTH.INVALID_CODE and counts towards a lockout.',
      body: CodeBody,
      response: { 200: RecoveryCodes },
    },
  }, async (request) => ({ recoveryCodes: await confirmOwnTotpEnrolment(deps, principalOf(request), request.body.code) }));

  app.delete('/me/mfa', {
    config: signedIn,
    schema: {
      tags: meTags,
      summary: 'Remove your authenticator app and recovery codes (with your password or a current code)',
      description: '403 MFA.REQUIRED_BY_TENANT when your institution requires a second factor for one of your roles.',
      body: RemoveMfaBody,
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    await removeOwnSecondFactor(deps, principalOf(request), request.body);
    return reply.code(204).send(null);
  });

  app.post('/me/mfa/recovery-codes', {
    config: signedIn,
    schema: {
      tags: meTags,
      summary: 'Replace your recovery codes (with a current code); the old ones stop working',
      body: CodeBody,
      response: { 200: RecoveryCodes },
    },
  }, async (request) => ({ recoveryCodes: await regenerateOwnRecoveryCodes(deps, principalOf(request), request.body.code) }));

  app.post('/auth/mfa/verify', {
    config: open,
    schema: {
      tags: authTags,
      summary: 'Second step of a sign-in: the challenge with an authenticator code or a recovery code',
      description: 'A forged, expired or spent challenge is 401 AUTH.INVALID_CHALLENGE; a wrong code 401 AUTH.INVALID_CODE. '
        + 'A challenge takes 5 wrong codes, and wrong codes lock the account progressively (429).',
      body: VerifyMfaBody,
      response: { 200: MfaSignedIn },
    },
  }, async (request) => verifyMfaChallenge(deps, request.body, clientOf(request)));

  app.post('/auth/mfa/setup', {
    config: open,
    schema: {
      tags: authTags,
      summary: 'For mfa_setup_required: a new authenticator secret for the user of the challenge',
      body: ChallengeBody,
      response: { 200: TotpEnrolment },
    },
  }, async (request) => startMfaSetup(deps, request.body.challenge, clientOf(request)));

  app.post('/auth/mfa/setup/confirm', {
    config: open,
    schema: {
      tags: authTags,
      summary: 'For mfa_setup_required: confirm the new authenticator with a code and finish signing in',
      description: 'Answers tokens and 10 recovery codes, shown only this once.',
      body: ConfirmMfaSetupBody,
      response: { 200: MfaSetupSignedIn },
    },
  }, async (request) => confirmMfaSetup(deps, request.body, clientOf(request)));
}
