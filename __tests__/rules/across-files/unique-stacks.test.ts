import { findings, runSpecs, spec } from "../support";

const otherVpc = (stack: string) =>
  spec((s) => {
    s.stack = stack;
    s.vpcs[0].id = "vpc-0123456789abcdef1";
    s.vpcs[0].subnets[0].id = "subnet-0ccccccccccccccc1";
    s.vpcs[0].subnets[1].id = "subnet-0ccccccccccccccc2";
  });

describe("unique-stacks", () => {
  test("Noncompliance: DUPLICATE_STACK for two files naming one stack (case aside)", () => {
    const r = runSpecs({ "a.yaml": spec(), "b.yaml": otherVpc("Base") });
    const [d] = findings(r, "DUPLICATE_STACK");
    expect(d.file).toMatch(/b\.yaml$/);
    expect(d.path).toBe("stack");
    expect(d.message).toMatch(/a\.yaml/);
  });

  test("Compliance: two stacks of two names", () => {
    expect(findings(runSpecs({ "a.yaml": spec(), "b.yaml": otherVpc("other") }), "DUPLICATE_STACK")).toEqual([]);
  });
});
