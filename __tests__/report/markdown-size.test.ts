/**
 * A large organisation stays under GitHub's comment limit by leaving out whole
 * parts (diagrams first, then endpoint tables, then diagnostics past the first
 * ones), never by cutting one; every VPC and every code with its count stays.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { runPipeline } from "../../src/pipeline";
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from "../../src/report/markdown";
import { tmpDir } from "../helpers";
import { bytes, diagramsOf, parseDiagrams, tablesOf } from "./markdown-support";

// The benchmark's generator is a CommonJS script; it has no types.
const { writeSpecs } = createRequire(__filename)("../../scripts/bench/specs.js") as {
  writeSpecs: (o: { dir: string; vpcs: number }) => string;
};

/**
 * 40 VPCs in 4 files, 12 subnets each, 20 services per subnet (the benchmark's organisation), with warnings
 * added: bench-0 keeps the full-access default (FULL_ACCESS_POLICY), and in bench-1 half the subnets of each
 * VPC do not ask for kms, which private DNS then captures (PRIVATE_DNS_CAPTURE).
 */
function organisation(): string {
  const dir = writeSpecs({ dir: tmpDir("vpce-md-org-"), vpcs: 40 });
  const edit = (file: string, change: (spec: any) => void) => {
    const spec = parse(fs.readFileSync(path.join(dir, file), "utf8"));
    change(spec);
    fs.writeFileSync(path.join(dir, file), stringify(spec));
  };
  edit("bench-0.yaml", (spec) => delete spec.defaults);
  edit("bench-1.yaml", (spec) => {
    for (const vpc of spec.vpcs)
      for (const s of vpc.subnets.slice(0, 6)) s.services = s.services.filter((x: string) => x !== "kms");
  });
  return dir;
}

const org = runPipeline(organisation());
const plan = org.plan!;
const vpcs = plan.stacks.flatMap((s) => s.vpcs);
const md = renderMarkdown({ plan, diagnostics: org.diagnostics, gbPerMonth: 250 });

/** The VPCs whose endpoint table the comment holds, by name. */
function withTables(text: string): string[] {
  return [...text.matchAll(/^<details><summary><b>([^<]+)<\/b>/gm)].map((m) => m[1]);
}

/** Every table whole: each row has its header's cells; each VPC's table one row per endpoint. */
function expectWholeTables(text: string): void {
  for (const t of tablesOf(text)) for (const r of t) expect(r).toHaveLength(t[0].length);
  for (const name of withTables(text)) {
    const vpc = vpcs.find((v) => v.name === name)!;
    const table = tablesOf(text.slice(text.indexOf(`<summary><b>${name}</b>`)))[0];
    expect(table.slice(2).map((r) => r[0])).toEqual(vpc.endpoints.map((e) => `\`${e.service}\``));
  }
  expect(text.match(/<details>/g)?.length).toBe(text.match(/<\/details>/g)?.length);
  expect(text.match(/^```mermaid$/gm)?.length ?? 0).toBe(diagramsOf(text).length);
}

test("the organisation: 40 VPCs, 800 endpoints, four warning codes", () => {
  expect(vpcs).toHaveLength(40);
  expect(vpcs.reduce((n, v) => n + v.endpoints.length, 0)).toBe(800);
  expect(new Set(org.diagnostics.map((d) => d.code))).toEqual(
    new Set(["FULL_ACCESS_POLICY", "GATEWAY_QUOTA", "LOCAL_STATE", "PRIVATE_DNS_CAPTURE"]),
  );
});

test("stays under 65,536 characters, whole tables only, every VPC in the totals", () => {
  expect(bytes(md)).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  expectWholeTables(md);
  const totals = tablesOf(md)[0];
  expect(totals.slice(2).map((r) => r[1].split(" ")[0])).toEqual(vpcs.map((v) => v.name));
  // room for some endpoint tables, not for all
  const shown = withTables(md);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(40);
  expect(md).toContain(
    `**Left out** to stay under GitHub's 65,536-character comment limit: the endpoint tables and diagrams of ` +
      `${40 - shown.length} VPCs; the diagrams of ${shown.length} more VPCs.`,
  );
});

test("every code with its count, and every diagnostic listed: endpoint tables go before diagnostics do", () => {
  const counts = new Map<string, number>();
  for (const d of org.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  const line = md.split("\n").find((l) => l.startsWith(`**${org.diagnostics.length} warnings**: `))!;
  expect(line).toBe(
    `**${org.diagnostics.length} warnings**: ` +
      [...counts]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([c, n]) => `\`${c}\` ${n}`)
        .join(", "),
  );
  expect(md.match(/^- warning \*\*`/gm)).toHaveLength(org.diagnostics.length);
});

test("with room for everything: every table and diagram, and the diagrams parse", () => {
  const all = renderMarkdown({ plan, diagnostics: org.diagnostics, gbPerMonth: 250, limit: 10_000_000 });
  expect(withTables(all)).toEqual(vpcs.map((v) => v.name));
  const diagrams = diagramsOf(all);
  expect(diagrams).toHaveLength(40);
  expectWholeTables(all);
  expect(all).not.toContain("Left out");
  const parsed = parseDiagrams(diagrams);
  expect(parsed.errors).toEqual(diagrams.map(() => null));

  // one byte short of everything: a diagram goes, every table stays
  const short = renderMarkdown({ plan, diagnostics: org.diagnostics, gbPerMonth: 250, limit: bytes(all) - 1 });
  expect(bytes(short)).toBeLessThan(bytes(all));
  expect(withTables(short)).toHaveLength(40);
  expect(diagramsOf(short)).toHaveLength(39);
  expect(short).toContain("limit: the diagrams of 1 more VPC.");
});

test("tighter limits: tables go before diagnostics; then per-stack totals; then the summary alone", () => {
  const noTables = renderMarkdown({ plan, diagnostics: org.diagnostics, gbPerMonth: 0, limit: 12_000 });
  expect(bytes(noTables)).toBeLessThanOrEqual(12_000);
  expect(withTables(noTables)).toEqual([]);
  expect(noTables.match(/^- warning /gm)!.length).toBeGreaterThan(0);
  expectWholeTables(noTables);

  const stacks = renderMarkdown({ plan, diagnostics: org.diagnostics, gbPerMonth: 0, limit: 3_000 });
  expect(bytes(stacks)).toBeLessThanOrEqual(3_000);
  const totals = tablesOf(stacks)[0];
  expect(totals[0][0]).toBe("stack");
  expect(totals.slice(2).map((r) => [r[0], r[2]])).toEqual(plan.stacks.map((s) => [s.stack, "10"]));
  expect(stacks).toContain("limit: the totals per VPC (per stack instead); the endpoint tables");
  expectWholeTables(stacks);

  const bare = renderMarkdown({ plan, diagnostics: org.diagnostics, gbPerMonth: 0, limit: 1_200 });
  expect(bytes(bare)).toBeLessThanOrEqual(1_200);
  expect(tablesOf(bare)).toEqual([]);
  expect(bare).toContain("limit: the totals per VPC and per stack; the endpoint tables and diagrams of 40 VPCs;");
  for (const code of new Set(org.diagnostics.map((d) => d.code))) expect(bare).toContain(`\`${code}\``);
});
