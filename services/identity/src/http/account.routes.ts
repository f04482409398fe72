import { PUBLIC, type HttpApp } from '@tessera/platform';
import { acceptInvitationLink } from '../app/accept-invitation.js';
import type { IdentityDeps } from '../app/deps.js';
import { confirmPasswordReset, requestPasswordReset } from '../app/password-reset.js';
import { register } from '../app/register.js';
import { resendVerification, verifyEmail } from '../app/verify-email.js';
import { Accepted } from '../contract/schemas.js';
import {
  AcceptInvitationBody, EmailRequestBody, InvitationAccepted, PasswordChanged, RegisterBody, ResetConfirmBody, TokenBody, Verified,
} from '../contract/users.js';
import { clientOf } from './request-info.js';

const tags = ['account'];
const open = { permission: PUBLIC };

/** Public account flows by email: sign-up and its verification, password reset, accepting an invitation. */
export async function accountRoutes(app: HttpApp, deps: IdentityDeps): Promise<void> {
  app.post('/auth/register', {
    config: open,
    schema: {
      tags,
      summary: 'Sign up (when the institution allows it)',
      description: 'Always 202: the answer never tells whether the email already had an account. 403 IDENTITY.REGISTRATION_CLOSED when the institution does not allow sign-up.',
      body: RegisterBody,
      response: { 202: Accepted },
    },
  }, async (request, reply) => reply.code(202).send(await register(deps, { ...request.body, hostname: request.hostname }, clientOf(request))));

  app.post('/auth/verify-email', {
    config: open,
    schema: { tags, summary: 'Confirm an email address with the link sent to it', body: TokenBody, response: { 200: Verified } },
  }, async (request) => verifyEmail(deps, request.body.token));

  app.post('/auth/verify-email/resend', {
    config: open,
    schema: { tags, summary: 'Send a new email verification link', description: 'Always 202.', body: EmailRequestBody, response: { 202: Accepted } },
  }, async (request, reply) => reply.code(202).send(await resendVerification(deps, { ...request.body, hostname: request.hostname }, clientOf(request))));

  app.post('/auth/password-reset', {
    config: open,
    schema: { tags, summary: 'Ask for a password reset link', description: 'Always 202, whether or not the account exists.', body: EmailRequestBody, response: { 202: Accepted } },
  }, async (request, reply) => reply.code(202).send(await requestPasswordReset(deps, { ...request.body, hostname: request.hostname }, clientOf(request))));

  app.post('/auth/password-reset/confirm', {
    config: open,
    schema: {
      tags,
      summary: 'Choose a new password with a reset link',
      description: 'Ends every session of the account (their access tokens are refused at once) and lifts its sign-in lockout.',
      body: ResetConfirmBody,
      response: { 200: PasswordChanged },
    },
  }, async (request) => confirmPasswordReset(deps, request.body, clientOf(request)));

  app.post('/auth/invitations/accept', {
    config: open,
    schema: { tags, summary: 'Accept an invitation: choose a password (and optionally correct your name)', body: AcceptInvitationBody, response: { 200: InvitationAccepted } },
  }, async (request) => acceptInvitationLink(deps, request.body, clientOf(request)));
}
