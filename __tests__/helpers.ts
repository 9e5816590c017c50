import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runPipeline, type PipelineResult } from "../src/pipeline";

export const ROOT = path.resolve(__dirname, "..");

/** A fresh temporary folder, removed by the OS eventually; tests remove it when they can. */
export function tmpDir(prefix = "vpce-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files (relative path -> content) into a new folder and returns it. */
export function writeTree(files: Record<string, string | Buffer>): string {
  const dir = tmpDir();
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

/**
 * Runs the pipeline on the given spec files, with region dumps (`<region>.json`) in a folder of their own
 * (none by default).
 */
export function pipelineOf(
  files: Record<string, string | Buffer>,
  dumps: Record<string, string> = {},
  inventories: Record<string, string> = {},
): PipelineResult & { dir: string } {
  const dir = writeTree(files);
  const dumpDir = writeTree(dumps);
  // an inventory folder of its own (empty by default): a stray inventory/ in the working directory never leaks in
  const inventoryDir = writeTree(inventories);
  return { ...runPipeline(dir, { dumpDir, inventoryDir }), dir };
}

/** A small valid spec: one VPC, two AZs, S3 gateway and SSM. Tests edit it textually. */
export const BASE = `version: 1
stack: base
region: eu-central-1
organizationId: o-a1b2c3d4e5
vpcs:
  - name: main
    id: vpc-0123456789abcdef0
    cidr: 10.20.0.0/16
    subnets:
      - name: app-a
        id: subnet-0aaaaaaaaaaaaaaa1
        az: eu-central-1a
        cidr: 10.20.1.0/24
        routeTable: rtb-0aaaaaaaaaaaaaaa1
        services: [s3, ssm]
      - name: app-b
        id: subnet-0bbbbbbbbbbbbbbb2
        az: eu-central-1b
        cidr: 10.20.2.0/24
        routeTable: rtb-0bbbbbbbbbbbbbbb2
        services: [s3, ssm]
`;

/** BASE with one textual replacement; fails loudly when the text is not found. */
export function edit(base: string, from: string, to: string): string {
  if (!base.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not found`);
  return base.replace(from, to);
}

/** `git <args>` in `cwd` with a fixed author (a test repository); its stdout. Throws on failure. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}
