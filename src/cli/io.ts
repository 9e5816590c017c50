/** Where a command writes and what it reads from the environment, and the exit codes every entry point uses. */

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** 0: fine; 1: a spec is invalid (nothing written); 2: usage error; 3: internal error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/** A mistake in how the command was called (exit 2), found after parsing, e.g. an unknown region. */
export class UsageError extends Error {}

/** stdout and stderr of this process, one line per call. */
export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t + "\n"),
    err: (t) => process.stderr.write(t + "\n"),
    env: process.env,
  };
}

/** Runs a command; anything it throws but a UsageError is an internal error (exit 3) with its stack. */
export function guarded(io: Io, command: () => number): number {
  try {
    return command();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`vpce: ${e.message}`);
      return EXIT.usage;
    }
    io.err(`vpce: internal error (please report it): ${(e as Error).stack ?? String(e)}`);
    return EXIT.internal;
  }
}
