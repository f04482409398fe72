import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Process roles: `api` serves HTTP, `worker` runs event consumers, `relay` publishes the outbox. */
export const ROLES = ['api', 'worker', 'relay'] as const;
export type Role = (typeof ROLES)[number];

const List = Type.Array(Type.String({ pattern: '^[a-z][a-z0-9-]*$' }));

/** Every setting the platform reads, by its environment variable. */
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  TESSERA_DATA_DIR: Type.String({ minLength: 1, default: '.tessera' }),
  /** Where uploaded files are kept (a volume every API process mounts); defaults to `<TESSERA_DATA_DIR>/blobs`. */
  TESSERA_BLOB_DIR: Type.Optional(Type.String({ minLength: 1 })),
  TESSERA_SERVICES: Type.Optional(List),
  TESSERA_ROLES: Type.Array(Type.Union(ROLES.map((role) => Type.Literal(role))), { default: [...ROLES] }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
  NATS_URL: Type.Optional(Type.String({ pattern: '^(nats|tls)://' })),
  BUS_NAMESPACE: Type.String({ pattern: '^[a-z][a-z0-9_-]*$', default: 'tessera' }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  CACHE_PREFIX: Type.String({ default: 'tessera:' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  RATE_LIMIT_USER_PER_MINUTE: Type.Integer({ minimum: 1, default: 1_200 }),
  RATE_LIMIT_TENANT_PER_MINUTE: Type.Integer({ minimum: 1, default: 60_000 }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 15_000 }),
  TESSERA_ISSUER: Type.String({ minLength: 1, default: 'tessera' }),
  TESSERA_AUDIENCE: Type.String({ minLength: 1, default: 'tessera-api' }),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Where users reach the platform; links in emails and SSO redirect URIs are built from it. */
  TESSERA_PUBLIC_URL: Type.String({ pattern: '^https?://', default: 'http://localhost:3000' }),
  /** SMTP server for outgoing mail; without it each message is written as an .eml file in the data folder. */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ minLength: 3, default: 'Tessera <no-reply@tessera.localhost>' }),
  /** Email, push and SMS messages a tenant may send per minute, unless its admins set their own limit. */
  NOTIFY_SENDS_PER_MINUTE: Type.Integer({ minimum: 1, default: 600 }),
  /** Who sends SMS: `none` (no SMS at all), `test` (kept in memory and logged, never sent), `twilio`. */
  SMS_PROVIDER: Type.Union([Type.Literal('none'), Type.Literal('test'), Type.Literal('twilio')], { default: 'none' }),
  /** Twilio's account, its auth token (which also signs Twilio's status callbacks) and the sending number or sender id. */
  TWILIO_ACCOUNT_SID: Type.Optional(Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' })),
  TWILIO_AUTH_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  TWILIO_FROM: Type.Optional(Type.String({ minLength: 1 })),
  TWILIO_API_URL: Type.String({ pattern: '^https?://', default: 'https://api.twilio.com' }),
  /** Web push VAPID key pair (base64url, as `web-push generate-vapid-keys` prints). Unset: a pair is generated once and kept in the database. */
  VAPID_PUBLIC_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{87}$' })),
  VAPID_PRIVATE_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' })),
  /** Who push services may contact about our pushes: a `mailto:` or `https:` URL. */
  VAPID_SUBJECT: Type.String({ pattern: '^(mailto:|https://)', default: 'mailto:admin@tessera.localhost' }),
  /** Accept `http://127.0.0.1:*` push endpoints besides `https:` ones (tests and local push services only). */
  PUSH_ALLOW_INSECURE_ENDPOINTS: Type.Boolean({ default: false }),
  /** Who takes card payments: `test` (the built-in test card processor, never real money) or `stripe`. */
  BILLING_PROVIDER: Type.Union([Type.Literal('test'), Type.Literal('stripe')], { default: 'test' }),
  /** The secret that signs the payment provider's webhooks (Stripe: the endpoint's `whsec_` secret). Unset with the test provider: one made per process. */
  BILLING_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  STRIPE_SECRET_KEY: Type.Optional(Type.String({ pattern: '^(sk|rk)_' })),
  /** Where the Stripe SDK sends requests (its default host unless set; tests point it at a local server). */
  STRIPE_API_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** A tenant's terms until its admins change them: currency, the platform's commission and tax (basis points), refund window. */
  BILLING_DEFAULT_CURRENCY: Type.String({ pattern: '^[A-Z]{3}$', default: 'EUR' }),
  BILLING_COMMISSION_BP: Type.Integer({ minimum: 0, maximum: 10_000, default: 2_000 }),
  BILLING_TAX_RATE_BP: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
  BILLING_REFUND_WINDOW_DAYS: Type.Integer({ minimum: 0, maximum: 365, default: 14 }),
  /** Analytics: how late (in event time, behind the latest event a tenant sent) an event may arrive and still count in its window. */
  ANALYTICS_ALLOWED_LATENESS_MS: Type.Integer({ minimum: 0, maximum: 86_400_000, default: 60_000 }),
  /** Analytics: events older than this, or further ahead than the second, are refused at ingest (per item). */
  ANALYTICS_MAX_EVENT_AGE_MS: Type.Integer({ minimum: 60_000, default: 7 * 86_400_000 }),
  ANALYTICS_MAX_FUTURE_MS: Type.Integer({ minimum: 0, default: 300_000 }),
  /** Argon2id cost (OWASP: 19 MiB, 2 passes, 1 lane). Lower only in tests. */
  PASSWORD_HASH_MEMORY_KIB: Type.Integer({ minimum: 1024, default: 19_456 }),
  PASSWORD_HASH_ITERATIONS: Type.Integer({ minimum: 1, default: 2 }),
  /** Sign-in attempts one client address may make per minute across accounts (brute-force budget). */
  SIGN_IN_PER_IP_PER_MINUTE: Type.Integer({ minimum: 1, default: 60 }),
  /** Relay processes add a new signing key when the newest is older than this (the old one verifies on until retired). */
  SIGNING_KEY_MAX_AGE_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),
  /** Passphrase (32+ characters, stretched with HKDF) that seals TOTP and SSO client secrets at rest. Unset: a random key is created once and kept in the database. Changing it makes sealed secrets unreadable. */
  TESSERA_SECRET_KEY: Type.Optional(Type.String({ minLength: 32 })),
});

