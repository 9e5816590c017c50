/**
 * Every error a file allows, in one run: a schema error does not stop the
 * checks of the spec's well-formed parts, across files included; no error is
 * reported twice, and none is reported as a consequence of another.
 */
import type { Diagnostic, DiagnosticCode } from "../../src/diagnostics";
import { findings, runSpecs, spec, type SpecDoc } from "../rules/support";

const errors = (r: { diagnostics: readonly Diagnostic[] }) =>
  r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.path}`);

/** Every error is reported once (same code, place and message). */
function expectNoRepeats(r: { diagnostics: readonly Diagnostic[] }): void {
  const keys = r.diagnostics.map((d) => `${d.file}:${d.pos?.line}:${d.pos?.col} ${d.code} ${d.path} ${d.message}`);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
}

type Edit = (s: SpecDoc) => void;
const sub = (s: SpecDoc, j = 1) => s.vpcs[0].subnets[j];

/** Single errors: the edit, and the one error (code and path) it must give. */
const ERRORS: Record<string, { edit: Edit; code: DiagnosticCode; path: string }> = {
  unknownTopField: { edit: (s) => (s.regoin = "x"), code: "UNKNOWN_FIELD", path: "regoin" },
  unknownSubnetField: {
    edit: (s) => (sub(s, 0).routeTabel = "x"),
    code: "UNKNOWN_FIELD",
    path: "vpcs[0].subnets[0].routeTabel",
  },
  wrongTypeAccount: { edit: (s) => (s.account = 111122223333), code: "WRONG_TYPE", path: "account" },
  wrongTypeSubnetCidr: { edit: (s) => (sub(s, 0).cidr = 10), code: "WRONG_TYPE", path: "vpcs[0].subnets[0].cidr" },
  missingVersion: { edit: (s) => delete s.version, code: "MISSING_FIELD", path: "version" },
  badSubnetId: { edit: (s) => (sub(s, 0).id = "subnet-1"), code: "INVALID_ID", path: "vpcs[0].subnets[0].id" },
  badType: {
    edit: (s) => (s.vpcs[0].endpoints = { s3: { type: "gatway" } }),
    code: "INVALID_VALUE",
    path: "vpcs[0].endpoints.s3.type",
  },
  cidrOutside: {
    edit: (s) => (sub(s).cidr = "10.30.2.0/24"),
    code: "CIDR_NOT_IN_VPC",
    path: "vpcs[0].subnets[1].cidr",
  },
  hostBits: { edit: (s) => (sub(s).cidr = "10.20.2.7/24"), code: "INVALID_CIDR", path: "vpcs[0].subnets[1].cidr" },
  unknownService: {
    edit: (s) => (sub(s).services = ["dynamo"]),
    code: "UNKNOWN_SERVICE",
    path: "vpcs[0].subnets[1].services[0]",
  },
  duplicateSubnetName: {
    edit: (s) => (sub(s).name = "app-a"),
    code: "DUPLICATE_NAME",
    path: "vpcs[0].subnets[1].name",
  },
  unknownEndpointSubnet: {
    edit: (s) => (s.vpcs[0].endpointSubnets = ["app-c"]),
    code: "UNKNOWN_ENDPOINT_SUBNET",
    path: "vpcs[0].endpointSubnets[0]",
  },
  policyMissing: {
    edit: (s) => (s.defaults = { policy: "nope.json" }),
    code: "POLICY_FILE_MISSING",
    path: "defaults.policy",
  },
  unsupportedType: {
    edit: (s) => (s.vpcs[0].endpoints = { ssm: { type: "gateway" } }),
    code: "UNSUPPORTED_TYPE",
    path: "vpcs[0].endpoints.ssm.type",
  },
};

/**
 * Pairs of errors that do not depend on each other (different fields; the
 * second's check does not read the first's field), as the issue lists them:
 * a schema error beside a semantic one, two schema errors, two semantic ones.
 */
const PAIRS: Array<[keyof typeof ERRORS, keyof typeof ERRORS]> = [
  ["unknownTopField", "cidrOutside"],
  ["unknownSubnetField", "cidrOutside"],
  ["unknownSubnetField", "unknownService"],
  ["wrongTypeAccount", "hostBits"],
  ["wrongTypeAccount", "duplicateSubnetName"],
  ["wrongTypeSubnetCidr", "cidrOutside"],
  ["wrongTypeSubnetCidr", "unknownService"],
  ["missingVersion", "unknownEndpointSubnet"],
  ["missingVersion", "policyMissing"],
  ["badSubnetId", "cidrOutside"],
  ["badSubnetId", "duplicateSubnetName"],
  ["badType", "unknownService"],
  ["badType", "cidrOutside"],
  ["unknownTopField", "unsupportedType"],
  ["wrongTypeAccount", "unknownTopField"],
  ["cidrOutside", "unknownService"],
  ["policyMissing", "unsupportedType"],
];

describe("every error in one run", () => {
  test("an unknown key unlike az/azId does not hide a subnet without a zone", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (delete sub(s).az, (sub(s).servces = ["ssm"]))) });
    expect(errors(r).sort()).toEqual(["AZ_MISSING vpcs[0].subnets[1]", "UNKNOWN_FIELD vpcs[0].subnets[1].servces"]);
  });

  test("a file with UNKNOWN_FIELD and CIDR_NOT_IN_VPC reports both", () => {
    const r = runSpecs({ "a.yaml": spec((s) => ((s.bogus = 1), (sub(s).cidr = "10.30.2.0/24"))) });
    expect(errors(r).sort()).toEqual(["CIDR_NOT_IN_VPC vpcs[0].subnets[1].cidr", "UNKNOWN_FIELD bogus"]);
    expect(r.plan).toBeUndefined();
  });

  test("a schema error in one file and a VPC id repeated in another: both reported", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.account = 111122223333)),
      "b.yaml": spec((s) => (s.stack = "other")),
    });
    expect(errors(r).sort()).toEqual([
      "DUPLICATE_ID vpcs[0]",
      "DUPLICATE_ID vpcs[0].subnets[0]",
      "DUPLICATE_ID vpcs[0].subnets[1]",
      "WRONG_TYPE account",
    ]);
    // the second file names the first
    expect(findings(r, "DUPLICATE_ID")[0].message).toMatch(/also described in .*a\.yaml/);
  });

  test("DUPLICATE_STACK across two files with schema errors", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.bogus = 1)), "b.yaml": spec((s) => (s.vpcs[0].cidr = 16)) });
    expect(findings(r, "DUPLICATE_STACK").map((d) => d.file)).toEqual([expect.stringMatching(/b\.yaml$/)]);
    expect(findings(r, "UNKNOWN_FIELD")).toHaveLength(1);
    expect(findings(r, "WRONG_TYPE")).toHaveLength(1);
  });

  test.each(Object.entries(ERRORS))("alone, %s gives exactly its error", (_name, e) => {
    const r = runSpecs({ "a.yaml": spec(e.edit) });
    expect(errors(r)).toEqual([`${e.code} ${e.path}`]);
  });

  test.each(PAIRS)("%s + %s: both reported, nothing else", (a, b) => {
    const r = runSpecs({ "a.yaml": spec((s) => (ERRORS[a].edit(s), ERRORS[b].edit(s))) });
    expect(errors(r).sort()).toEqual(
      [`${ERRORS[a].code} ${ERRORS[a].path}`, `${ERRORS[b].code} ${ERRORS[b].path}`].sort(),
    );
    expectNoRepeats(r);
    expect(r.plan).toBeUndefined();
  });
});

/** A broken field does not make the checks that need it report a second error. */
describe("no error as a consequence of another", () => {
  test.each<[string, Edit, string[]]>([
    [
      "a misspelt azId: the subnet is not also 'without a zone'",
      (s) => (delete sub(s).az, (sub(s).azid = "euc1-az2")),
      ["UNKNOWN_FIELD vpcs[0].subnets[1].azid"],
    ],
    ["region of the wrong type: no UNKNOWN_REGION", (s) => (s.region = 42), ["WRONG_TYPE region"]],
    [
      "VPC cidr of the wrong type: subnets are not 'outside' it",
      (s) => (s.vpcs[0].cidr = ["10.20.0.0/16"]),
      ["WRONG_TYPE vpcs[0].cidr"],
    ],
    [
      "an invalid VPC cidr: subnets are not 'outside' it",
      (s) => (s.vpcs[0].cidr = "10.20.0.300/16"),
      ["INVALID_CIDR vpcs[0].cidr"],
    ],
    [
      "an additional block of the wrong type: a subnet in it is not 'outside'",
      (s) => ((s.vpcs[0].additionalCidrs = [100]), (sub(s).cidr = "100.64.0.0/24")),
      ["WRONG_TYPE vpcs[0].additionalCidrs[0]"],
    ],
    [
      "a misspelt `endpoints:`: the custom service it declares is not 'unknown'",
      (s) => ((s.vpcs[0].endpoint = { feed: { serviceName: "com.example.feed" } }), (sub(s).services = ["feed"])),
      ["UNKNOWN_FIELD vpcs[0].endpoint"],
    ],
    [
      "a custom endpoint with an ill-formed serviceName: neither it nor its users are 'unknown'",
      (s) => ((s.vpcs[0].endpoints = { feed: { serviceName: "Bad Name" } }), (sub(s).services = ["feed"])),
      ["INVALID_VALUE vpcs[0].endpoints.feed.serviceName"],
    ],
    [
      "a custom endpoint key of a bad form: the subnet naming it is not 'unknown'",
      (s) => ((s.vpcs[0].endpoints = { Feed: { serviceName: "com.example.feed" } }), (sub(s).services = ["Feed"])),
      ["INVALID_VALUE vpcs[0].endpoints.Feed"],
    ],
    [
      "a misspelt organizationId: org-only is not 'missing' it",
      (s) => ((s.organisationId = s.organizationId), delete s.organizationId, (s.defaults = { policy: "org-only" })),
      ["UNKNOWN_FIELD organisationId"],
    ],
    [
      "a subnet name of the wrong type: endpointSubnets naming it is not 'unknown'",
      (s) => ((sub(s).name = 7), (s.vpcs[0].endpointSubnets = ["7"])),
      ["WRONG_TYPE vpcs[0].subnets[1].name"],
    ],
    [
      "an endpoint type that is not a type: no UNSUPPORTED_TYPE on top",
      (s) => (s.vpcs[0].endpoints = { ssm: { type: "gatway" } }),
      ["INVALID_VALUE vpcs[0].endpoints.ssm.type"],
    ],
    [
      "an ill-formed id repeated: only INVALID_ID",
      (s) => s.vpcs[0].subnets.forEach((x: SpecDoc) => (x.id = "subnet-1")),
      ["INVALID_ID vpcs[0].subnets[0].id", "INVALID_ID vpcs[0].subnets[1].id"],
    ],
  ])("%s", (_name, edit, expected) => {
    const r = runSpecs({ "a.yaml": spec(edit) });
    expect(errors(r).sort()).toEqual(expected.sort());
    expectNoRepeats(r);
  });

  test("a misspelt `stack:`: the file name is not taken as the stack name, so no DUPLICATE_STACK", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.stack = "a")),
      "b/a.yaml": spec(
        (s) => (
          (s.stak = "b"),
          delete s.stack,
          (s.vpcs[0].id = "vpc-0123456789abcdef1"),
          s.vpcs[0].subnets.forEach((x: SpecDoc, j: number) => (x.id = `subnet-0cccccccccccccc${j}${j}`))
        ),
      ),
    });
    expect(errors(r)).toEqual(["UNKNOWN_FIELD stak"]);
  });
});
