import { parseBoundaries, type DurationClassBoundaries } from './domain/duration-classes.js';

export interface ReportingOptions {
  boundaries: DurationClassBoundaries;
}

/** `REPORTING_DURATION_CLASSES=7,42,365` sets the last day of short, medium and long absence. */
export function reportingOptions(env: NodeJS.ProcessEnv = process.env): ReportingOptions {
  return { boundaries: parseBoundaries(env.REPORTING_DURATION_CLASSES) };
}