/** The parsed, frozen configuration. */
export type Config = Readonly<Static<typeof ConfigSchema>>;

/** Thrown at start when a variable is missing or malformed; the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string, value: unknown) {
    super(`Invalid configuration: ${variable} ${detail}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`);
    this.name = 'ConfigError';
  }
}

const LIST_KEYS = new Set(['TESSERA_SERVICES', 'TESSERA_ROLES']);

/**
 * Parses the environment once: converts strings to the declared types, applies defaults, and fails fast
 * naming the first bad variable. Unknown variables are ignored (the environment holds many other things).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = LIST_KEYS.has(key) ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;
  }
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw));
  const firstError = Value.Errors(ConfigSchema, converted).First();
  if (firstError) {
    const variable = firstError.path.split('/')[1] ?? firstError.path;
    throw new ConfigError(variable, describe(firstError.schema, firstError.message), raw[variable]);
  }
  return Object.freeze(converted as Config);
}

function describe(schema: TSchema, message: string): string {
  if (schema.type === 'integer') {
    const range = [schema.minimum, schema.maximum].every((n) => n !== undefined)
      ? ` between ${schema.minimum} and ${schema.maximum}`
      : schema.minimum !== undefined
        ? ` of at least ${schema.minimum}`
        : '';
    return `must be an integer${range}`;
  }
  if (schema.anyOf) return `must be one of ${schema.anyOf.map((s: TSchema) => s.const).join(', ')}`;
  if (schema.pattern) return `must match ${schema.pattern}`;
  return message.toLowerCase();
}
