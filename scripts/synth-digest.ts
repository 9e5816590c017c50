/**
 * Byte-identity check for refactors: synthesizes the example specs, the test
 * fixtures and N generated spec folders (fixed fast-check seed) and prints one
 * sha256 per folder plus a total. Run before and after a change and compare:
 *   npx ts-node --transpile-only scripts/synth-digest.ts [N] > before.txt
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { synthToDir } from "../src/constructs/synth";
import { runPipeline } from "../src/pipeline";
import { specSetArb, writeSet } from "../__tests__/property/arbitraries";

const ROOT = path.resolve(__dirname, "..");
const count = Number(process.argv[2] ?? 300);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vpce-digest-"));
const emptyDumps = fs.mkdtempSync(path.join(os.tmpdir(), "vpce-digest-dumps-"));

function treeDigest(dir: string): string {
  const h = createHash("sha256");
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === "cdk.tf.json") h.update(path.relative(dir, full)).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return h.digest("hex");
}

function digestOf(specs: string, dumps: string, label: string): string {
  const out = path.join(work, "out", label.replace(/[^a-z0-9]/gi, "_"));
  const r = runPipeline(specs, { dumpDir: dumps });
  const diags = r.diagnostics.map((d) => `${d.code}@${d.pos?.line}:${d.pos?.col}:${d.path}:${d.message}`).join("\n");
  if (!r.plan) return `${label} INVALID ${createHash("sha256").update(diags).digest("hex")}`;
  synthToDir(r.plan, out);
  return `${label} ${treeDigest(out)} diags=${createHash("sha256").update(diags).digest("hex").slice(0, 16)}`;
}

const lines: string[] = [];
lines.push(digestOf(path.join(ROOT, "specs"), emptyDumps, "examples"));
lines.push(digestOf(path.join(ROOT, "__tests__/fixtures/valid"), emptyDumps, "fixtures"));
lines.push(
  digestOf(path.join(ROOT, "specs"), path.join(ROOT, "__tests__/region-dumps/fixtures/dumps"), "examples-with-dumps"),
);
const sets = fc.sample(specSetArb, { seed: 20261127, numRuns: count });
sets.forEach((set, i) => {
  const dir = path.join(work, "in", String(i));
  fs.mkdirSync(dir, { recursive: true });
  writeSet(dir, set);
  lines.push(digestOf(dir, emptyDumps, `gen${i}`));
});
const total = createHash("sha256").update(lines.join("\n")).digest("hex");
console.log(lines.join("\n"));
console.log(`TOTAL ${total} (${lines.length} folders)`);
fs.rmSync(work, { recursive: true, force: true });
