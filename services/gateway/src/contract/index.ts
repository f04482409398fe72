/** The gateway's public contract: the schemas of the screens it aggregates. */
export * from './home.js';
