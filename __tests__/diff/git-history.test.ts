/**
 * `vpce diff --base REF` on a real git repository with a history: each commit changes the specs one way (a
 * service added, one removed, a policy changed, renames with and without renamedFrom, a spec file renamed, a
 * change that replaces an endpoint), and the working tree, checked out at a later commit, is compared with an
 * earlier one. The diff reads the ref through git and leaves the working tree, index and HEAD as they were.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { vpce } from "../cli/run";
import { tmpDir } from "../helpers";
import { baseSpec, type SpecDoc } from "../rules/support";

const repo = tmpDir("vpce-diff-repo-");
const specs = path.join(repo, "specs");
const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" }).trim();

/** The base spec without a stack field: its stack is named after its file, and so is its (default) state file. */
function app(edit: (s: SpecDoc) => void = () => undefined): SpecDoc {
  const s = baseSpec();
  delete s.stack;
  edit(s);
  return s;
}

const commits: Record<string, string> = {};
function commit(name: string, files: Record<string, SpecDoc | string | null>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(specs, rel);
    if (content === null) fs.rmSync(p);
    else {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, typeof content === "string" ? content : stringify(content));
    }
  }
  git("add", "-A");
  git("commit", "-q", "-m", name);
  commits[name] = git("rev-parse", "HEAD");
}

/** `vpce diff` with the working tree at `at`, against `base`. */
function diffAt(opts: { at: string; base: string; format?: string }) {
  git("checkout", "-q", commits[opts.at]);
  const r = vpce(["diff", "--specs", specs, "--base", commits[opts.base], "--format", opts.format ?? "json"]);
  if (r.code !== 0 && r.code !== 4) throw new Error(`vpce diff exited ${r.code}:\n${r.err}`);
  return { ...r, json: opts.format === undefined || opts.format === "json" ? JSON.parse(r.out || "{}") : undefined };
}

interface J {
  stacks: Array<{
    stack: string;
    status: string;
    renamedFrom?: string;
    endpoints: Array<{
      address: string;
      status: string;
      movedFrom?: string;
      changes: Array<{ category: string; kind: string; what: string; before?: string; after?: string }>;
      outages: Array<{ resource: string; action: string; subnets: string[] }>;
      suggestions: string[];
    }>;
  }>;
  outages: number;
}

beforeAll(() => {
  git("init", "-q");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  git("config", "commit.gpgsign", "false");
  commit("start", { "app.yaml": app(), "policies/kms.json": '{"Statement":[]}\n' });
  commit("add-kms", { "app.yaml": app((s) => s.vpcs[0].subnets[0].services.push("kms")) });
  commit("kms-policy", {
    "app.yaml": app((s) => {
      s.vpcs[0].subnets[0].services.push("kms");
      s.vpcs[0].endpoints = { kms: { policy: "policies/kms.json" } };
    }),
    "policies/kms.json": JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }],
    }),
  });
  commit("policy-edit", {
    "policies/kms.json": JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: "*", Action: ["kms:Decrypt", "kms:Encrypt"], Resource: "*" }],
    }),
  });
  commit("remove-kms", { "app.yaml": app() });
  commit("rename-vpc-declared", {
    "app.yaml": app((s) => {
      s.vpcs[0].name = "apps";
      s.vpcs[0].renamedFrom = "main";
    }),
  });
  commit("rename-subnet-undeclared", {
    "app.yaml": app((s) => {
      s.vpcs[0].name = "apps";
      s.vpcs[0].renamedFrom = "main";
      s.vpcs[0].subnets[0].name = "web-a";
    }),
  });
  commit("s3-interface", {
    "app.yaml": app((s) => {
      s.vpcs[0].name = "apps";
      s.vpcs[0].subnets[0].name = "web-a";
      s.vpcs[0].endpoints = { s3: { type: "interface" } };
    }),
  });
  commit("rename-file", {
    "app.yaml": null,
    "platform.yaml": app((s) => {
      s.vpcs[0].name = "apps";
      s.vpcs[0].subnets[0].name = "web-a";
      s.vpcs[0].endpoints = { s3: { type: "interface" } };
    }),
  });
  commit("broken", { "platform.yaml": "version: 1\nregion: nowhere-1\nvpcs: []\n" });
  commit("fixed", { "platform.yaml": app() });
}, 60_000);

afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

test("no change: exit 0, and the diff says so", () => {
  const r = diffAt({ at: "start", base: "start" });
  expect(r.code).toBe(0);
  expect(r.json.changed).toBe(false);
  expect(r.err).toContain("no change");
});

test("a service added: one added endpoint with its rules, exit 4, no outage", () => {
  const r = diffAt({ at: "add-kms", base: "start" });
  expect(r.code).toBe(4);
  const j = r.json as J;
  const eps = j.stacks[0].endpoints.filter((e) => e.status !== "unchanged");
  expect(eps.map((e) => [e.address, e.status])).toEqual([["main_kms", "added"]]);
  expect(j.outages).toBe(0);
});

test("a policy file set, then edited: a policy change, read from the ref's own policy file", () => {
  const set = diffAt({ at: "kms-policy", base: "add-kms" }).json as J;
  const kms = set.stacks[0].endpoints.find((e) => e.address === "main_kms");
  expect(kms?.changes.map((c) => c.category)).toEqual(["policy"]);
  const edited = diffAt({ at: "policy-edit", base: "kms-policy" }).json as J;
  const change = edited.stacks[0].endpoints.find((e) => e.address === "main_kms")?.changes[0];
  expect(change?.category).toBe("policy");
  expect(change?.before).toContain('"kms:Decrypt"');
  expect(change?.after).toContain("kms:Encrypt");
});

test("a service removed: the endpoint is destroyed, loudly, with the subnets that lose it", () => {
  const j = diffAt({ at: "remove-kms", base: "policy-edit" }).json as J;
  const kms = j.stacks[0].endpoints.find((e) => e.address === "main_kms");
  expect(kms?.status).toBe("removed");
  expect(kms?.outages).toEqual([
    expect.objectContaining({ resource: "aws_vpc_endpoint.main_kms", action: "destroy", subnets: ["app-a"] }),
  ]);
});

test("a VPC renamed with renamedFrom: every endpoint moved, nothing destroyed", () => {
  const j = diffAt({ at: "rename-vpc-declared", base: "remove-kms" }).json as J;
  const eps = j.stacks[0].endpoints;
  expect(eps.map((e) => [e.address, e.movedFrom, e.status])).toEqual([
    ["apps_s3", "main_s3", "changed"],
    ["apps_ssm", "main_ssm", "changed"],
  ]);
  expect(j.outages).toBe(0);
});

test("a subnet renamed without renamedFrom: its rule is replaced, and the diff says which renamedFrom to add", () => {
  const j = diffAt({ at: "rename-subnet-undeclared", base: "rename-vpc-declared" }).json as J;
  const ssm = j.stacks[0].endpoints.find((e) => e.address === "apps_ssm");
  expect(ssm?.outages).toEqual([
    expect.objectContaining({ resource: "aws_vpc_security_group_ingress_rule.apps_ssm_app-a", subnets: ["app-a"] }),
  ]);
  expect(ssm?.suggestions).toEqual(["renamedFrom: app-a on subnet web-a of VPC apps"]);
});

test("a VPC rename undone in the spec (renamedFrom dropped too early) against the old name: destroys and hints", () => {
  const j = diffAt({ at: "s3-interface", base: "remove-kms" }).json as J;
  const gone = j.stacks[0].endpoints.filter((e) => e.status === "removed");
  expect(gone.map((e) => e.address)).toEqual(["main_s3", "main_ssm"]);
  expect(gone.find((e) => e.address === "main_ssm")?.suggestions).toContain("renamedFrom: main on VPC apps");
});

test("s3 from gateway to interface: Terraform replaces the endpoint (vpc_endpoint_type), route tables detach", () => {
  const j = diffAt({ at: "s3-interface", base: "rename-subnet-undeclared" }).json as J;
  const s3 = j.stacks[0].endpoints.find((e) => e.address === "apps_s3");
  expect(s3?.outages).toEqual([
    expect.objectContaining({ resource: "aws_vpc_endpoint.apps_s3", action: "replace", subnets: ["app-b", "web-a"] }),
  ]);
  expect(s3?.changes.filter((c) => c.category === "route-table").map((c) => c.kind)).toEqual(["removed", "removed"]);
});

