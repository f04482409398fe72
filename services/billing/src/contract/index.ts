/** The billing service's public contract: event names and payloads, permissions, and API schemas. */
export * from './events.js';
export * from './permissions.js';
export * from './schemas.js';
/** How amounts in minor units read to people (receipts, notifications): exact, in the currency's own digits. */
export { formatMoney } from '../domain/money.js';
