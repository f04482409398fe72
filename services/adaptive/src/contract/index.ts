export * from './events.js';
export * from './permissions.js';
export * from './schemas.js';
