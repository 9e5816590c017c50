/** The selection of `vpce synth --stack / --changed-since` as pure functions: seeds, relations, changed files. */
import * as path from "node:path";
import {
  formerHubs,
  selectStacks,
  stackInputs,
  stacksOfChangedFiles,
  type StackRelation,
} from "../../src/cli/select-stacks";
import type { SpecModel } from "../../src/input/spec-model";
import { specSummary } from "../../src/input/spec-summary";

const rel = (stack: string, dependsOn: string, reason = `uses ${dependsOn}`): StackRelation => ({
  stack,
  dependsOn,
  reason,
});

describe("selectStacks: the seeds and every stack depending on one of them", () => {
  const cases: Array<{ name: string; seeds: string[]; relations: StackRelation[]; selected: string[] }> = [
    { name: "no relations: the seeds alone", seeds: ["b", "a"], relations: [], selected: ["a", "b"] },
    { name: "nothing asked: nothing selected", seeds: [], relations: [rel("spoke", "hub")], selected: [] },
    {
      name: "a hub's change selects its spoke",
      seeds: ["hub"],
      relations: [rel("spoke", "hub")],
      selected: ["hub", "spoke"],
    },
    {
      name: "a spoke's change alone leaves the hub when the hub does not depend on it",
      seeds: ["spoke"],
      relations: [rel("spoke", "hub")],
      selected: ["spoke"],
    },
    {
      name: "both ways (spoke reads hub, hub admits spoke): one spoke selects the hub, not the other spoke",
      seeds: ["spoke-a"],
      relations: [rel("spoke-a", "hub"), rel("hub", "spoke-a"), rel("spoke-b", "hub"), rel("hub", "spoke-b")],
      selected: ["hub", "spoke-a"],
    },
    {
      name: "direct dependents only: c depends on b's spec, which did not change",
      seeds: ["a"],
      relations: [rel("b", "a"), rel("c", "b"), rel("a", "c"), rel("x", "y")],
      selected: ["a", "b"],
    },
    { name: "a stack related to itself adds nothing", seeds: ["a"], relations: [rel("a", "a")], selected: ["a"] },
    {
      name: "relations of unselected stacks stay out",
      seeds: ["a"],
      relations: [rel("d", "c"), rel("c", "d")],
      selected: ["a"],
    },
  ];
  test.each(cases)("$name", ({ seeds, relations, selected }) => {
    const r = selectStacks({ seeds: new Map(seeds.map((s) => [s, "named"])), relations });
    expect(r.map((s) => s.stack)).toEqual(selected);
  });

  test("each selected stack says why: its seed reason, or the relation that pulled it in", () => {
    const r = selectStacks({
      seeds: new Map([["hub", "named by --stack"]]),
      relations: [rel("spoke", "hub", "uses hub vpc hub/main")],
    });
    expect(r).toEqual([
      { stack: "hub", why: "named by --stack" },
      { stack: "spoke", why: "uses hub vpc hub/main (hub is selected)" },
    ]);
  });
});

test("also: selected without what depends on it, after the seeds' reasons", () => {
  const r = selectStacks({
    seeds: new Map([["spoke-a", "changed"]]),
    relations: [rel("spoke-b", "hub"), rel("spoke-a", "other")],
    also: new Map([
      ["hub", "named it as hub at HEAD"],
      ["spoke-a", "not this reason: a seed's stays"],
    ]),
  });
  expect(r).toEqual([
    { stack: "hub", why: "named it as hub at HEAD" },
    { stack: "spoke-a", why: "changed" },
  ]);
});

describe("formerHubs: the hubs changed specs named at the ref", () => {
  const spoke = (hub: string) => `version: 1\nstack: s\nvpcs:\n  - name: v\n    useHub: ${hub}/endpoints\n`;
  const cases: Array<{ name: string; before: Record<string, string>; hubs: Record<string, string> }> = [
    { name: "a spoke's hub, still a stack", before: { "/s/a.yaml": spoke("hub") }, hubs: { hub: "/s/a.yaml" } },
    { name: "a hub that is no stack any more: none", before: { "/s/a.yaml": spoke("gone") }, hubs: {} },
    { name: "no useHub: none", before: { "/s/a.yaml": "version: 1\nstack: s\nvpcs: []\n" }, hubs: {} },
    { name: "not YAML: none", before: { "/s/a.yaml": "vpcs: [\n  - { useHub: hub/endpoints" }, hubs: {} },
    {
      name: "a key written with an escape: read as YAML",
      before: { "/s/a.yaml": 'vpcs:\n  - "use\\x48ub": hub/endpoints\n' },
      hubs: { hub: "/s/a.yaml" },
    },
    {
      name: "two specs naming one hub: the first by path",
      before: { "/s/b.yaml": spoke("hub"), "/s/a.yaml": spoke("hub") },
      hubs: { hub: "/s/a.yaml" },
    },
  ];
  test.each(cases)("$name", ({ before, hubs }) => {
    const r = formerHubs({ before: new Map(Object.entries(before)), stacks: new Set(["hub", "s"]) });
    expect(Object.fromEntries(r)).toEqual(hubs);
  });
});

