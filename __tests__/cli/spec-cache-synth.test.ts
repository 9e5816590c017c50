/**
 * The spec cache against no cache: `vpce synth --changed-since HEAD` reading the cache a full synth wrote must print
 * the same findings and write the same files (the cache included) as the same command with --no-cache, whatever
 * changed: a stack alone, a spoke, a hub, a duplicate id or stack name, a hub gone or renamed, a policy file, a YAML
 * error, the region dumps. Each case also checks how many specs the cache spared, so none passes by loading all.
 * The organisation: a hub with two spokes, a hub of its own with one spoke, a stack alone, g00..g10 crossing the
 * region's gateway quota at g08 (scopedOrganisation); g02 reads policies/s3.json.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { git, tmpDir, writeTree } from "../helpers";
import { scopedOrganisation } from "../hub-support";
import { outputTree, readTree } from "../reorder";
import { vpce } from "./run";

const POLICY = (action: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: action, Resource: "arn:aws:s3:::acme-*/*" }],
  });

const REUSED = /^vpce: (\d+) of \d+ spec\(s\) unchanged since the spec cache .*$/;
const STALE = /^vpce: the spec cache .* (was written by another vpce|cannot be read).*$/;

interface Case {
  name: string;
  /** Changes to the specs folder after the full synth. */
  change: (specs: string) => void;
  /** Changes to the region dumps folder after the full synth. */
  changeDumps?: (dumps: string) => void;
  /** Extra arguments (default --changed-since HEAD). */
  args?: string[];
  /** How many specs the cached run did not load (undefined: it printed no such line). */
  reused?: number;
  code: number;
  /** Text the findings must hold (the point of the case). */
  says?: RegExp[];
}

