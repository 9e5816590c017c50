/**
 * A cross-account spoke's stack reads its hub's zone ids through terraform_remote_state on the hub's S3 backend,
 * which cannot be read offline. This writes a copy of the spoke's stack whose remote states read a local state
 * file holding the hub's named output (`hub_zone_ids`, fake zone ids by the same keys) instead: the same data
 * source, the same output name and keys.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Writes `<work>/<name>.tf.json` and the planted state; returns its path and the fake zone id of each key. */
export function offlineSpoke(opts: { work: string; name: string; stackFile: string; zoneKeys: readonly string[] }): {
  file: string;
  fakeIds: Record<string, string>;
} {
  const offline = JSON.parse(fs.readFileSync(opts.stackFile, "utf8"));
  const fakeIds = Object.fromEntries(opts.zoneKeys.map((k, i) => [k, `Z${String(i).padStart(20, "0")}`]));
  const statePath = path.join(opts.work, `${opts.name}-hub.tfstate`);
  fs.writeFileSync(
    statePath,
    JSON.stringify({
      version: 4,
      terraform_version: "1.5.0",
      serial: 1,
      lineage: "00000000-0000-0000-0000-000000000000",
      outputs: { hub_zone_ids: { value: fakeIds, type: ["map", "string"] } },
      resources: [],
    }),
  );
  const remote = offline.data.terraform_remote_state;
  for (const name of Object.keys(remote)) remote[name] = { backend: "local", config: { path: statePath } };
  const file = path.join(opts.work, `${opts.name}.tf.json`);
  fs.writeFileSync(file, JSON.stringify(offline));
  return { file, fakeIds };
}
