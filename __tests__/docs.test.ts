import * as fs from "node:fs";
import * as path from "node:path";
import { renderDiagnosticsDoc } from "../src/rules/docs";
import { ROOT } from "./helpers";

test("docs/diagnostics.md is generated from the rule registry (run `npm run docs` after changing a rule)", () => {
  const committed = fs.readFileSync(path.join(ROOT, "docs", "diagnostics.md"), "utf8");
  expect(committed).toBe(renderDiagnosticsDoc());
});
