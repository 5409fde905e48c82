export * from './embedded-db.js';
export * from './stack.js';
export * from './static-server.js';
export * from './testing.js';
export * from './totp.js';
export * from './browser.js';
export * from './startup-error.js';
