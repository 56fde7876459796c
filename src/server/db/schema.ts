/** Every table, for drizzle-kit and for typed queries. One module owns each table. */
export * from '../units/tables.js';
export * from '../trades/tables.js';
export * from '../people/tables.js';
export * from '../accounts/tables.js';
export * from '../campaign/tables.js';
export * from '../audit/tables.js';
export * from '../imports/tables.js';
export * from '../competitions/tables.js';
export * from '../schemes/tables.js';
export * from '../entries/tables.js';
export * from '../draws/tables.js';
export * from '../judging/tables.js';
export * from '../marks/tables.js';
