/**
 * A folder of recorded AWS output (region dumps, inventories): where it is (an environment variable relative to
 * the working directory, else a default folder there; a folder given as an argument is taken as it is by the
 * callers) and its `*.json` files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { displayPath } from "./input/load";

export interface JsonFolder {
  readonly dir: string;
  readonly shown: string;
  /** The folder was named (argument or environment variable), not the default. */
  readonly named: boolean;
  readonly missing?: boolean;
  /** Why it could not be listed (other than not existing). */
  readonly listError?: string;
}

/** The folder: `env[variable]` (relative to cwd), else `<cwd>/<fallback>`. */
export function jsonFolderPath(opts: { env: NodeJS.ProcessEnv; variable: string; fallback: string; cwd?: string }): {
  dir: string;
  named: boolean;
} {
  const cwd = opts.cwd ?? process.cwd();
  const fromEnv = opts.env[opts.variable];
  if (fromEnv && fromEnv.trim() !== "") return { dir: path.resolve(cwd, fromEnv), named: true };
  return { dir: path.join(cwd, opts.fallback), named: false };
}

/** Lists the `*.json` files of a folder, sorted; a folder that is missing or unreadable is recorded, not thrown. */
export function listJsonFolder(opts: { dir: string; named: boolean }): { folder: JsonFolder; files: string[] } {
  const folder = { dir: opts.dir, shown: displayPath(opts.dir), named: opts.named };
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(opts.dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { folder: { ...folder, missing: true }, files: [] };
    return { folder: { ...folder, listError: (e as Error).message }, files: [] };
  }
  const files = entries
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith(".json"))
    .map((d) => path.join(opts.dir, d.name))
    .sort();
  return { folder, files };
}
