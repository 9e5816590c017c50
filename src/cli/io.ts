/** Where a command writes and what it reads from the environment, and the exit codes every entry point uses. */
import * as fs from "node:fs";
import { displayPath, SPEC_FILE } from "../input/load";
import type { Diagnostic } from "../diagnostics";
import { specsDir } from "../pipeline";
import type { Plan } from "../planner/plan";
import { terminalDiagnostics } from "../report/diagnostic-groups";

/**
 * Streams: stdout carries the command's result (the plan, JSON, the catalog);
 * stderr carries diagnostics, summary lines and usage errors. A JSON result
 * carries its diagnostics on stdout as data.
 */
export interface Io {
  out(text: string): void;
  /** stdout without a line end, for a result written in pieces (outParts); without it, pieces are joined for out. */
  write?(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** The width of stdout when it is a terminal. */
  columns?: number;
}

/**
 * 0: fine; 1: a spec is invalid (nothing written); 2: usage error; 3: internal error; 4: `vpce diff` found changes
 * (like `git diff --exit-code`'s 1, moved past the codes every command shares).
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3, changes: 4 } as const;

/** A mistake in how the command was called (exit 2), found after parsing, e.g. an unknown region. */
export class UsageError extends Error {}

/** stdout and stderr of this process, one line per call. */
export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t + "\n"),
    write: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t + "\n"),
    env: process.env,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}

/** Width of reports when neither COLUMNS nor a terminal says; and the narrowest width reports are fitted to. */
export const WIDTH = { fallback: 100, min: 60 } as const;

/** The width reports fit: COLUMNS (a positive integer), else the terminal's, else 100; never below 60. */
export function outputWidth(io: Io): number {
  const env = /^\d+$/.test(io.env.COLUMNS ?? "") ? Number(io.env.COLUMNS) : 0;
  return Math.max(WIDTH.min, env || io.columns || WIDTH.fallback);
}

/** Where the specs are, and whether that is one spec file rather than a folder. */
export interface SpecsPath {
  readonly path: string;
  readonly file: boolean;
}

/**
 * --specs, else VPCE_SPECS, else specs/: a folder, or one *.yaml / *.yml file.
 * Any other file is a usage error; a missing path is left to the loader (SPECS_DIR_MISSING).
 */
export function specsPath(opts: { explicit?: string; env: NodeJS.ProcessEnv }): SpecsPath {
  const p = specsDir(opts.explicit, opts.env);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return { path: p, file: false };
  }
  if (stat.isDirectory()) return { path: p, file: false };
  if (stat.isFile() && SPEC_FILE.test(p)) return { path: p, file: true };
  const from = opts.explicit !== undefined ? "--specs" : opts.env.VPCE_SPECS ? "VPCE_SPECS" : "specs";
  throw new UsageError(
    `${from} "${displayPath(p)}" is a file but not a spec: give a folder of specs or one *.yaml or *.yml file.`,
  );
}

/** A large result (a plan's JSON or table) on stdout piece by piece where the Io can, then one line end. */
export function outParts(io: Io, parts: Iterable<string>): void {
  if (!io.write) {
    io.out([...parts].join(""));
    return;
  }
  for (const p of parts) io.write(p);
  io.write("\n");
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

/**
 * Diagnostics on stderr: warnings grouped by code and VPC, then errors one by one, unless `all`
 * (`--all-diagnostics`, or VPCE_ALL_DIAGNOSTICS=1 where no flag can be given: cdktf synth). Says so when it grouped.
 */
export function printTerminalDiagnostics(opts: {
  diagnostics: readonly Diagnostic[];
  plan?: Plan;
  all?: boolean;
  io: Io;
}): void {
  const { io } = opts;
  const all = opts.all === true || io.env.VPCE_ALL_DIAGNOSTICS === "1";
  const t = terminalDiagnostics({ diagnostics: opts.diagnostics, plan: opts.plan, all });
  for (const b of t.blocks) io.err(b);
  const { warnings, notes, groups } = t.folded;
  if (groups > 0) {
    const what = [warnings > 0 ? `${warnings} warnings` : "", notes > 0 ? `${notes} notes` : ""].filter(Boolean);
    io.err(
      `vpce: ${what.join(" and ")} shown in ${groups} groups by code and VPC; ` +
        "--all-diagnostics (or VPCE_ALL_DIAGNOSTICS=1) prints each one.",
    );
  }
}
