/** The planner's reasons count their nouns: one route table, subnet or ENI reads in the singular. */
import { runSpecs, spec, type SpecDoc } from "../rules/support";

function endpointOf(doc: SpecDoc, address: string) {
  const r = runSpecs({ "a.yaml": doc });
  const e = r.plan?.stacks[0].vpcs[0].endpoints.find((x) => x.address === address);
  if (!e) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return e;
}

const onlyAppA = (s: SpecDoc) => (s.vpcs[0].subnets[1].services = []);

describe("planner reasons: singular and plural", () => {
  test("gateway: one route table of one requesting subnet", () => {
    expect(endpointOf(spec(onlyAppA), "main_s3").reasons).toContain(
      "attached to route table rtb-0aaaaaaaaaaaaaaa1 of the requesting subnet",
    );
  });

  test("gateway: two route tables of two requesting subnets", () => {
    expect(endpointOf(spec(), "main_s3").reasons).toContain(
      "attached to route tables rtb-0aaaaaaaaaaaaaaa1, rtb-0bbbbbbbbbbbbbbb2 of the requesting subnets",
    );
  });

  test("gateway: one route table shared by two requesting subnets", () => {
    const shared = (s: SpecDoc) => (s.vpcs[0].subnets[1].routeTable = "rtb-0aaaaaaaaaaaaaaa1");
    expect(endpointOf(spec(shared), "main_s3").reasons).toContain(
      "attached to route table rtb-0aaaaaaaaaaaaaaa1 of the requesting subnets",
    );
  });

  test("placement: one ENI, then two", () => {
    expect(endpointOf(spec(onlyAppA), "main_ssm").reasons).toContain("ENI in eu-central-1a (app-a)");
    expect(endpointOf(spec(), "main_ssm").reasons).toContain("ENIs in eu-central-1a (app-a), eu-central-1b (app-b)");
  });
});
