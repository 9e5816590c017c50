/** canonicalPath: links resolved for files that exist; a missing file keeps its name under its resolved folder. */
import * as fs from "node:fs";
import * as path from "node:path";
import { canonicalPath } from "../../src/canonical-path";
import { tmpDir } from "../helpers";

const root = fs.realpathSync(tmpDir("vpce-canon-"));
fs.mkdirSync(path.join(root, "real", "specs"), { recursive: true });
fs.writeFileSync(path.join(root, "real", "specs", "a.yaml"), "x");
fs.symlinkSync(path.join(root, "real"), path.join(root, "link"));
fs.symlinkSync(path.join(root, "real", "specs", "a.yaml"), path.join(root, "real", "specs", "b.yaml"));
fs.symlinkSync(path.join(root, "nowhere"), path.join(root, "real", "broken.yaml"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test.each([
  ["a file reached through a linked folder", "link/specs/a.yaml", "real/specs/a.yaml"],
  ["a linked file", "real/specs/b.yaml", "real/specs/a.yaml"],
  ["a missing file under a linked folder", "link/specs/gone.yaml", "real/specs/gone.yaml"],
  ["a missing file in missing folders", "link/catalog/x/eu-west-1.json", "real/catalog/x/eu-west-1.json"],
  ["a broken link: its own name", "link/broken.yaml", "real/broken.yaml"],
])("%s", (_, given, expected) => {
  expect(canonicalPath(path.join(root, given))).toBe(path.join(root, expected));
});

test("the root stays the root", () => {
  expect(canonicalPath(path.parse(root).root)).toBe(path.parse(root).root);
});
