/** Shared settings of the property suites: run counts, the seed, and a work folder per suite. */
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir } from "../helpers";

/**
 * fast-check seed: random per run (printed by fast-check on failure, with the
 * path to replay it); VPCE_FC_SEED pins it to reproduce a failure.
 */
export const SEED: number | undefined = process.env.VPCE_FC_SEED ? Number(process.env.VPCE_FC_SEED) : undefined;

/** A scale factor for the run counts (VPCE_FC_SCALE=0.1 for a quick local run; CI keeps 1). */
export const SCALE = process.env.VPCE_FC_SCALE ? Number(process.env.VPCE_FC_SCALE) : 1;

export function runs(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}

/** One work folder per suite with named subfolders, removed in afterAll. */
export function workspace(
  prefix: string,
  names: readonly string[],
): { root: string; dirs: Record<string, string>; cleanup: () => void } {
  const root = tmpDir(prefix);
  const dirs: Record<string, string> = {};
  for (const n of names) {
    dirs[n] = path.join(root, n);
    fs.mkdirSync(dirs[n], { recursive: true });
  }
  return { root, dirs, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}
