/** `--write`'s text edits: services added at the parser's source ranges, every other byte kept. */
import { parseDocument } from "yaml";
import { addServices, type Insertion } from "../../src/discover/write";

const SPEC = `# a comment at the top
vpcs:
  - name: v   # the VPC
    subnets:
      - name: flow
        services: [s3, sqs]   # flow style
      - name: block
        services:
          - s3     # first
          - sqs    # second
        # a comment after the list
      - name: none
        cidr: 10.0.0.0/24   # no services yet
      - { name: inline, cidr: 10.0.1.0/24 }
      - name: empty
        services: []
      - name: nested
        bundles:
          - ecr-pull
`;

/**
 * The edited text with the insertions taken out again, checking each is where it says: must be the original,
 * byte for byte. Insertions are sorted by their offset into the original; each earlier one shifts the later ones.
 */
function removeInsertions(text: string, insertions: readonly Insertion[]): string {
  let out = text;
  let shift = insertions.reduce((n, i) => n + i.text.length, 0);
  for (const i of [...insertions].reverse()) {
    shift -= i.text.length;
    const at = i.offset + shift;
    expect(out.slice(at, at + i.text.length)).toBe(i.text);
    out = out.slice(0, at) + out.slice(at + i.text.length);
  }
  return out;
}

function servicesOf(text: string): unknown[] {
  return (parseDocument(text).toJS() as { vpcs: { subnets: { services?: string[] }[] }[] }).vpcs[0].subnets.map(
    (s) => s.services,
  );
}

function edit(text: string, subnets: number[], services = ["kms", "logs"]) {
  const r = addServices({ text, additions: subnets.map((i) => ({ vpcIndex: 0, subnetIndex: i, services })) });
  if ("error" in r) throw new Error(r.error);
  return r;
}

describe("addServices", () => {
  test("flow and block lists, a subnet without services (block and flow mapping), an empty list", () => {
    const r = edit(SPEC, [0, 1, 2, 3, 4, 5]);
    expect(servicesOf(r.text)).toEqual([
      ["s3", "sqs", "kms", "logs"],
      ["s3", "sqs", "kms", "logs"],
      ["kms", "logs"],
      ["kms", "logs"],
      ["kms", "logs"],
      ["kms", "logs"],
    ]);
    expect(r.text).toContain("        services: [s3, sqs, kms, logs]   # flow style\n");
    expect(r.text).toContain(
      "          - sqs    # second\n          - kms\n          - logs\n        # a comment after",
    );
    expect(r.text).toContain("        cidr: 10.0.0.0/24   # no services yet\n        services: [kms, logs]\n");
    expect(r.text).toContain("- { name: inline, cidr: 10.0.1.0/24, services: [kms, logs] }");
    expect(r.text).toContain("          - ecr-pull\n        services: [kms, logs]\n");
  });

  test("everything outside the inserted text is the original, byte for byte", () => {
    for (const subnets of [[0, 1, 2, 3, 4, 5], [1], [5, 2]]) {
      const r = edit(SPEC, subnets);
      expect(r.insertions).toHaveLength(subnets.length);
      expect(removeInsertions(r.text, r.insertions)).toBe(SPEC);
    }
  });

  test("CRLF files get CRLF lines", () => {
    const crlf = SPEC.replace(/\n/g, "\r\n");
    const r = edit(crlf, [1, 2]);
    expect(removeInsertions(r.text, r.insertions)).toBe(crlf);
    expect(r.text).not.toMatch(/[^\r]\n/);
    expect(servicesOf(r.text)[1]).toEqual(["s3", "sqs", "kms", "logs"]);
    expect(servicesOf(r.text)[2]).toEqual(["kms", "logs"]);
  });

  test("a list as the subnet's first line (`- services:` first) keeps its indentation", () => {
    const text = "vpcs:\n  - subnets:\n      - services:\n          - s3\n        name: a\n";
    const r = edit(text, [0], ["sts"]);
    expect(r.text).toBe("vpcs:\n  - subnets:\n      - services:\n          - s3\n          - sts\n        name: a\n");
  });

  test("a subnet that is not there, or a services value that is no list, is an error, not a guess", () => {
    expect(addServices({ text: SPEC, additions: [{ vpcIndex: 0, subnetIndex: 9, services: ["kms"] }] })).toEqual({
      error: "vpcs[0].subnets[9] is not a mapping in the file",
    });
    const scalar = "vpcs:\n  - subnets:\n      - name: a\n        services: s3\n";
    expect(addServices({ text: scalar, additions: [{ vpcIndex: 0, subnetIndex: 0, services: ["kms"] }] })).toEqual({
      error: "vpcs[0].subnets[0].services: not a list",
    });
  });

  test("nothing to add changes nothing", () => {
    expect(addServices({ text: SPEC, additions: [{ vpcIndex: 0, subnetIndex: 0, services: [] }] })).toEqual({
      text: SPEC,
      insertions: [],
    });
  });
});
