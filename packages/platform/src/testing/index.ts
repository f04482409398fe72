/** Test support: isolated platforms and databases on the backends selected by the environment. */
export * from './backends.js';
export * from './platform.js';
export * from './tokens.js';
