/** Copies a specs folder with every list and mapping of every spec reversed. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { tmpDir } from "./helpers";

function reverseDeep(x: unknown): unknown {
  if (Array.isArray(x)) return [...x].reverse().map(reverseDeep);
  if (x && typeof x === "object")
    return Object.fromEntries(
      Object.entries(x)
        .reverse()
        .map(([k, v]) => [k, reverseDeep(v)]),
    );
  return x;
}

export function reversedCopy(dir: string): string {
  const out = tmpDir("vpce-reordered-");
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        fs.mkdirSync(path.join(out, r), { recursive: true });
        walk(r);
      } else if (/\.ya?ml$/.test(e.name)) {
        fs.writeFileSync(path.join(out, r), stringify(reverseDeep(parse(fs.readFileSync(path.join(dir, r), "utf8")))));
      } else fs.copyFileSync(path.join(dir, r), path.join(out, r));
    }
  };
  walk("");
  return out;
}

/** Every file below dir, relative path -> content. */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else files[r] = fs.readFileSync(path.join(dir, r), "utf8");
    }
  };
  walk("");
  return files;
}

/**
 * An output folder's files as readTree reads them, the spec cache (<out>/.vpce/spec-cache.json) parsed and without
 * its time (readAt: when the run began to read the specs): two synths of the same specs run at two times, and
 * nothing else differs. `otherCode`: the two ran vpce's code as two builds (the CLI's bundle, dist/src), whose
 * caches are keyed apart (src/input/spec-cache.ts, toolDigest): the key is left out too.
 */
export function outputTree(dir: string, opts: { otherCode?: boolean } = {}): Record<string, unknown> {
  const tree: Record<string, unknown> = readTree(dir);
  const cache = path.join(".vpce", "spec-cache.json");
  if (typeof tree[cache] !== "string") return tree;
  const { readAt, key, ...rest } = JSON.parse(tree[cache] as string);
  if (typeof readAt !== "number") throw new Error(`${dir}: the spec cache has no readAt`);
  return { ...tree, [cache]: opts.otherCode ? rest : { key, ...rest } };
}
