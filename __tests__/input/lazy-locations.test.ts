/**
 * Locations built on first read (a subnet's services, its requests, the fast reader's scalars): they must point where
 * an eager walk would, for a service written directly and for one a bundle adds.
 */
import fc from "fast-check";
import { readFastYaml } from "../../src/input/fast-yaml";
import { parseSpecText, SourceFile, toData } from "../../src/input/load";
import { fieldSubject } from "../../src/input/subjects";
import { BASE, edit } from "../helpers";

const TEXT = edit(
  BASE,
  "        services: [s3, ssm]\n      - name: app-b",
  "        services:\n          - ssm\n          - kms\n        bundles: [ecr-pull]\n      - name: app-b",
);
const LINES = TEXT.split("\n");
/** 1-based line and column of `needle` in its first line of TEXT. */
const at = (needle: string) => {
  const i = LINES.findIndex((l) => l.includes(needle));
  return { line: i + 1, col: LINES[i].indexOf(needle) + 1 };
};

function facts() {
  const { source } = parseSpecText({ bytes: Buffer.from(TEXT), file: "a.yaml", absPath: "/tmp/a.yaml" });
  if (!source) throw new Error("the text did not parse");
  return { source, subject: fieldSubject({ source, data: toData(source).data, policyRoots: [] }) };
}

test("a subnet's services point at their list entries", () => {
  const { source, subject } = facts();
  const [ssm, kms] = subject.facts.vpcs[0].subnets[0].services;
  expect(ssm.segs).toEqual(["vpcs", 0, "subnets", 0, "services", 0]);
  expect(kms.segs).toEqual(["vpcs", 0, "subnets", 0, "services", 1]);
  expect(source.positionOf(kms.segs)).toEqual(at("kms"));
});

test("requests point at the entry that asked: the service, or the bundle", () => {
  const { subject } = facts();
  const requests = subject.facts.vpcs[0].subnets[0].requests;
  const kms = requests.find((r) => r.key === "kms");
  expect(kms).toMatchObject({ via: "services", path: "vpcs[0].subnets[0].services[1]", pos: at("kms") });
  const fromBundle = requests.find((r) => r.via === "bundle ecr-pull");
  expect(fromBundle).toMatchObject({ path: "vpcs[0].subnets[0].bundles[0]", pos: at("ecr-pull") });
  // distinct keys, sorted, the first way of asking kept
  expect(requests.map((r) => r.key)).toEqual([...new Set(requests.map((r) => r.key))].sort());
});

test("an offset's line and column, from the line starts the fast reader records", () => {
  // the reference: the newlines before the offset, the last of them ending the line before
  const expected = (text: string, o: number) => {
    const before = text.slice(0, o);
    return { line: before.split("\n").length, col: o - (before.lastIndexOf("\n") + 1) + 1 };
  };
  const line = fc.oneof(fc.constant(""), fc.constant("# a comment"), fc.constant("   "), fc.constant("  # indented"));
  fc.assert(
    fc.property(
      fc.array(fc.option(line, { nil: undefined }), { minLength: 1, maxLength: 300 }),
      fc.boolean(),
      (lines, end) => {
        // a key on every line the option left empty (distinct keys at the root), after a first one
        const full = `k: x\n${lines.map((l, i) => l ?? `k${i}: x`).join("\n")}${end ? "\n" : ""}`;
        const fast = readFastYaml(full);
        if (!fast) throw new Error("the fast reader did not read the text");
        const source = new SourceFile("a.yaml", "/tmp/a.yaml", { fast });
        for (let o = 0; o <= full.length; o++) expect(source.positionOfOffset(o)).toEqual(expected(full, o));
      },
    ),
    { numRuns: 100 },
  );
});
