/** Hubs, spokes and zones in the reports: the table, the markdown comment and its diagrams, the JSON. */
import { stringify } from "yaml";
import { renderMarkdown } from "../../src/report/markdown";
import { renderJson, renderTable } from "../../src/report/plan-report";
import { pipelineOf } from "../helpers";
import { hubSpec, spokeSpec } from "../hub-support";
import { diagramsOf, parseDiagrams } from "./markdown-support";

const r = pipelineOf({
  "hub.yaml": stringify(hubSpec((s) => (s.vpcs[0].hub.services = ["ecr.dkr", "kms", "logs"]))),
  "orders.yaml": stringify(spokeSpec({ stack: "orders", n: 30, services: ["ecr.dkr", "kms", "s3"] })),
  "payments.yaml": stringify(spokeSpec({ stack: "payments", n: 20, services: ["kms"], account: "222222222222" })),
});
const plan = r.plan!;

describe("hub reports", () => {
  test("table: the hub's services with zones, answered VPCs and cost; each spoke names its hub", () => {
    const text = renderTable({ plan, width: 1000 });
    expect(text).toMatch(/hub serves 2 spokes \(orders\/orders; payments\/payments, cross-account\)/);
    expect(text).toMatch(
      new RegExp(
        String.raw`ecr\.dkr: zone dkr\.ecr\.eu-central-1\.amazonaws\.com \(\+ \*\.\) ` +
          String.raw`answers network-hub\/endpoints \(hub\), orders\/orders;`,
      ),
    );
    expect(text).toMatch(
      /kms: .*payments\/payments \(cross-account\); 2 ENIs at the hub instead of 4 .*saves \$14\.10\/month/,
    );
    expect(text).toMatch(/hub network-hub\/endpoints serves kms; zone associations in this stack/);
    expect(text).toMatch(/Transit Gateway data processing \(\$0\.02\/GB/);
  });

  test("markdown: a hub table, a summary line, and diagrams that draw spokes to the hub and parse", () => {
    const md = renderMarkdown({ plan, diagnostics: r.diagnostics, gbPerMonth: 0 });
    expect(md).toMatch(/1 hub serves 2 spokes through 3 private hosted zones/);
    expect(md).toMatch(/\| hub service \| private hosted zone \| answers \| cost \|/);
    const diagrams = diagramsOf(md);
    const hub = diagrams.find((d) => d.includes("spoke orders/orders")) as string;
    expect(hub).toMatch(/v_orders_sorders ==> e_ecr_pdkr & e_kms/);
    expect(hub).toMatch(/other account/);
    const spoke = diagrams.find((d) => d.includes("hub network-hub/endpoints")) as string;
    expect(spoke).toMatch(/s_app_ha ==> v_network_hhub_sendpoints/);
    const parsed = parseDiagrams(diagrams);
    expect(parsed.errors).toEqual(diagrams.map(() => null));
  });

  test("json: the hub plan and each spoke's use of it, as the plan holds them", () => {
    const j = JSON.parse(renderJson({ plan, diagnostics: r.diagnostics }));
    const hub = j.stacks.find((s: { stack: string }) => s.stack === "network-hub").vpcs[0].hub;
    expect(hub.services.map((s: { service: string }) => s.service)).toEqual(["ecr.dkr", "kms", "logs"]);
    const use = j.stacks.find((s: { stack: string }) => s.stack === "payments").vpcs[0].useHub;
    expect(use.state).toMatchObject({ bucket: "acme-tf-state", output: "hub_zone_ids" });
  });
});
