import { Type, type Static } from '@sinclair/typebox';

/** A tenant's URL name: lower-case ASCII letters, digits and inner hyphens. */
export const Slug = Type.String({ pattern: '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$', minLength: 1, maxLength: 48 });
/** An email address: ASCII only (no look-alike Unicode), at most 254 characters. */
export const Email = Type.String({ format: 'email', maxLength: 254, pattern: '^[\\x21-\\x7e]+$' });
/**
 * A person's or tenant's display name: 1–120 characters, no control, zero-width or bidirectional-override
 * characters (they let a name pass for another one).
 */
export const DisplayName = Type.String({
  minLength: 1,
  maxLength: 120,
  pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff]+$',
});
/** A new password: 10–200 characters (NIST SP 800-63B: length, not composition rules). */
export const NewPassword = Type.String({ minLength: 10, maxLength: 200 });
/** A password being checked: never validated beyond a sane size, so errors reveal nothing of the rules. */
export const GivenPassword = Type.String({ minLength: 1, maxLength: 200 });
/** Roles a tenant admin can give (platform_admin is not a tenant's to give). */
export const TenantRole = Type.Union([Type.Literal('student'), Type.Literal('instructor'), Type.Literal('tutor'), Type.Literal('tenant_admin')]);
export const Role = Type.Union([...TenantRole.anyOf, Type.Literal('platform_admin')]);
export const OpaqueToken = Type.String({ minLength: 20, maxLength: 200, pattern: '^[A-Za-z0-9._-]+$' });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const TenantTier = Type.Union([Type.Literal('standard'), Type.Literal('enterprise')]);
export const TenantStatus = Type.Union([Type.Literal('provisioning'), Type.Literal('active'), Type.Literal('suspended'), Type.Literal('deleted')]);

/** What a tenant admin controls: sign-up, MFA policy, branding. */
const Branding = Type.Object({
  logoUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, pattern: '^https?://' })),
  primaryColor: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
  accentColor: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
});

export const TenantSettings = Type.Object({
  selfRegistration: Type.Boolean({ default: false }),
  mfaRequiredRoles: Type.Array(TenantRole, { uniqueItems: true, default: [] }),
  branding: Type.Composite([Branding], { default: {} }),
});

/**
 * The settings a PATCH changes: the ones it names. No defaults here — the validator would fill a left-out
 * setting with its default and the change would reset it.
 */
const TenantSettingsChanges = Type.Object({
  selfRegistration: Type.Optional(Type.Boolean()),
  mfaRequiredRoles: Type.Optional(Type.Array(TenantRole, { uniqueItems: true })),
  branding: Type.Optional(Branding),
});
export type TenantSettings = Static<typeof TenantSettings>;

export const Tenant = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Slug,
  name: Type.String(),
  tier: TenantTier,
  status: TenantStatus,
  settings: TenantSettings,
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Tenant = Static<typeof Tenant>;

export const CreateTenantBody = Type.Object({
  slug: Slug,
  name: DisplayName,
  tier: TenantTier,
  /** The first tenant admin: invited by email. */
  admin: Type.Optional(Type.Object({ email: Email, name: DisplayName })),
  settings: Type.Optional(TenantSettingsChanges),
});

export const UpdateTenantBody = Type.Object({
  name: Type.Optional(DisplayName),
  settings: Type.Optional(TenantSettingsChanges),
});

/** What anyone may know of a tenant before signing in: its name, branding and how to sign in. */
export const TenantPublic = Type.Object({
  slug: Slug,
  name: Type.String(),
  branding: TenantSettings.properties.branding,
  selfRegistration: Type.Boolean(),
  sso: Type.Boolean(),
});

export const Preferences = Type.Object({
  notifications: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Object({
    email: Type.Optional(Type.Boolean()),
    inApp: Type.Optional(Type.Boolean()),
    push: Type.Optional(Type.Boolean()),
    sms: Type.Optional(Type.Boolean()),
  }), { maxProperties: 20 })),
  accessibility: Type.Optional(Type.Object({
    reducedMotion: Type.Optional(Type.Boolean()),
    highContrast: Type.Optional(Type.Boolean()),
    fontScale: Type.Optional(Type.Number({ minimum: 0.75, maximum: 2 })),
    captions: Type.Optional(Type.Boolean()),
  })),
});
export type Preferences = Static<typeof Preferences>;

export const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  tenantId: Type.String({ format: 'uuid' }),
  email: Type.String(),
  emailVerified: Type.Boolean(),
  name: Type.String(),
  status: Type.Union([Type.Literal('invited'), Type.Literal('active'), Type.Literal('deactivated')]),
  roles: Type.Array(Role),
  locale: Type.String(),
  timeZone: Type.String(),
  preferences: Preferences,
  mfaEnabled: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type User = Static<typeof User>;

export const Locale = Type.String({ pattern: '^[a-z]{2,3}(?:-[A-Z]{2})?$', maxLength: 10 });
export const TimeZone = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$' });

export const UpdateProfileBody = Type.Object({
  name: Type.Optional(DisplayName),
  locale: Type.Optional(Locale),
  timeZone: Type.Optional(TimeZone),
  preferences: Type.Optional(Preferences),
});

/** Tokens handed out at sign-in and refresh. */
export const TokenPair = Type.Object({
  accessToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
  refreshToken: Type.String({ description: 'Single use: each refresh returns a new one' }),
  sessionId: Type.String({ format: 'uuid' }),
  user: Type.Object({ id: Type.String({ format: 'uuid' }), tenantId: Type.String({ format: 'uuid' }), name: Type.String(), roles: Type.Array(Role) }),
});
export type TokenPair = Static<typeof TokenPair>;

/** Sign-in's answer: tokens, or a second factor to give (or to set up first) with the challenge. */
export const SignInResult = Type.Union([
  Type.Object({ status: Type.Literal('signed_in'), tokens: TokenPair }),
  Type.Object({
    status: Type.Union([Type.Literal('mfa_required'), Type.Literal('mfa_setup_required')]),
    challenge: Type.String({ description: 'Pass to /auth/mfa/verify (or /auth/mfa/setup first) within 5 minutes' }),
  }),
]);

export const SignInBody = Type.Object({
  tenant: Type.Optional(Slug),
  email: Email,
  password: GivenPassword,
});

export const Session = Type.Object({
  id: Type.String({ format: 'uuid' }),
  current: Type.Boolean(),
  methods: Type.Array(Type.String()),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

/** A 202 that says only that the request was taken: never whether an account exists. */
export const Accepted = Type.Object({ status: Type.Literal('accepted'), detail: Type.String() });
