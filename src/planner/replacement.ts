/**
 * Which aws_vpc_endpoint arguments make Terraform replace the endpoint (destroy and create: a new id, new ENIs
 * and DNS names) rather than change it in place: data, in one place, each row with its proof. The adoption
 * comparison (decisions/adoption.ts) takes a table of this shape as data, so that the table `vpce diff` keeps
 * can be passed instead.
 *
 * Proof: `__tests__/terraform/adopt.test.ts` ("replacement table") plans real Terraform (hashicorp/aws 5.100.0)
 * over a state holding an endpoint that differs from the configuration in one argument at a time, with
 * `-refresh=false`, and asserts the action for every row here: replace (`replace_paths` names the argument) for
 * `replaces: true`, update in place for `replaces: false`. resource_configuration_arn and service_network_arn
 * (VPC Lattice endpoints, which vpce does not plan yet) are ForceNew in the provider's schema as well; they are
 * left out until a test proves them.
 */
export interface ReplacementRow {
  /** The argument, with `.` for a nested block's attribute (`dns_options.dns_record_ip_type`). */
  readonly argument: string;
  readonly replaces: boolean;
}

export type ReplacementTable = ReadonlyMap<string, ReplacementRow>;

const ROWS: readonly ReplacementRow[] = [
  { argument: "vpc_id", replaces: true },
  { argument: "service_name", replaces: true },
  { argument: "vpc_endpoint_type", replaces: true },
  { argument: "service_region", replaces: true },
  { argument: "subnet_ids", replaces: false },
  { argument: "security_group_ids", replaces: false },
  { argument: "route_table_ids", replaces: false },
  { argument: "private_dns_enabled", replaces: false },
  { argument: "policy", replaces: false },
  { argument: "ip_address_type", replaces: false },
  { argument: "dns_options.dns_record_ip_type", replaces: false },
  { argument: "dns_options.private_dns_only_for_inbound_resolver_endpoint", replaces: false },
  { argument: "subnet_configuration", replaces: false },
  { argument: "tags", replaces: false },
];

/** The proven table for aws_vpc_endpoint (hashicorp/aws 5.100.0). */
export const ENDPOINT_REPLACEMENT: ReplacementTable = new Map(ROWS.map((r) => [r.argument, r]));

/** Whether a change of `argument` replaces the endpoint; an argument the table lacks is taken to replace it. */
export function replaces(table: ReplacementTable, argument: string): boolean {
  return table.get(argument)?.replaces ?? true;
}