const specFile = (specs: string, name: string) => path.join(specs, name);
const rewrite = (file: string, from: string | RegExp, to: string) => {
  const text = fs.readFileSync(file, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  fs.writeFileSync(file, next);
};

// 17 specs: network-hub, a-orders, payments, alone, edge-hub, edge-spoke, g00..g10, and the new ones some cases add
const cases: Case[] = [
  {
    name: "a stack without relations: 16 specs spared; the quota crossed at g08 (cached) is still reported",
    change: (d) => rewrite(specFile(d, "g03.yaml"), "- ssm", "- sts"),
    reused: 16,
    code: 0,
    says: [/GATEWAY_QUOTA/, /stack g03 selected/],
  },
  {
    name: "a spoke: its hub is planned, and the hub's other spoke loaded (not planned)",
    change: (d) => rewrite(specFile(d, "a-orders.yaml"), "- kms", "- sts"),
    reused: 14,
    code: 0,
    says: [/stack network-hub selected: hub of a-orders/],
  },
  {
    name: "a hub: every spoke planned",
    change: (d) => rewrite(specFile(d, "network-hub.yaml"), "- sts", "- sqs"),
    reused: 14,
    code: 0,
    says: [/stack payments selected/, /stack a-orders selected/],
  },
  {
    name: "a spoke leaves its hub: the hub it named at the ref is planned",
    change: (d) => rewrite(specFile(d, "a-orders.yaml"), /\n\s*useHub: network-hub\/endpoints/, ""),
    reused: 14,
    code: 0,
    says: [/stack network-hub selected: \S*a-orders\.yaml named it as hub at HEAD/],
  },
  {
    name: "a spoke's spec deleted: the hub it named at the ref is planned",
    change: (d) => fs.rmSync(specFile(d, "payments.yaml")),
    reused: 14,
    code: 0,
    says: [/stack network-hub selected: \S*payments\.yaml named it as hub at HEAD/],
  },
  {
    name: "a new spec describing a cached stack's VPC: the duplicate is found",
    change: (d) =>
      fs.writeFileSync(
        specFile(d, "zz-copy.yaml"),
        fs.readFileSync(specFile(d, "g04.yaml"), "utf8").replace("stack: g04", "stack: zz-copy"),
      ),
    reused: 16,
    code: 1,
    says: [/DUPLICATE_ID/],
  },
  {
    name: "a new spec naming a cached stack in other case: the duplicate stack is found",
    // g01's spec with other ids and blocks: only the stack name meets another
    change: (d) =>
      fs.writeFileSync(
        specFile(d, "zz-g05.yaml"),
        fs
          .readFileSync(specFile(d, "g01.yaml"), "utf8")
          .replace("stack: g01", "stack: G05")
          .replace(/(vpc|subnet|rtb)-65/g, "$1-f5")
          .replace(/10\.101\./g, "10.201."),
      ),
    reused: 16,
    code: 1,
    says: [/DUPLICATE_STACK/],
  },
  {
    name: "the hub's spec deleted: its spokes name a hub that is gone (every spec loaded)",
    change: (d) => fs.rmSync(specFile(d, "network-hub.yaml")),
    // the spokes' error suggests every stack's name: every spec is loaded
    reused: undefined,
    code: 1,
    says: [/HUB_NOT_FOUND/],
  },
  {
    name: "the hub's stack renamed: its spokes name a hub that is gone (every spec loaded)",
    change: (d) => rewrite(specFile(d, "network-hub.yaml"), "stack: network-hub", "stack: core-hub"),
    // the spokes' error suggests every stack's name: every spec is loaded
    reused: undefined,
    code: 1,
    says: [/HUB_NOT_FOUND/],
  },
  {
    name: "a new spoke naming a hub with a typo: the error suggests the cached hub's name",
    change: (d) =>
      fs.writeFileSync(
        specFile(d, "zz-spoke.yaml"),
        fs
          .readFileSync(specFile(d, "a-orders.yaml"), "utf8")
          .replace("stack: a-orders", "stack: zz-spoke")
          .replace("network-hub/endpoints", "network-hubb/endpoints")
          .replace(/(vpc|subnet|rtb)-1e/g, "$1-f7")
          .replace(/10\.30\./g, "10.207."),
      ),
    code: 1,
    says: [/HUB_NOT_FOUND.*Did you mean "network-hub"/],
  },
  {
    name: "a policy file: the stack reading it is planned, its entry not used",
    change: (d) => fs.writeFileSync(path.join(d, "policies", "s3.json"), POLICY("s3:PutObject")),
    reused: 16,
    code: 0,
    says: [/stack g02 selected: .*policies\/s3\.json changed/],
  },
  {
    name: "a YAML error: every spec loaded, the same findings",
    change: (d) => fs.appendFileSync(specFile(d, "g06.yaml"), "vpcs: [\n"),
    code: 1,
    says: [/error/],
  },
  {
    name: "a region dump added: the cache is stale, every spec loaded",
    change: () => undefined,
    changeDumps: (dumps) => fs.writeFileSync(path.join(dumps, "eu-central-1.json"), "{}"),
    code: 1,
    says: [/was written by another vpce, or with other region dumps or folders/],
  },
  {
    name: "--stack: the named stack and its hub planned, the rest spared",
    change: () => undefined,
    args: ["--stack", "edge-spoke"],
    reused: 15,
    code: 0,
    says: [/stack edge-hub selected/],
  },
];

function organisationFiles(): Record<string, string> {
  const files = scopedOrganisation({
    "g02.yaml": (s) => (s.vpcs[0].endpoints = { s3: { policy: "policies/s3.json" } }),
  });
  return { ...files, "policies/s3.json": POLICY("s3:GetObject") };
}

describe("synth --changed-since with the spec cache: the findings and files of a run without it", () => {
  // every case's specs written and committed, then 2 s waited once: older than that when the cache is written, the
  // unchanged specs are known by their status (SpecCache.unchanged), as in a working copy used again
  const repos: string[] = [];
  beforeAll(async () => {
    for (const _ of cases) {
      const specs = writeTree(organisationFiles());
      git(specs, "init", "-q");
      git(specs, "add", ".");
      git(specs, "commit", "-q", "-m", "organisation");
      repos.push(specs);
    }
    await new Promise((resolve) => setTimeout(resolve, 2100));
  });

  test.each(cases.map((c, i) => ({ ...c, i })))("$name", ({ change, changeDumps, args, reused, code, says, i }) => {
    const specs = repos[i];
    const dumps = tmpDir();
    const env = { VPCE_CATALOG: dumps };
    const out = path.join(tmpDir(), "out");
    const full = vpce(["synth", "--specs", specs, "--out", out], { env });
    expect(full.err).not.toMatch(REUSED);
    expect(full.code).toBe(0);
    expect(fs.existsSync(path.join(out, ".vpce", "spec-cache.json"))).toBe(true);
    change(specs);
    changeDumps?.(dumps);
    const other = path.join(tmpDir(), "out");
    fs.cpSync(out, other, { recursive: true });
    const select = args ?? ["--changed-since", "HEAD"];
    const cached = vpce(["synth", "--specs", specs, "--out", out, ...select], { env });
    const fresh = vpce(["synth", "--specs", specs, "--out", other, "--no-cache", ...select], { env });
    const lines = (err: string) => err.split("\n").filter((l) => !REUSED.test(l) && !STALE.test(l));
    expect(lines(cached.err)).toEqual(lines(fresh.err.split(other).join(out)));
    expect(cached.code).toBe(fresh.code);
    expect(cached.code).toBe(code);
    expect(cached.err.match(new RegExp(REUSED.source, "m"))?.[1]).toBe(reused?.toString());
    expect(fresh.err).not.toMatch(new RegExp(REUSED.source, "m"));
    for (const re of says ?? []) expect(cached.err).toMatch(re);
    // the stacks and the cache written anew: the same bytes (the cache only when both runs wrote one)
    if (code === 0) expect(outputTree(out)).toEqual(outputTree(other));
    else expect(readTree(out)).toEqual(readTree(other));
  });
});
