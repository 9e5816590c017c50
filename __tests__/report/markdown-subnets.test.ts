/** Warnings carry the subnets they concern as data (ReportOptions.subnets); the markdown lists those. */
import * as path from "node:path";
import { runPipeline } from "../../src/pipeline";
import { renderMarkdown } from "../../src/report/markdown";
import { vpcSubnetNames, vpcSubnets } from "../../src/report/mermaid";
import { ROOT } from "../helpers";
import { findings, runSpecs, spec } from "../rules/support";

test("PRIVATE_DNS_CAPTURE, CROSS_AZ and SHARED_ROUTE_TABLE name their subnets as data", () => {
  const r = runSpecs({
    "a.yaml": spec((s) => {
      s.vpcs[0].subnets[1].services = ["s3"];
      s.vpcs[0].subnets[1].routeTable = s.vpcs[0].subnets[0].routeTable;
      s.vpcs[0].subnets[0].services = ["ssm"];
      s.vpcs[0].endpointSubnets = ["app-b"];
    }),
  });
  expect(findings(r, "PRIVATE_DNS_CAPTURE")[0].subnets).toEqual(["app-b"]);
  expect(findings(r, "CROSS_AZ")[0].subnets).toEqual(["app-a"]);
  expect(findings(r, "SHARED_ROUTE_TABLE")[0].subnets).toEqual(["app-a", "app-b"]);
});

test("the markdown lists a warning's subnets from its data, not from its wording", () => {
  const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].services = ["s3"])) });
  const [d] = findings(r, "PRIVATE_DNS_CAPTURE");
  const reworded = { ...d, message: "private DNS captures a subnet that did not ask." };
  const md = renderMarkdown({ plan: r.plan, diagnostics: [reworded], gbPerMonth: 0 });
  expect(md).toContain("(subnet app-b)");
});

test("vpcSubnetNames: the names vpcSubnets lists, for every VPC of the examples and of a hub with spokes", () => {
  for (const dir of ["specs", "__tests__/fixtures/hub-example"]) {
    const plan = runPipeline(path.join(ROOT, dir), { env: {} }).plan;
    const vpcs = plan?.stacks.flatMap((s) => s.vpcs) ?? [];
    expect(vpcs.length).toBeGreaterThan(1);
    for (const vpc of vpcs) {
      const into = new Set<string>();
      vpcSubnetNames({ vpc, into });
      expect([...into].sort()).toEqual(vpcSubnets({ vpc }).map((s) => s.name));
    }
  }
});
