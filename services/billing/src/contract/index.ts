/** The billing service's public contract: event names and payloads, permissions, and API schemas. */
export * from './events.js';
export * from './permissions.js';
export * from './schemas.js';
