export * from './embedded-db.js';
