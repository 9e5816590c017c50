/** Switching between `vpce synth` and `vpce synth --hcl` (and --module) never leaves both formats in a folder. */
import * as fs from "node:fs";
import * as path from "node:path";
import { vpce } from "../cli/run";
import { ROOT, tmpDir } from "../helpers";

const SPECS = path.join(ROOT, "specs");

test("each synth removes the other format's stack and module files, and keeps files it did not write", () => {
  const out = path.join(tmpDir("vpce-hcl-files-"), "cdktf.out");
  const files = () =>
    ["stacks", "modules"].flatMap((d) =>
      fs.existsSync(path.join(out, d))
        ? fs
            .readdirSync(path.join(out, d))
            .flatMap((s) => fs.readdirSync(path.join(out, d, s)).map((f) => `${d}/${s}/${f}`))
        : [],
    );
  expect(vpce(["synth", "--specs", SPECS, "--out", out]).code).toBe(0);
  fs.writeFileSync(path.join(out, "stacks", "ssm-fleet", "override.tf.json"), "{}");
  expect(vpce(["synth", "--specs", SPECS, "--out", out, "--hcl", "--module"]).code).toBe(0);
  expect(
    files()
      .filter((f) => f.includes("/ssm-fleet/"))
      .sort(),
  ).toEqual(["modules/ssm-fleet/main.tf", "stacks/ssm-fleet/cdk.tf", "stacks/ssm-fleet/override.tf.json"]);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"));
  expect(manifest.stacks["ssm-fleet"].synthesizedStackPath).toBe("stacks/ssm-fleet/cdk.tf");
  expect(vpce(["synth", "--specs", SPECS, "--out", out, "--module"]).code).toBe(0);
  expect(
    files()
      .filter((f) => f.includes("/ssm-fleet/"))
      .sort(),
  ).toEqual(["modules/ssm-fleet/main.tf.json", "stacks/ssm-fleet/cdk.tf.json", "stacks/ssm-fleet/override.tf.json"]);
  // every stack of the folder, not only one
  expect(files().filter((f) => /\/cdk\.tf$|\/main\.tf$/.test(f))).toEqual([]);
  expect(files().filter((f) => f.endsWith("/cdk.tf.json"))).toHaveLength(4);
});
