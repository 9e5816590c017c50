/**
 * Runs real Terraform on synthesized stacks, offline: the hashicorp/aws
 * provider comes from a local filesystem mirror, credentials are fake and
 * every AWS call at configure time is skipped. Only this harness relaxes the
 * provider version constraint (the mirror's 5.100 is older than any constraint the stacks carry),
 * swaps the backend for the default local one and drops
 * assume_role/allowed_account_ids for the plan; `validate` runs on the stack
 * as synthesized.
 *
 * `terraform init` runs once per distinct required_providers block (in a
 * folder of its own, backend off), not once or twice per stack: each stack
 * folder gets that init's lock file and a link to its providers folder, which
 * is all validate and plan read when no backend has to be initialised.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface Toolchain {
  terraform: string;
  mirror: string;
  awsVersion: string;
}

/** terraform on PATH (or VPCE_TERRAFORM) and a filesystem mirror holding hashicorp/aws (or VPCE_TF_MIRROR). */
export function findToolchain(): Toolchain | { missing: string } {
  const terraform = process.env.VPCE_TERRAFORM ?? findOnPath("terraform");
  if (!terraform) return { missing: "no terraform binary on PATH (set VPCE_TERRAFORM)" };
  const candidates = [
    process.env.VPCE_TF_MIRROR,
    "/opt/tf-plugins",
    path.join(os.homedir(), ".terraform.d", "plugins"),
    "/usr/share/terraform/plugins",
    "/usr/local/share/terraform/plugins",
  ].filter((x): x is string => !!x);
  for (const mirror of candidates) {
    const base = path.join(mirror, "registry.terraform.io", "hashicorp", "aws");
    if (!fs.existsSync(base)) continue;
    const versions = fs
      .readdirSync(base)
      .filter((v) =>
        fs.existsSync(path.join(base, v, `${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`)),
      );
    if (versions.length > 0) return { terraform, mirror, awsVersion: versions.sort().at(-1) as string };
  }
  return {
    missing:
      "no hashicorp/aws provider in a filesystem mirror " + `(looked in ${candidates.join(", ")}; set VPCE_TF_MIRROR)`,
  };
}

function findOnPath(bin: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, bin);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

export interface TerraformOutcome {
  stack: string;
  validate: { valid: boolean; error_count: number; diagnostics: unknown[] };
  planOk: boolean;
  planLog: string;
  /** Planned resource changes: address -> actions. */
  changes: Record<string, string[]>;
  /** Planned values of the resources, by address. */
  values: Record<string, Record<string, unknown>>;
  /** Per resource change: what Terraform replaces for (`replace_paths`), before, after and unknown-after values. */
  details: Record<string, { replacePaths?: unknown[]; before: unknown; after: unknown; afterUnknown: unknown }>;
}

export interface CheckOptions {
  /**
   * A Terraform state (version 4) placed where the offline plan reads it (the default local backend's
   * terraform.tfstate), e.g. what an import would have recorded.
   */
  readonly state?: unknown;
}

export class Terraform {
  private readonly cliConfig: string;
  /** One init per distinct required_providers block: its key -> the folder holding `.terraform/providers`. */
  private readonly inits = new Map<string, Promise<string>>();
  constructor(
    private readonly tc: Toolchain,
    private readonly work: string,
  ) {
    this.cliConfig = path.join(work, "terraformrc");
    const aws = "registry.terraform.io/hashicorp/aws";
    fs.writeFileSync(
      this.cliConfig,
      [
        "provider_installation {",
        `  filesystem_mirror {\n    path    = ${JSON.stringify(tc.mirror)}\n    include = ["${aws}"]\n  }`,
        `  direct {\n    exclude = ["${aws}"]\n  }`,
        "}\n",
      ].join("\n"),
    );
  }

