/**
 * Locations built on first read (a subnet's services, its requests, the fast reader's scalars): they must point where
 * an eager walk would, for a service written directly and for one a bundle adds.
 */
import { parseSpecText, toData } from "../../src/input/load";
import { fieldSubject } from "../../src/input/subjects";

const TEXT = `version: 1
region: eu-central-1
vpcs:
  - name: main
    id: vpc-0123456789abcdef0
    cidr: 10.20.0.0/16
    subnets:
      - name: app-a
        id: subnet-0aaaaaaaaaaaaaaa1
        az: eu-central-1a
        cidr: 10.20.1.0/24
        routeTable: rtb-0aaaaaaaaaaaaaaa1
        services:
          - ssm
          - kms
        bundles: [ecr-pull]
`;

function facts() {
  const { source } = parseSpecText({ bytes: Buffer.from(TEXT), file: "a.yaml", absPath: "/tmp/a.yaml" });
  if (!source) throw new Error("the text did not parse");
  const data = toData(source).data;
  return { source, subject: fieldSubject({ source, data, policyRoots: [] }) };
}

test("a subnet's services point at their list entries", () => {
  const { source, subject } = facts();
  const [ssm, kms] = subject.facts.vpcs[0].subnets[0].services;
  expect(ssm.segs).toEqual(["vpcs", 0, "subnets", 0, "services", 0]);
  expect(kms.segs).toEqual(["vpcs", 0, "subnets", 0, "services", 1]);
  expect(source.positionOf(kms.segs)).toEqual({ line: 15, col: 13 });
});

test("requests point at the entry that asked: the service, or the bundle", () => {
  const { subject } = facts();
  const requests = subject.facts.vpcs[0].subnets[0].requests;
  const kms = requests.find((r) => r.key === "kms");
  expect(kms).toMatchObject({ via: "services", path: "vpcs[0].subnets[0].services[1]", pos: { line: 15, col: 13 } });
  const fromBundle = requests.find((r) => r.via === "bundle ecr-pull");
  expect(fromBundle).toMatchObject({ path: "vpcs[0].subnets[0].bundles[0]", pos: { line: 16, col: 19 } });
  // asked for directly and by the bundle: the direct request wins
  expect(requests.filter((r) => r.key === "ssm")).toHaveLength(1);
});
