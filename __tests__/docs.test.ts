import * as fs from "node:fs";
import * as path from "node:path";
import { allCodes } from "../src/diagnostics";
import { ROOT } from "./helpers";

test("docs/diagnostics.md has a row for every diagnostic code, with its severity", () => {
  const doc = fs.readFileSync(path.join(ROOT, "docs", "diagnostics.md"), "utf8");
  const rows = new Map([...doc.matchAll(/^\| `([A-Z0-9_]+)` \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]));
  expect(Object.fromEntries([...allCodes().keys()].map((c) => [c, rows.get(c)]))).toEqual(
    Object.fromEntries(allCodes()),
  );
});
