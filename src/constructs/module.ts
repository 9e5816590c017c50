/**
 * A stack as a reusable Terraform module (`vpce synth --module`), for teams that call it from a root module of
 * their own: the caller configures the provider (region, credentials, default tags) and the state, so the
 * module has neither a provider block nor a backend; `required_providers` stays so that `terraform init`
 * still checks the AWS provider's version. Built from the stack's Terraform JSON, so module and stack never
 * disagree about a resource.
 *
 * Variables: `tags` (merged over the spec's `tags`, which the stack sets as the provider's default_tags and a
 * module cannot) and `name_prefix` (prepended to security group name prefixes and Name tags, so that two callers in
 * one account never clash on a security group name).
 */
import type { Json } from "./hcl";

type JsonObject = { [key: string]: Json };

export const MODULE_VARIABLES: JsonObject = {
  tags: {
    type: "map(string)",
    default: {},
    description: "Tags on every resource, over the spec's tags (a resource's Name and vpce:service win)",
  },
  name_prefix: {
    type: "string",
    default: "",
    description: "Prepended to security group names and Name tags",
  },
};

/** The module document of a synthesized stack; `specTags`: the spec's `tags` (the stack's default_tags). */
export function moduleOf(opts: {
  stack: JsonObject;
  specTags: Readonly<Record<string, string>>;
  /**
   * Resource addresses (`aws_vpc_endpoint.x`) the module leaves out: the endpoints `retire:` imports to delete.
   * Import blocks belong to a root module only, and without its import such a resource would create a new endpoint.
   */
  omit?: readonly string[];
}): JsonObject {
  const stack = withoutComments(opts.stack) as JsonObject;
  const terraform = stack.terraform as JsonObject;
  const resources = (stack.resource ?? {}) as Record<string, Record<string, JsonObject>>;
  const resource: Record<string, Record<string, JsonObject>> = {};
  for (const [type, named] of Object.entries(resources)) {
    resource[type] = {};
    for (const [name, body] of Object.entries(named)) {
      if (opts.omit?.includes(`${type}.${name}`)) continue;
      const own = (body.tags ?? {}) as Record<string, string>;
      const next: JsonObject = { ...body };
      const prefixed = Object.fromEntries(
        Object.entries(own).map(([k, v]) => [k, k === "Name" ? `\${var.name_prefix}${literal(v)}` : literal(v)]),
      );
      next.tags = `\${merge(${hclMap(opts.specTags)}, var.tags, ${hclMap(prefixed, { raw: true })})}`;
      if (type === "aws_security_group" && typeof body.name === "string")
        next.name = `\${var.name_prefix}${literal(body.name)}`;
      // groups are named by prefix (create_before_destroy needs a free name): the caller's prefix goes first
      if (type === "aws_security_group" && typeof body.name_prefix === "string")
        next.name_prefix = `\${var.name_prefix}${literal(body.name_prefix)}`;
      resource[type][name] = next;
    }
  }
  return {
    terraform: {
      required_providers: terraform.required_providers,
      // check blocks (VPC DNS attributes) need Terraform 1.5, in a module as in the stack
      ...(terraform.required_version ? { required_version: terraform.required_version } : {}),
    },
    variable: MODULE_VARIABLES,
    resource,
    ...(stack.check ? { check: stack.check } : {}),
    ...(stack.output ? { output: stack.output } : {}),
  };
}

/** Drops cdktf's `//` metadata (construct paths and stack metadata that mean nothing to a module's caller). */
function withoutComments(v: Json): Json {
  if (Array.isArray(v)) return v.map(withoutComments);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => k !== "//")
      .map(([k, x]) => [k, withoutComments(x)]),
  );
}

/** Text taken literally inside a Terraform template: `${` and `%{` escaped. */
function literal(s: string): string {
  return s.replace(/([$%])\{/g, "$1$1{");
}

/**
 * An HCL object constructor of strings. The values are literal text unless `raw` (then they are template text
 * already: literal() applied to their literal parts).
 */
function hclMap(map: Readonly<Record<string, string>>, opts: { raw?: boolean } = {}): string {
  const q = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, "\\n")}"`;
  const items = Object.keys(map)
    .sort()
    .map((k) => `${q(literal(k))} = ${q(opts.raw ? map[k] : literal(map[k]))}`);
  return items.length > 0 ? `{ ${items.join(", ")} }` : "{}";
}
