/**
 * The arguments whose change makes Terraform replace a resource (destroy and create) rather than update it in
 * place. No offline schema says so (the provider's ForceNew / RequiresReplace is not in `terraform providers
 * schema`): every row here is proven by __tests__/terraform/replacements.test.ts, which plans the change against
 * a state with the real provider and finds the argument in `replace_paths`. A row that test cannot prove does not
 * belong here; the same test proves that the other arguments vpce sets change in place.
 *
 * `vpce diff` (src/diff/compare.ts) and the adoption of existing endpoints (decisions/adoption.ts) both read this
 * one table; __tests__/terraform/adopt.test.ts proves the endpoint rows once more, against an adopted endpoint.
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

/** aws_vpc_endpoint arguments vpce sets that change in place (proven by both tests above). */
const ENDPOINT_IN_PLACE = [
  "subnet_ids",
  "security_group_ids",
  "route_table_ids",
  "private_dns_enabled",
  "policy",
  "ip_address_type",
  "dns_options.dns_record_ip_type",
  "dns_options.private_dns_only_for_inbound_resolver_endpoint",
  "subnet_configuration",
  "tags",
];

/** One aws_vpc_endpoint argument and whether a change of it replaces the endpoint. */
export interface EndpointArgument {
  /** The argument, with `.` for a nested block's attribute (`dns_options.dns_record_ip_type`). */
  readonly argument: string;
  readonly replaces: boolean;
}

export type ReplacementTable = ReadonlyMap<string, EndpointArgument>;

/** The aws_vpc_endpoint view of the table, for comparing an existing endpoint with a planned one. */
export const ENDPOINT_REPLACEMENT: ReplacementTable = new Map<string, EndpointArgument>([
  ...FORCES_REPLACEMENT.filter((r) => r.resource === "aws_vpc_endpoint").map((r): [string, EndpointArgument] => [
    r.argument,
    { argument: r.argument, replaces: true },
  ]),
  ...ENDPOINT_IN_PLACE.map((a): [string, EndpointArgument] => [a, { argument: a, replaces: false }]),
]);

/** Whether a change of `argument` replaces the endpoint; an argument the table lacks is taken to replace it. */
export function replaces(table: ReplacementTable, argument: string): boolean {
  return table.get(argument)?.replaces ?? true;
}
