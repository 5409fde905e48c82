/**
 * A start-up failure the user can act on: its message is one sentence with the cause and the next
 * step, printed as is (never with a stack trace).
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/**
 * The message of anything thrown or rejected, also when it is not an Error (some libraries reject
 * with `undefined`); never a stack trace.
 */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error === undefined || error === null) return 'an unknown cause (no error was given)';
  return String(error);
}