  /** Runs terraform in `cwd` with the mirror, offline settings and no prompts. */
  async tf(cwd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
    const env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: this.cliConfig,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      AWS_EC2_METADATA_DISABLED: "true",
      TF_INPUT: "0",
    };
    try {
      const r = await run(this.tc.terraform, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
      return { ok: true, out: r.stdout + r.stderr };
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      return { ok: false, out: `${err.stdout ?? ""}${err.stderr ?? ""}${err.message}` };
    }
  }

  /** The folder initialised (backend off) for this required_providers block; init runs once per distinct block. */
  private providersFor(requiredProviders: unknown): Promise<string> {
    const key = JSON.stringify(requiredProviders);
    let dir = this.inits.get(key);
    if (!dir) {
      const at = path.join(this.work, `.init-${this.inits.size}`);
      dir = (async () => {
        fs.mkdirSync(at, { recursive: true });
        const config = { terraform: { required_providers: requiredProviders } };
        fs.writeFileSync(path.join(at, "providers.tf.json"), JSON.stringify(config, null, 2));
        const init = await this.tf(at, ["init", "-backend=false", "-no-color"]);
        if (!init.ok) throw new Error(`terraform init failed for ${key}:\n${init.out}`);
        return at;
      })();
      this.inits.set(key, dir);
    }
    return dir;
  }

  /** validate on the stack as synthesized (provider version relaxed), then an offline plan on a relaxed copy. */
  async check(stack: string, stackJsonFile: string, opts: CheckOptions = {}): Promise<TerraformOutcome> {
    const original = JSON.parse(fs.readFileSync(stackJsonFile, "utf8"));
    const dir = path.join(this.work, stack);
    fs.mkdirSync(path.join(dir, ".terraform"), { recursive: true });
    const relaxed = structuredClone(original);
    relaxed.terraform.required_providers.aws.version = this.tc.awsVersion;
    const initialised = await this.providersFor(relaxed.terraform.required_providers);
    fs.copyFileSync(path.join(initialised, ".terraform.lock.hcl"), path.join(dir, ".terraform.lock.hcl"));
    fs.symlinkSync(path.join(initialised, ".terraform", "providers"), path.join(dir, ".terraform", "providers"));
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify(relaxed, null, 2));
    const v = await this.tf(dir, ["validate", "-json", "-no-color"]);
    const validate = JSON.parse(
      v.out.slice(v.out.indexOf("{"), v.out.lastIndexOf("}") + 1),
    ) as TerraformOutcome["validate"];

    // No backend block: Terraform's default local backend, state in terraform.tfstate of this folder, no init needed.
    const offline = structuredClone(relaxed);
    delete offline.terraform.backend;
    for (const p of offline.provider.aws) {
      delete p.assume_role;
      delete p.allowed_account_ids;
      Object.assign(p, {
        access_key: "AKIAIOSFODNN7EXAMPLE",
        secret_key: "offline-test-not-a-secret",
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
      });
    }
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify(offline, null, 2));
    if (opts.state !== undefined) fs.writeFileSync(path.join(dir, "terraform.tfstate"), JSON.stringify(opts.state));
    const plan = await this.tf(dir, ["plan", "-lock=false", "-refresh=false", "-no-color", "-out=tfplan"]);
    const changes: Record<string, string[]> = {};
    const values: Record<string, Record<string, unknown>> = {};
    const details: TerraformOutcome["details"] = {};
    if (plan.ok) {
      const show = await this.tf(dir, ["show", "-json", "tfplan"]);
      const j = JSON.parse(show.out.slice(show.out.indexOf("{"), show.out.lastIndexOf("}") + 1));
      for (const rc of j.resource_changes ?? []) {
        changes[rc.address] = rc.change.actions;
        details[rc.address] = {
          replacePaths: rc.change.replace_paths,
          before: rc.change.before,
          after: rc.change.after,
          afterUnknown: rc.change.after_unknown,
        };
      }
      for (const r of j.planned_values?.root_module?.resources ?? []) values[r.address] = r.values;
    }
    return { stack, validate, planOk: plan.ok, planLog: plan.out, changes, values, details };
  }
}

/** Runs `fn` over items with at most `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
