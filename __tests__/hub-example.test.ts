/**
 * The README's hub-and-spokes example ("### Centralized endpoints (hub and spokes)") is a tested artifact: its
 * YAML block is the two fixture files of __tests__/fixtures/hub-example (split at its `# specs/<file>` lines),
 * and `vpce validate` and `vpce plan` accept them with the warnings listed here. The real-Terraform run of the
 * same fixtures is __tests__/terraform/hub-example.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./helpers";
import { vpce } from "./cli/run";

const HUB_EXAMPLE_DIR = path.join(ROOT, "__tests__", "fixtures", "hub-example");

/** The spec files of the README's hub example, by file name, as its YAML block holds them. */
function readmeHubExample(readme: string): Map<string, string> {
  const heading = readme.indexOf("### Centralized endpoints (hub and spokes)");
  if (heading < 0) throw new Error("README.md has no section '### Centralized endpoints (hub and spokes)'");
  const open = readme.indexOf("```yaml\n", heading);
  const close = readme.indexOf("\n```", open + 1);
  if (open < 0 || close < 0) throw new Error("the hub section of README.md has no ```yaml block");
  const files = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of readme
    .slice(open + "```yaml\n".length, close + 1)
    .split("\n")
    .slice(0, -1)) {
    const marker = /^# specs\/([\w.-]+\.yaml)\b/.exec(line);
    if (marker) files.set(marker[1], (current = []));
    else if (current) current.push(line);
    else throw new Error(`README hub example: a line before the first '# specs/<file>' line: ${line}`);
  }
  return new Map([...files].map(([name, lines]) => [name, lines.map((l) => `${l}\n`).join("")]));
}

describe("README hub example", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

  test("its YAML block is the fixture files, file by file", () => {
    const block = readmeHubExample(readme);
    const fixtures = fs.readdirSync(HUB_EXAMPLE_DIR).sort();
    expect([...block.keys()].sort()).toEqual(fixtures);
    for (const name of fixtures)
      expect({ name, text: block.get(name) }).toEqual({
        name,
        text: fs.readFileSync(path.join(HUB_EXAMPLE_DIR, name), "utf8"),
      });
  });

  test("the split finds each file and fails on text before the first file line", () => {
    const text =
      "### Centralized endpoints (hub and spokes)\n\n```yaml\n# specs/a.yaml: x\nv: 1\n# specs/b.yaml\nw: 2\n```\n";
    expect(Object.fromEntries(readmeHubExample(text))).toEqual({ "a.yaml": "v: 1\n", "b.yaml": "w: 2\n" });
    expect(() => readmeHubExample(text.replace("```yaml\n", "```yaml\nstray: 1\n"))).toThrow(/before the first/);
  });

  const warnings = [
    // the example sets a policy for kms only: the other hub services and the spoke's own endpoints are full access
    "network-hub.yaml FULL_ACCESS_POLICY vpcs[0]",
    // the hub offers more than the one spoke of the example asks for
    ...[1, 2, 4, 5, 6, 7].map((i) => `network-hub.yaml HUB_SERVICE_UNUSED vpcs[0].hub.services[${i}]`),
    "payments.yaml FULL_ACCESS_POLICY vpcs[0]",
    // the example leaves the spoke's backend out
    "payments.yaml LOCAL_STATE backend",
  ];

  test.each(["validate", "plan"])("vpce %s accepts it (exit 0), with the known warnings only", (command) => {
    const r = vpce([command, "--specs", HUB_EXAMPLE_DIR, "--all-diagnostics"]);
    expect({ code: r.code, err: r.code === 0 ? "" : r.err }).toEqual({ code: 0, err: "" });
    const found = [...r.err.matchAll(/^(\S+?):\d+:\d+: (\w+) (\w+) at (\S+?):/gm)].map(
      ([, file, severity, code, at]) =>
        `${path.basename(file)} ${code} ${at}${severity === "warning" ? "" : ` ${severity}`}`,
    );
    expect(found.sort()).toEqual(warnings.sort());
    expect(r.err).toContain(`0 errors, ${warnings.length} warnings in 2 stack(s)`);
  });
});
