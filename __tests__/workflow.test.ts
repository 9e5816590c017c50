/**
 * The GitHub Actions workflow (.github/workflows/vpce.yml), parsed with the yaml package: no
 * pull_request_target, least permissions per job, every action pinned to a commit, apply only on a push to
 * the default branch, and every command of its `run:` steps one that the tests run.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { vpce } from "./cli/run";
import { ROOT } from "./helpers";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  environment?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  strategy?: { matrix?: { include?: string } };
  steps: Step[];
}
const FILE = path.join(ROOT, ".github", "workflows", "vpce.yml");
const text = fs.readFileSync(FILE, "utf8");
const wf = parse(text) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, Job> };
const steps = Object.values(wf.jobs).flatMap((j) => j.steps);

test("triggers: pull_request and push to main; never pull_request_target or workflow_run", () => {
  expect(Object.keys(wf.on).sort()).toEqual(["pull_request", "push"]);
  expect(wf.on.push).toEqual({ branches: ["main"] });
  const code = text
    .split("\n")
    .filter((l) => !/^\s*#/.test(l))
    .join("\n");
  expect(code).not.toMatch(/pull_request_target|workflow_run/);
});

test("permissions: none at the top; each job only what it needs", () => {
  expect(wf.permissions).toEqual({});
  const perms = Object.fromEntries(Object.entries(wf.jobs).map(([name, j]) => [name, j.permissions]));
  expect(perms).toEqual({
    validate: { contents: "read" },
    comment: { "pull-requests": "write" },
    "terraform-plan": { contents: "read", "id-token": "write" },
    apply: { contents: "read", "id-token": "write" },
  });
  // the only job that may write to the pull request runs no code from it
  expect(wf.jobs.comment.steps.map((s) => s.uses?.split("@")[0])).toEqual(["actions/github-script"]);
  for (const s of steps)
    if (s.uses?.startsWith("actions/checkout@")) expect(s.with?.["persist-credentials"]).toBe(false);
});

test("every action is pinned to a full commit SHA with its version in a comment", () => {
  const uses = text.split("\n").filter((l) => /^\s*-?\s*uses:/.test(l));
  expect(uses.length).toBe(steps.filter((s) => s.uses).length);
  for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
});

test("apply runs only on a push to the default branch, in an environment, one stack at a time", () => {
  const apply = wf.jobs.apply;
  expect(apply.if).toBe(
    "github.event_name == 'push' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)",
  );
  expect(apply.environment).toBe("production");
  for (const [name, j] of Object.entries(wf.jobs)) {
    const applies = j.steps.some((s) => /\bterraform\b.*\bapply\b/.test(s.run ?? ""));
    expect({ name, applies }).toEqual({ name, applies: name === "apply" });
  }
  for (const name of ["comment", "terraform-plan"])
    expect(wf.jobs[name].if).toMatch(/^github.event_name == 'pull_request'/);
});

test("matrix jobs read vpce stacks --json; values from the pull request reach the shell only through env", () => {
  for (const name of ["terraform-plan", "apply"]) {
    expect(wf.jobs[name].strategy?.matrix?.include).toBe("${{ fromJSON(needs.validate.outputs.stacks) }}");
    expect(wf.jobs[name].env).toEqual({ SPEC: "${{ matrix.spec }}", STACK_DIR: "${{ matrix.dir }}" });
  }
  for (const s of steps) expect(s.run ?? "").not.toContain("${{");
  // the matrix keys the jobs use are fields of the rows
  const row = JSON.parse(vpce(["stacks", "--json"]).out)[0];
  for (const key of ["spec", "dir", "region"]) expect(row).toHaveProperty(key);
});

/** The commands of a run script: split at newlines, pipes and && (braces, echo and redirections dropped). */
function commands(script: string): string[] {
  return script
    .split(/\n|&&|\|\||;|\|/)
    .map((c) => c.replace(/>>?\s*"\$GITHUB_OUTPUT"/, "").replace(/^[\s{}]+|[\s{}]+$/g, ""))
    .filter((c) => c !== "" && !c.startsWith("echo "));
}

test("every run: command is one the tests run", () => {
  const all = steps.flatMap((s) => (s.run ? commands(s.run) : []));
  const vpceCommands = [...new Set(all.filter((c) => c.startsWith("npx vpce ")))];
  const other = [...new Set(all.filter((c) => !c.startsWith("npx vpce ")))].sort();
  expect(other).toEqual([
    // vpce diff's exit 4 (changes found) is a success; any other failure fails the step
    "[ $? -eq 4 ]",
    // what CI and every test run start with (package-lock.json)
    "npm ci --no-audit --no-fund",
    // terraform in a stack folder: init and plan as __tests__/terraform runs them; apply needs an AWS account
    'terraform -chdir="$STACK_DIR" apply -input=false tfplan',
    'terraform -chdir="$STACK_DIR" init -input=false',
    'terraform -chdir="$STACK_DIR" plan -input=false -lock=false',
    'terraform -chdir="$STACK_DIR" plan -input=false -out=tfplan',
  ]);
  expect(vpceCommands.sort()).toEqual([
    'npx vpce diff --base "$BASE_SHA" --format markdown --max-chars 16000',
    "npx vpce plan --format markdown --max-chars 49000",
    "npx vpce stacks --json",
    'npx vpce synth --specs "$SPEC"',
    "npx vpce validate",
  ]);
  // each vpce command runs here, on the examples, and succeeds ($SPEC: a spec file of the matrix; $BASE_SHA: this
  // repository's HEAD, so the diff holds only what the working tree changes: exit 0, or 4 for changes found)
  const spec = JSON.parse(vpce(["stacks", "--json"]).out)[0].spec as string;
  for (const c of vpceCommands) {
    const args = c
      .replace(/^npx vpce /, "")
      .replace('"$SPEC"', spec)
      .replace('"$BASE_SHA"', "HEAD")
      .split(" ");
    if (args[0] === "synth") args.push("--out", fs.mkdtempSync(path.join(os.tmpdir(), "vpce-wf-")));
    const r = vpce(args);
    const code = args[0] === "diff" && r.code === 4 ? 0 : r.code;
    expect({ c, code, err: r.code === 0 || code === 0 ? "" : r.err }).toEqual({ c, code: 0, err: "" });
    if (args.includes("--max-chars")) expect(r.out.length).toBeLessThanOrEqual(Number(args.at(-1)));
  }
  // the comment the comment job posts: the diff and the plan together stay under GitHub's limit
  expect(16000 + 49000 + "<!-- vpce-plan -->\n\n\n".length).toBeLessThan(65_536);
});
