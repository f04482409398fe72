import { Type, type Static } from '@sinclair/typebox';
import { AppError, type Principal } from '@tessera/platform';
import { ApiKey } from '../contract/api-keys.js';
import { User } from '../contract/schemas.js';
import { listApiKeysCreatedBy, toApiKey } from '../db/api-key.repository.js';
import type { IdentityDatabase } from '../db/identity.table.js';
import { findUserById, toUser } from '../db/user.repository.js';
import type { IdentityDeps } from './deps.js';
import { userPrincipal } from './profile.js';

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** What identity holds about a person: no secret, hash or token is ever part of it. */
export const IdentityOwnData = Type.Object({
  profile: User,
  account: Type.Object({
    status: Type.String(),
    emailVerifiedAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    failedSignIns: Type.Integer(),
    lockedUntil: Nullable(Timestamp),
  }),
  sessions: Type.Array(Type.Object({
    id: Type.String(),
    methods: Type.Array(Type.String()),
    userAgent: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    createdAt: Timestamp,
    lastUsedAt: Timestamp,
    expiresAt: Timestamp,
    revokedAt: Nullable(Timestamp),
    revokedReason: Nullable(Type.String()),
  })),
  mfa: Type.Object({
    totp: Type.Object({ enrolled: Type.Boolean(), confirmedAt: Nullable(Timestamp), createdAt: Nullable(Timestamp) }),
    recoveryCodesLeft: Type.Integer(),
  }),
  identities: Type.Array(Type.Object({ issuer: Type.String(), subject: Type.String() }), { description: 'Accounts at the tenant\'s SSO provider linked to this user' }),
  emailLinks: Type.Array(Type.Object({ purpose: Type.String(), createdAt: Timestamp, expiresAt: Timestamp, usedAt: Nullable(Timestamp) })),
  apiKeysCreated: Type.Array(ApiKey),
});

/**
 * A person's own data export. Sections are keyed by service: identity fills `identity` today; the other
 * services add their section (courses, submissions, messages…) when they land — that is left to them.
 */
export const OwnDataExport = Type.Object({
  format: Type.Literal('tessera.own-data/1'),
  exportedAt: Timestamp,
  userId: Type.String({ format: 'uuid' }),
  tenantId: Type.String({ format: 'uuid' }),
  identity: IdentityOwnData,
});
export type OwnDataExport = Static<typeof OwnDataExport>;

/** Everything identity holds about the signed-in user, read in one transaction (a consistent snapshot). */
export async function exportOwnData(deps: IdentityDeps, principal: Principal): Promise<OwnDataExport> {
  const { tenantId, subject: userId } = userPrincipal(principal);
  const identity = await deps.db.withTenant<IdentityDatabase, Static<typeof IdentityOwnData>>(tenantId, async (tx) => {
    const row = await findUserById(tx, tenantId, userId);
    if (!row) throw new AppError('not_found', 'IDENTITY.USER_NOT_FOUND', 'Your account no longer exists');
    // One after the other: a transaction is one connection, and statements on it cannot overlap.
    const sessions = await tx.selectFrom('identity.sessions')
      .select(['id', 'methods', 'user_agent', 'ip', 'created_at', 'last_used_at', 'expires_at', 'revoked_at', 'revoked_reason'])
      .where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
    const totp = await tx.selectFrom('identity.mfa_totp').select(['confirmed_at', 'created_at'])
      .where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
    const codes = await tx.selectFrom('identity.recovery_codes').select((eb) => eb.fn.countAll<number>().as('left'))
      .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirst();
    const identities = await tx.selectFrom('identity.user_identities').select(['issuer', 'subject'])
      .where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('issuer').execute();
    const links = await tx.selectFrom('identity.one_time_tokens').select(['purpose', 'created_at', 'expires_at', 'used_at'])
      .where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
    const keys = await listApiKeysCreatedBy(tx, tenantId, userId);
    const enrolled = Boolean(totp?.confirmed_at);
    return {
      profile: toUser(row, enrolled),
      account: {
        status: row.status,
        emailVerifiedAt: iso(row.email_verified_at),
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        failedSignIns: row.failed_sign_ins,
        lockedUntil: iso(row.locked_until),
      },
      sessions: sessions.map((s) => ({
        id: s.id, methods: s.methods, userAgent: s.user_agent, ip: s.ip, createdAt: s.created_at.toISOString(), lastUsedAt: s.last_used_at.toISOString(),
        expiresAt: s.expires_at.toISOString(), revokedAt: iso(s.revoked_at), revokedReason: s.revoked_reason,
      })),
      mfa: { totp: { enrolled, confirmedAt: iso(totp?.confirmed_at ?? null), createdAt: iso(totp?.created_at ?? null) }, recoveryCodesLeft: Number(codes?.left ?? 0) },
      identities,
      emailLinks: links.map((l) => ({ purpose: l.purpose, createdAt: l.created_at.toISOString(), expiresAt: l.expires_at.toISOString(), usedAt: iso(l.used_at) })),
      apiKeysCreated: keys.map((key) => toApiKey(key)),
    };
  });
  return { format: 'tessera.own-data/1', exportedAt: new Date().toISOString(), userId, tenantId, identity };
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
