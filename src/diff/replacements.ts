/**
 * The arguments whose change makes Terraform replace a resource (destroy and create) rather than update it in
 * place. No offline schema says so (the provider's ForceNew / RequiresReplace is not in `terraform providers
 * schema`): every row here is proven by __tests__/terraform/replacements.test.ts, which plans the change against
 * a state with the real provider and finds the argument in `replace_paths`. A row that test cannot prove does not
 * belong here; the same test proves that the other arguments vpce sets change in place.
 */

/** The provider and Terraform the rows were proven with (the local mirror of the tests). */
export const PROVEN_WITH = { provider: "hashicorp/aws", version: "5.100.0", terraform: "1.11.4" } as const;

export type ResourceType = "aws_vpc_endpoint" | "aws_security_group" | "aws_vpc_security_group_ingress_rule";

export interface ReplacementRow {
  readonly resource: ResourceType;
  readonly argument: string;
  /** `any`: any new value replaces; `set-or-unset`: giving or removing the value replaces (a new value does not). */
  readonly change: "any" | "set-or-unset";
}

export const FORCES_REPLACEMENT: readonly ReplacementRow[] = [
  { resource: "aws_vpc_endpoint", argument: "vpc_id", change: "any" },
  { resource: "aws_vpc_endpoint", argument: "service_name", change: "any" },
  { resource: "aws_vpc_endpoint", argument: "vpc_endpoint_type", change: "any" },
  { resource: "aws_vpc_endpoint", argument: "service_region", change: "any" },
  { resource: "aws_security_group", argument: "name_prefix", change: "any" },
  { resource: "aws_security_group", argument: "description", change: "any" },
  { resource: "aws_security_group", argument: "vpc_id", change: "any" },
  { resource: "aws_vpc_security_group_ingress_rule", argument: "security_group_id", change: "any" },
  { resource: "aws_vpc_security_group_ingress_rule", argument: "cidr_ipv4", change: "set-or-unset" },
  { resource: "aws_vpc_security_group_ingress_rule", argument: "cidr_ipv6", change: "set-or-unset" },
  { resource: "aws_vpc_security_group_ingress_rule", argument: "referenced_security_group_id", change: "set-or-unset" },
];

/** Whether a change of `argument` from `before` to `after` replaces the resource (undefined: not set). */
export function forcesReplacement(opts: {
  resource: ResourceType;
  argument: string;
  before: string | undefined;
  after: string | undefined;
  /** Arguments the stack tells Terraform to ignore (lifecycle ignore_changes). */
  ignored?: readonly string[];
}): boolean {
  if (opts.before === opts.after || opts.ignored?.includes(opts.argument)) return false;
  const row = FORCES_REPLACEMENT.find((r) => r.resource === opts.resource && r.argument === opts.argument);
  if (!row) return false;
  return row.change === "any" || opts.before === undefined || opts.after === undefined;
}
