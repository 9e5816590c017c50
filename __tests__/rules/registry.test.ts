/**
 * The rule registry keeps its promises: each code declared once, each rule in
 * a file named after it in its stage's folder, and each rule with a test file
 * that names every code it raises (a case that triggers it and a compliant twin).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ALL_RULES as RULES, CODES } from "../../src/rules";
import { ROOT } from "../helpers";

const STAGES = ["load", "fields", "across-files", "region-dumps", "inventory", "plan"];

describe("rule registry", () => {
  test("every code is declared by exactly one rule", () => {
    const declared = RULES.flatMap((r) => Object.keys(r.codes));
    expect(declared.length).toBe(new Set(declared).size);
    expect(CODES.size).toBe(declared.length);
  });

  const cases = RULES.map((r) => [r.stage, r.name] as const);
  (cases.length > 0 ? test.each(cases) : test.skip.each([["none", "none"]]))(
    "%s/%s lives in its own file and has a test file",
    (stage, name) => {
      expect(STAGES).toContain(stage);
      expect(fs.existsSync(path.join(ROOT, "src", "rules", stage, `${name}.ts`))).toBe(true);
      const testFile = path.join(ROOT, "__tests__", "rules", stage, `${name}.test.ts`);
      expect(fs.existsSync(testFile)).toBe(true);
      const text = fs.readFileSync(testFile, "utf8");
      const rule = RULES.find((r) => r.name === name);
      for (const code of Object.keys(rule?.codes ?? {})) expect(text).toContain(code);
      expect(text).toMatch(/Noncompliance/);
      expect(text).toMatch(/Compliance/);
    },
  );

  test("every rule file of src/rules/<stage>/ is registered", () => {
    const registered = new Set(RULES.map((r) => `${r.stage}/${r.name}`));
    for (const stage of STAGES) {
      const files = fs.readdirSync(path.join(ROOT, "src", "rules", stage)).filter((f) => f !== "index.ts");
      for (const f of files) expect(registered).toContain(`${stage}/${f.replace(/\.ts$/, "")}`);
    }
  });
});
