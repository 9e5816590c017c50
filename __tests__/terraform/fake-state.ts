/**
 * Real Terraform against a state that never touched AWS: a configuration is planned from nothing, the planned
 * values (with every value only AWS would know filled in by type, and references resolved to the ids filled in)
 * become a version 4 state file, and a second configuration is planned against it with `-refresh=false`, so the
 * provider itself says which changes it makes in place and which force a replacement (`replace_paths`). No
 * provider schema says ForceNew offline; this does.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Terraform } from "./harness";

/** Terraform type expressions of `terraform providers schema -json`: "string", ["list", T], ["object", {...}]. */
type TypeExpr = string | [string, unknown];

interface BlockSchema {
  attributes?: Record<string, { type?: TypeExpr }>;
  block_types?: Record<string, { nesting_mode: string }>;
}
interface ResourceSchemas {
  [type: string]: { version: number; block: BlockSchema };
}

export interface ResourceChange {
  address: string;
  previous_address?: string;
  change: { actions: string[]; replace_paths?: unknown[][]; before?: unknown; after?: unknown };
}

type Json = Record<string, unknown>;

const PROVIDER = "registry.terraform.io/hashicorp/aws";

/** Attributes that AWS sets to the resource's own id (a Route 53 zone's `zone_id` is its `id`), by type. */
const OWN_ID: Readonly<Record<string, string>> = { aws_route53_zone: "zone_id" };

/** A working folder for one configuration family: providers linked, fake credentials, local default backend. */
export class FakeState {
  private schemas?: ResourceSchemas;

  constructor(
    private readonly tf: Terraform,
    readonly dir: string,
  ) {}

  /** Links the mirror's providers into the folder (init once per required_providers block, as the harness does). */
  async init(awsVersion: string): Promise<void> {
    await this.tf.prepare(this.dir, { aws: { source: "hashicorp/aws", version: awsVersion } });
  }

  /** The provider's resource schemas (types and schema versions), read once. */
  private async resourceSchemas(): Promise<ResourceSchemas> {
    if (!this.schemas) {
      this.write({});
      const r = await this.tf.tf(this.dir, ["providers", "schema", "-json"]);
      if (!r.ok) throw new Error(`terraform providers schema failed:\n${r.out}`);
      const j = JSON.parse(r.out.slice(r.out.indexOf("{"), r.out.lastIndexOf("}") + 1));
      this.schemas = j.provider_schemas[PROVIDER].resource_schemas as ResourceSchemas;
    }
    return this.schemas;
  }

  /** Writes `main.tf.json`: the given blocks under an offline provider with fake credentials. */
  write(config: Json): void {
    const doc = {
      ...config,
      provider: {
        aws: [
          {
            region: "eu-central-1",
            access_key: "AKIAIOSFODNN7EXAMPLE",
            secret_key: "offline-test-not-a-secret",
            skip_credentials_validation: true,
            skip_requesting_account_id: true,
            skip_metadata_api_check: true,
          },
        ],
      },
    };
    fs.writeFileSync(path.join(this.dir, "main.tf.json"), JSON.stringify(doc, null, 2));
  }

