export * from './events.js';
export * from './permissions.js';
