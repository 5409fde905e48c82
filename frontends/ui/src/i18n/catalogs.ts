// Every catalog, for tests that compare languages or look up an expected text. Not re-exported by
// the design system's entry: the shells load the non-default languages on demand.
export { nl } from './nl';
export { en } from './en';
