/**
 * The bundled examples and the awkward valid fixtures: valid, synthesized,
 * every guarantee checked on the Terraform JSON, and reordering the input
 * changes no byte of the output.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { synthToDir } from "../../src/constructs/synth";
import { planStacks } from "../../src/planner";
import { runPipeline } from "../../src/pipeline";
import { loadSpecs } from "../../src/input";
import { checkGuarantees } from "../guarantees";
import { ROOT, tmpDir } from "../helpers";
import { readTree, reversedCopy } from "../reorder";

const DIRS = [path.join(ROOT, "specs"), path.join(ROOT, "__tests__", "fixtures", "valid")];

describe.each(DIRS.map((d) => [path.relative(ROOT, d), d]))("%s", (_name, dir) => {
  const result = runPipeline(dir);
  const out = tmpDir("vpce-synth-");

  test("is valid", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.plan).toBeDefined();
  });

  test("every guarantee holds on the synthesized Terraform JSON", () => {
    synthToDir(result.plan!, out);
    const { models } = loadSpecs(dir);
    expect(models.length).toBeGreaterThan(0);
    for (const m of models) {
      const json = JSON.parse(fs.readFileSync(path.join(out, "stacks", m.stack, "cdk.tf.json"), "utf8"));
      expect({ stack: m.stack, violations: checkGuarantees(m, json) }).toEqual({ stack: m.stack, violations: [] });
    }
  });

  test("reordering every list and mapping gives byte-identical stacks", () => {
    const reordered = reversedCopy(dir);
    const r2 = runPipeline(reordered);
    expect(r2.plan).toBeDefined();
    const out2 = tmpDir("vpce-synth-");
    synthToDir(r2.plan!, out2);
    synthToDir(result.plan!, out);
    expect(readTree(out2)).toEqual(readTree(out));
  });

  test("file order does not matter to the planner", () => {
    const { models } = loadSpecs(dir);
    expect(planStacks([...models].reverse()).plan).toEqual(planStacks(models).plan);
  });

  test("no output holds an absolute path of this machine", () => {
    synthToDir(result.plan!, out);
    for (const [file, text] of Object.entries(readTree(out))) {
      expect({
        file,
        leaks: text.includes(ROOT) || text.includes(out) || /"\/(tmp|home|root|work)\//.test(text),
      }).toEqual({ file, leaks: false });
    }
  });
});

describe("the bundled examples warn only on purpose", () => {
  test("each warning left in specs/ is one the README explains", () => {
    const warnings = runPipeline(path.join(ROOT, "specs"))
      .diagnostics.filter((d) => d.severity !== "error")
      .map((d) => `${path.basename(d.file)} ${d.code} ${d.path}`);
    expect(warnings).toEqual([
      // nodes-* resolve the pods' services through private DNS; no node process calls them
      "eks-platform.yaml PRIVATE_DNS_CAPTURE vpcs[0].subnets[6].bundles[0]",
      // a partner's endpoint service: what a policy can restrict there is the provider's to say
      'shared-services.yaml FULL_ACCESS_POLICY vpcs[1].endpoints["partner-feed"]',
    ]);
  });
});
