import { hubSpec, spokeSpec } from "../../hub-support";
import { findings, runSpecs } from "../support";

const volume = (gb: number) =>
  spokeSpec({
    stack: "payments",
    n: 20,
    services: ["kms"],
    edit: (s) => (s.vpcs[0].endpoints = { kms: { gbPerMonth: gb } }),
  });

describe("hub-cost", () => {
  // two ENIs of its own (two zones): 2 x 730 h x $0.01 = $14.60, the price of 730 GB at $0.02/GB
  test("Noncompliance: HUB_DEARER_THAN_LOCAL past the spoke's break-even volume", () => {
    const r = runSpecs({ "hub.yaml": hubSpec(), "a.yaml": volume(731) });
    const [d] = findings(r, "HUB_DEARER_THAN_LOCAL");
    expect(d.path).toBe("vpcs[0].endpoints.kms.gbPerMonth");
    expect(d.message).toMatch(/below 730 GB\/month/);
  });

  test("Compliance: at the break-even volume, and without a declared volume", () => {
    expect(findings(runSpecs({ "hub.yaml": hubSpec(), "a.yaml": volume(730) }), "HUB_DEARER_THAN_LOCAL")).toEqual([]);
    const none = runSpecs({
      "hub.yaml": hubSpec(),
      "a.yaml": spokeSpec({ stack: "payments", n: 20, services: ["kms"] }),
    });
    expect(findings(none, "HUB_DEARER_THAN_LOCAL")).toEqual([]);
  });
});