describe("stacksOfChangedFiles: a stack is changed when one of its input files is", () => {
  const root = path.resolve("/repo");
  const inputs = [
    { stack: "a", files: [`${root}/specs/a.yaml`, `${root}/specs/policies/p.json`, `${root}/catalog/eu-west-1.json`] },
    { stack: "b", files: [`${root}/specs/b.yaml`, `${root}/catalog/eu-central-1.json`] },
    { stack: "c", files: [`${root}/specs/c.yaml`, `${root}/catalog/eu-central-1.json`] },
  ];
  const cases: Array<{ name: string; changed: string[]; stacks: Record<string, string> }> = [
    { name: "nothing changed", changed: [], stacks: {} },
    { name: "a spec", changed: ["specs/b.yaml"], stacks: { b: "specs/b.yaml changed" } },
    {
      name: "a policy file one stack reads",
      changed: ["specs/policies/p.json"],
      stacks: { a: "specs/policies/p.json changed" },
    },
    {
      name: "the region dump two stacks read",
      changed: ["catalog/eu-central-1.json"],
      stacks: { b: "catalog/eu-central-1.json changed", c: "catalog/eu-central-1.json changed" },
    },
    { name: "files no stack reads", changed: ["README.md", "specs/other/a.yaml", "specs/a.yaml.bak"], stacks: {} },
  ];
  test.each(cases)("$name", ({ changed, stacks }) => {
    const r = stacksOfChangedFiles({
      inputs,
      changed: new Set(changed.map((f) => path.join(root, f))),
      shownFrom: root,
    });
    expect(Object.fromEntries(r)).toEqual(stacks);
  });
});

/** Just enough of a model for specSummary: where `vpcs` is, VPCs without ids, subnets or hubs. */
const source = { positionOf: () => ({ line: 1, col: 1 }) };

test("stackInputs: the spec, the policy files it names (relative to it), the region's dump, the shared files", () => {
  const endpoint = (key: string, policy?: object) => [key, { key, ...(policy ? { policy } : {}) }] as const;
  const models = [
    {
      stack: "a",
      file: "/repo/specs/a.yaml",
      region: "eu-west-1",
      defaults: { privateDns: true, policy: { kind: "file", file: "policies/default.json", document: {} } },
      vpcs: [
        {
          id: "vpc-0",
          subnets: [],
          endpoints: new Map([
            endpoint("s3", { kind: "file", document: {}, file: "policies/p.json" }),
            endpoint("sts", { kind: "org-only" }),
            endpoint("ssm"),
          ]),
        },
        {
          id: "vpc-1",
          subnets: [],
          endpoints: new Map([endpoint("s3", { kind: "file", document: {}, file: "policies/p.json" })]),
        },
      ],
      source,
    },
    {
      stack: "b",
      file: "/repo/specs/b.yaml",
      region: "eu-west-1",
      defaults: { privateDns: true, policy: { kind: "full-access" } },
      vpcs: [{ id: "vpc-1", subnets: [], endpoints: new Map([endpoint("sts", { kind: "full-access" })]) }],
      source,
    },
  ] as unknown as SpecModel[];
  expect(
    stackInputs({ specs: models.map(specSummary), dumpDir: "/repo/catalog", shared: ["/repo/cdktf.json"] }),
  ).toEqual([
    {
      stack: "a",
      files: [
        "/repo/specs/a.yaml",
        "/repo/specs/policies/default.json",
        "/repo/specs/policies/p.json",
        "/repo/catalog/eu-west-1.json",
        "/repo/cdktf.json",
      ],
      policies: ["/repo/specs/policies/default.json", "/repo/specs/policies/p.json"],
    },
    { stack: "b", files: ["/repo/specs/b.yaml", "/repo/catalog/eu-west-1.json", "/repo/cdktf.json"], policies: [] },
  ]);
});

test("stackInputs: with an inventory folder, the account's and the region's inventory files too", () => {
  const defaults = { privateDns: true, policy: { kind: "org-only" } };
  const models = [
    {
      stack: "a",
      file: "/repo/specs/a.yaml",
      region: "eu-west-1",
      account: "111122223333",
      defaults,
      vpcs: [],
      source,
    },
    { stack: "b", file: "/repo/specs/b.yaml", region: "eu-west-1", defaults, vpcs: [], source },
  ] as unknown as SpecModel[];
  const files = stackInputs({
    specs: models.map(specSummary),
    dumpDir: "/repo/catalog",
    inventoryDir: "/repo/inventory",
    shared: [],
  }).map((s) => s.files);
  expect(files).toEqual([
    [
      "/repo/specs/a.yaml",
      "/repo/catalog/eu-west-1.json",
      "/repo/inventory/111122223333-eu-west-1.json",
      "/repo/inventory/eu-west-1.json",
    ],
    ["/repo/specs/b.yaml", "/repo/catalog/eu-west-1.json", "/repo/inventory/eu-west-1.json"],
  ]);
});
