/** Runs `vpce` in this process with captured streams. */
import { run, type Io } from "../../src/cli/main";

export interface Ran {
  code: number;
  out: string;
  err: string;
}

/** `vpce <args>` with the environment `env` (nothing of this process's) and, when given, a terminal `columns` wide. */
export function vpce(args: string[], opts: { env?: NodeJS.ProcessEnv; columns?: number } = {}): Ran {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), env: { ...opts.env }, columns: opts.columns };
  const code = run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The longest line of `text`. */
export function widest(text: string): number {
  return Math.max(...text.split("\n").map((l) => l.length));
}
