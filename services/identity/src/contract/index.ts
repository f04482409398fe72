/** The identity service's public contract: event names and payloads, permissions, and API schemas. */
export * from './events.js';
export * from './permissions.js';
export * from './schemas.js';
export * from './api-keys.js';
export * from './mfa.js';
export * from './sso.js';
export * from './users.js';
