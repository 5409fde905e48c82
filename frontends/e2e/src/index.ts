export * from './axe.js';
export * from './browser.js';
export * from './screenshots.js';
export { freshTotpCode } from './totp.js';
export * from './journeys.js';