  /** Plans `config` from an empty state and writes the result as `terraform.tfstate`, as if it had been applied. */
  async applyFake(config: Json): Promise<void> {
    fs.rmSync(path.join(this.dir, "terraform.tfstate"), { force: true });
    const plan = await this.planJson(config);
    const schemas = await this.resourceSchemas();
    const ids = new Map<string, string>();
    const resources: Json[] = [];
    const changes = (plan.resource_changes ?? []) as Array<Json & { change: Json }>;
    // ids first, so references between resources resolve whatever their order
    for (const rc of changes) ids.set(rc.address as string, fakeId(rc.type as string, rc.address as string));
    const config2 = (plan.configuration as Json).root_module as { resources?: Json[] };
    for (const rc of changes) {
      const type = rc.type as string;
      const schema = schemas[type];
      const after = { ...(rc.change.after as Json) };
      const unknown = (rc.change.after_unknown ?? {}) as Json;
      const expressions = (config2.resources ?? []).find((r) => r.address === rc.address)?.expressions as
        Record<string, { references?: string[] }> | undefined;
      for (const [attr, isUnknown] of Object.entries(unknown)) {
        if (isUnknown !== true) continue;
        const refs = (expressions?.[attr]?.references ?? []).flatMap((r) => {
          const m = /^(.*)\.([a-z_]+)$/.exec(r);
          return m && (m[2] === "id" || OWN_ID[m[1].split(".")[0]] === m[2]) ? [m[1]] : [];
        });
        const referenced = refs.map((r) => ids.get(r) as string).filter(Boolean);
        if (attr === "id" || OWN_ID[type] === attr) after[attr] = ids.get(rc.address as string);
        else if (referenced.length > 0) after[attr] = isCollection(schema, attr) ? referenced : referenced[0];
        else after[attr] = emptyOf(schema, attr);
      }
      for (const [name, b] of Object.entries(schema.block.block_types ?? {}))
        if (after[name] === undefined || after[name] === null) after[name] = b.nesting_mode === "single" ? null : [];
      resources.push({
        mode: "managed",
        type,
        name: rc.name,
        provider: `provider["${PROVIDER}"]`,
        instances: [{ schema_version: schema.version, attributes: after, sensitive_attributes: [] }],
      });
    }
    const state = {
      version: 4,
      terraform_version: "1.5.0",
      serial: 1,
      lineage: "00000000-0000-4000-8000-000000000000",
      outputs: {},
      resources,
    };
    fs.writeFileSync(path.join(this.dir, "terraform.tfstate"), JSON.stringify(state, null, 2));
  }

  /** Plans `config` against the folder's state without refreshing; the plan as `terraform show -json` gives it. */
  async planJson(config: Json): Promise<Json> {
    this.write(config);
    const plan = await this.tf.tf(this.dir, ["plan", "-lock=false", "-refresh=false", "-no-color", "-out=tfplan"]);
    if (!plan.ok) throw new Error(`terraform plan failed:\n${plan.out}`);
    const show = await this.tf.tf(this.dir, ["show", "-json", "tfplan"]);
    if (!show.ok) throw new Error(`terraform show failed:\n${show.out}`);
    return JSON.parse(show.out.slice(show.out.indexOf("{"), show.out.lastIndexOf("}") + 1)) as Json;
  }

  /** The resource changes of `config` planned against the state. */
  async changes(config: Json): Promise<ResourceChange[]> {
    return ((await this.planJson(config)).resource_changes ?? []) as ResourceChange[];
  }
}

function fakeId(type: string, address: string): string {
  const hex = crypto.createHash("sha256").update(address).digest("hex").slice(0, 17);
  const prefix: Record<string, string> = { aws_security_group: "sg", aws_vpc_endpoint: "vpce" };
  return type === "aws_vpc_security_group_ingress_rule" ? `sgr-${hex}` : `${prefix[type] ?? "id"}-${hex}`;
}

function typeOf(schema: { block: BlockSchema }, attr: string): TypeExpr | undefined {
  return schema.block.attributes?.[attr]?.type;
}

function isCollection(schema: { block: BlockSchema }, attr: string): boolean {
  const t = typeOf(schema, attr);
  return Array.isArray(t) && (t[0] === "list" || t[0] === "set");
}

/** What AWS would have said, for a value only AWS knows: an empty value of the attribute's type. */
function emptyOf(schema: { block: BlockSchema }, attr: string): unknown {
  const t = typeOf(schema, attr);
  if (Array.isArray(t)) return t[0] === "map" || t[0] === "object" ? {} : [];
  if (t === "bool") return false;
  if (t === "number") return 0;
  if (t === "string") return attr === "arn" ? `arn:aws:ec2:eu-central-1:111122223333:fake/${attr}` : "";
  return null;
}
