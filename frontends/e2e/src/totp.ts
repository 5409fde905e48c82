// One implementation for API and browser logins: both must share the per-account record of used
// time steps, or a browser login would replay the code the API harness just used.
export { freshTotpCode } from '@poortwachter/infra';
