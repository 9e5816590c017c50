/** `vpce atlantis`: the repo config's structure, parsed back with the yaml package. */
import * as path from "node:path";
import { parse } from "yaml";
import { ROOT, tmpDir } from "../helpers";
import { vpce } from "./run";

interface Project {
  name: string;
  dir: string;
  workflow: string;
  autoplan: { enabled: boolean; when_modified: string[] };
}

test("version 3, one project per stack in its folder, the vpce workflow synthesizing before init and plan", () => {
  const r = vpce(["atlantis"]);
  expect(r.code).toBe(0);
  const config = parse(r.out) as { version: number; projects: Project[]; workflows: Record<string, unknown> };
  expect(config.version).toBe(3);
  const stacks = JSON.parse(vpce(["stacks", "--json"]).out) as { stack: string; dir: string; spec: string }[];
  expect(config.projects.map((p) => [p.name, p.dir, p.workflow])).toEqual(stacks.map((s) => [s.stack, s.dir, "vpce"]));
  expect(config.workflows).toEqual({
    vpce: {
      plan: {
        steps: [
          { run: "cd ../../.. && npm ci --no-audit --no-fund && npx vpce synth --out cdktf.out" },
          "init",
          "plan",
        ],
      },
      apply: { steps: ["apply"] },
    },
  });
  // the run step starts in the project dir: its cd reaches the root, where cdktf.json is
  expect(path.resolve(ROOT, config.projects[0].dir, "../../..")).toBe(ROOT);
});

test("autoplan when the spec, its policy files, its region dump or inventories or cdktf.json change", () => {
  const config = parse(vpce(["atlantis", "--out", "build/tf"]).out) as { projects: Project[]; workflows: object };
  const byName = Object.fromEntries(config.projects.map((p) => [p.name, p]));
  expect(byName["analytics-s3"].dir).toBe("build/tf/stacks/analytics-s3");
  expect(byName["analytics-s3"].autoplan).toEqual({
    enabled: true,
    when_modified: [
      "../../../../specs/onprem-s3.yaml",
      "../../../../specs/policies/s3-analytics-buckets.json",
      "../../../../catalog/eu-west-1.json",
      "../../../../inventory/444455556666-eu-west-1.json",
      "../../../../inventory/eu-west-1.json",
      "../../../../cdktf.json",
    ],
  });
  // relative to the project dir; the dump and inventories whether they exist yet or not (one added changes the plan)
  for (const p of config.projects) {
    for (const f of p.autoplan.when_modified)
      expect(path.relative(ROOT, path.resolve(ROOT, p.dir, f))).toMatch(
        /^(specs\/.*\.(yaml|json)|catalog\/[a-z0-9-]+\.json|inventory\/(\d{12}-)?[a-z0-9-]+\.json|cdktf\.json)$/,
      );
  }
  expect(JSON.stringify(config.workflows)).toContain("npx vpce synth --out build/tf");
});

test("an invalid spec: exit 1 and no config", () => {
  const r = vpce(["atlantis", "--specs", path.join(ROOT, "__tests__", "no-such-folder")]);
  expect(r.code).toBe(1);
  expect(r.out).toBe("");
});

test("VPCE_CATALOG and VPCE_INVENTORY move the dump and inventory paths, as synth reads them", () => {
  const dumps = tmpDir();
  const inventories = tmpDir();
  const r = vpce(["atlantis"], { env: { VPCE_CATALOG: dumps, VPCE_INVENTORY: inventories } });
  expect(r.code).toBe(0);
  const project = (parse(r.out) as { projects: Project[] }).projects[0];
  const paths = project.autoplan.when_modified.map((f) => path.resolve(ROOT, project.dir, f));
  expect(paths).toContain(path.join(dumps, "eu-west-1.json"));
  expect(paths.filter((p) => p.startsWith(inventories + path.sep))).toHaveLength(2);
  // and the synth step reads the folders it watches
  const steps = JSON.stringify((parse(r.out) as { workflows: object }).workflows);
  expect(steps).toContain(`VPCE_CATALOG=${dumps} VPCE_INVENTORY=${inventories} npx vpce synth --out cdktf.out`);
  expect(
    paths.some((p) => p.startsWith(path.join(ROOT, "catalog")) || p.startsWith(path.join(ROOT, "inventory"))),
  ).toBe(false);
});

test("--specs and a folder name that needs quoting reach the synth step as given", () => {
  const r = vpce(["atlantis", "--specs", "specs"], { env: { VPCE_POLICY_DIRS: "shared policies" } });
  expect(r.code).toBe(0);
  const steps = JSON.stringify((parse(r.out) as { workflows: object }).workflows);
  expect(steps).toContain("VPCE_POLICY_DIRS='shared policies' npx vpce synth --specs specs --out cdktf.out");
});
