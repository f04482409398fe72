import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '@tessera/platform';
import { DisplayName, Email, NewPassword, OpaqueToken, Role, Slug, TenantRole, User } from './schemas.js';

/** The most bytes a bulk-invitation CSV may have. */
export const BULK_CSV_MAX_BYTES = 200 * 1024;
/** The most data rows a bulk-invitation CSV may have. */
export const BULK_MAX_ROWS = 1000;

export const UserStatus = Type.Union([Type.Literal('invited'), Type.Literal('active'), Type.Literal('deactivated')]);

/** Filters of the user list: a role held, a status, and a search in email and name. */
export const UserListQuery = Type.Object({
  ...PageQuery.properties,
  role: Type.Optional(Role),
  status: Type.Optional(UserStatus),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the email or name' })),
});

/** Roles a tenant admin gives: at least one, no repeats, never platform_admin. */
export const TenantRoles = Type.Array(TenantRole, { minItems: 1, maxItems: 4, uniqueItems: true });

export const InviteUserBody = Type.Object({ email: Email, name: DisplayName, roles: TenantRoles });
export type InviteUserBody = Static<typeof InviteUserBody>;

export const BulkInviteBody = Type.Object({
  csv: Type.String({
    minLength: 1,
    maxLength: BULK_CSV_MAX_BYTES,
    description: `CSV with the header \`email,name,roles\` (roles separated by \`;\` or \`|\`), at most ${BULK_MAX_ROWS} rows and 200 KB`,
  }),
});

/** A CSV row that was not invited, and why. */
export const BulkInviteError = Type.Object({ line: Type.Integer(), email: Type.String(), detail: Type.String() });
export type BulkInviteError = Static<typeof BulkInviteError>;

export const BulkInviteResult = Type.Object({ invited: Type.Array(User), errors: Type.Array(BulkInviteError) });

export const UpdateUserBody = Type.Object({ name: Type.Optional(DisplayName), roles: Type.Optional(TenantRoles) }, { minProperties: 1 });
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 100 })) });

export const RegisterBody = Type.Object({ tenant: Type.Optional(Slug), email: Email, password: NewPassword, name: DisplayName });
export type RegisterBody = Static<typeof RegisterBody>;

/** A request about an email address (resend verification, reset password). */
export const EmailRequestBody = Type.Object({ tenant: Type.Optional(Slug), email: Email });
export type EmailRequestBody = Static<typeof EmailRequestBody>;

export const TokenBody = Type.Object({ token: OpaqueToken });
export const ResetConfirmBody = Type.Object({ token: OpaqueToken, password: NewPassword });
export const AcceptInvitationBody = Type.Object({ token: OpaqueToken, password: NewPassword, name: Type.Optional(DisplayName) });

export const Verified = Type.Object({ status: Type.Literal('verified') });
export const PasswordChanged = Type.Object({ status: Type.Literal('password_changed') });
export const InvitationAccepted = Type.Object({ status: Type.Literal('accepted') });

/** A message the platform mailer kept (embedded mode). */
export const SentMail = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  category: Type.Union([Type.String(), Type.Null()]),
  tenantId: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.String({ format: 'date-time' }),
});
export type SentMail = Static<typeof SentMail>;

export const MailIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
