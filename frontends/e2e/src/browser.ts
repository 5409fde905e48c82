// The browser is found and launched in one place for every package that drives one (these tests,
// the gateway's explorer test, the bundle-size benchmark).
export { CHROMIUM_ARGS, chromiumPath, launchBrowser } from '@poortwachter/infra';
