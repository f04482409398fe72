export * from './permissions.js';
export * from './phone.js';
export * from './push.js';
export * from './schemas.js';
export * from './announcements.js';