test("a spec file renamed: a new stack (new state), everything destroyed in the old one and created in the new", () => {
  const j = diffAt({ at: "rename-file", base: "s3-interface" }).json as J;
  expect(j.stacks.map((s) => [s.stack, s.status, s.renamedFrom])).toEqual([
    ["app", "removed", undefined],
    ["platform", "added", "app"],
  ]);
  const old = j.stacks[0].endpoints;
  expect(old.every((e) => e.outages.length === 1 && e.outages[0].action === "destroy")).toBe(true);
  expect(j.outages).toBe(old.length);
  // a comment too small for every line: one line per stack, never a cut line
  const md = diffAt({ at: "rename-file", base: "s3-interface", format: "markdown" });
  const small = vpce([
    "diff",
    "--specs",
    specs,
    "--base",
    commits["s3-interface"],
    "--format",
    "markdown",
    "--max-chars",
    "1000",
  ]);
  expect(md.out).toContain("**Destroyed** app: aws\\_vpc\\_endpoint.apps\\_s3");
  expect(small.out).toContain("stacks' details left out to fit the comment");
  expect(small.out.length).toBeLessThanOrEqual(1000);
});

test("the three formats; the working tree, index and HEAD untouched by reading the ref", () => {
  git("checkout", "-q", commits["s3-interface"]);
  fs.appendFileSync(path.join(specs, "app.yaml"), "# an edit not committed\n");
  const status = git("status", "--porcelain");
  const head = git("rev-parse", "HEAD");
  const base = commits["rename-subnet-undeclared"];
  const table = vpce(["diff", "--specs", specs, "--base", base]);
  const markdown = vpce(["diff", "--specs", specs, "--base", base, "--format", "markdown"]);
  expect(git("status", "--porcelain")).toBe(status);
  expect(git("rev-parse", "HEAD")).toBe(head);
  git("checkout", "-q", "--", ".");
  expect([table.code, markdown.code]).toEqual([4, 4]);
  expect(table.out).toContain("!! REPLACE app: aws_vpc_endpoint.apps_s3 (vpc_endpoint_type changed)");
  expect(markdown.out.split("\n")[0]).toBe("<!-- vpce diff -->");
  expect(markdown.out).toContain("> [!CAUTION]");
  expect(markdown.out).toContain("hashicorp/aws 5.100.0");
  const stable = markdown.out.replaceAll(base, "BASE").replaceAll(base.slice(0, 12), "BASE").replaceAll(repo, "REPO");
  expect(stable).toMatchSnapshot();
});

test("usage errors: an unknown ref, a missing --base, --max-chars without markdown (exit 2)", () => {
  git("checkout", "-q", commits.start);
  const unknown = vpce(["diff", "--specs", specs, "--base", "no-such-branch"]);
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('unknown git ref "no-such-branch"');
  expect(vpce(["diff", "--specs", specs]).code).toBe(2);
  expect(vpce(["diff", "--specs", specs, "--base", "HEAD", "--max-chars", "5000"]).code).toBe(2);
  const outside = tmpDir("vpce-no-repo-");
  fs.writeFileSync(path.join(outside, "a.yaml"), stringify(app()));
  const noRepo = vpce(["diff", "--specs", outside, "--base", "HEAD"]);
  expect(noRepo.code).toBe(2);
  expect(noRepo.err).toContain("not inside a git repository");
});

test("an invalid spec in the working tree or at the ref: exit 1 with its diagnostics", () => {
  git("checkout", "-q", commits.start);
  fs.writeFileSync(path.join(specs, "bad.yaml"), "version: 1\nregion: nowhere-1\nvpcs: []\n");
  const head = vpce(["diff", "--specs", specs, "--base", commits.start]);
  fs.rmSync(path.join(specs, "bad.yaml"));
  expect(head.code).toBe(1);
  expect(head.err).toContain("in the specs of the working tree; no diff");
  git("checkout", "-q", commits.fixed);
  const base = vpce(["diff", "--specs", specs, "--base", commits.broken]);
  expect(base.code).toBe(1);
  expect(base.err).toContain(`${commits.broken}:specs/platform.yaml`);
  expect(base.err).toContain(`in the specs of ${commits.broken}; no diff`);
});
