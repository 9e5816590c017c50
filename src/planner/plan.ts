/**
 * The plan: pure data that says which endpoints exist, where, admitting whom,
 * and why. The constructs, reports and the diff read this, never the
 * Terraform JSON.
 */
import type { BackendModel } from "../input/spec-model";

/** `Resource` and `ServiceNetwork` are VPC Lattice endpoints: ENIs and security groups like interface endpoints. */
export type PlannedEndpointType = "Gateway" | "Interface" | "Resource" | "ServiceNetwork";

export interface Requester {
  readonly subnet: string;
  readonly subnetId: string;
  readonly cidr: string;
  /** `az` name or `azId`, as the spec gives it. */
  readonly az: string;
  readonly routeTable?: string;
  /** How the subnet asked: `services` or `bundle <id>`. */
  readonly via: string;
}

export interface PlacedSubnet {
  readonly subnet: string;
  readonly subnetId: string;
  readonly az: string;
  /** The ENI's fixed IPv4 address (`fixedIps`); undefined lets AWS choose. */
  readonly ipv4?: string;
}

/**
 * A resource whose address changed with a declared rename (`renamedFrom`): `movedFrom` is its old address, from
 * which synth writes a Terraform `moved` block.
 */
export interface Movable {
  readonly address: string;
  readonly movedFrom?: string;
}

export interface IngressRule extends Movable {
  /** Terraform resource name of the rule. */
  readonly address: string;
  /** What `cidr` holds: an IPv4 block (cidr_ipv4), an IPv6 block (cidr_ipv6) or a security group id. */
  readonly kind: "ipv4" | "ipv6" | "security-group";
  /** The rule's source as text: the CIDR block, or for kind security-group the group's id. */
  readonly cidr: string;
  readonly port: number;
  readonly description: string;
  /** The requesting subnets the rule admits, by name (none for allowedCidrs and security group sources). */
  readonly subnets: readonly string[];
}

/**
 * The security group arguments Terraform ignores once the group exists (lifecycle ignore_changes). Both force a
 * replacement (src/planner/replacements.ts) and both are made of names (VPC, endpoints key), so a rename would
 * replace the group and cut off its clients while its rules are recreated; the Name tag follows the new name.
 */
export const SECURITY_GROUP_IGNORED_CHANGES = ["name_prefix", "description"] as const;

export interface SecurityGroupPlan extends Movable {
  readonly address: string;
  /**
   * The group's name stem: its Name tag, and with a trailing `-` its `name_prefix` (AWS appends a unique suffix,
   * so a replacement can exist beside the group it replaces).
   */
  readonly name: string;
  readonly description: string;
  readonly ingress: readonly IngressRule[];
}

export interface PolicyPlan {
  /** `unsupported`: the service takes no endpoint policy, none is attached. */
  readonly kind: "full-access" | "org-only" | "file" | "unsupported";
  /** Compact JSON document set on the endpoint; undefined leaves AWS's default (full access). */
  readonly document?: string;
  /** The policy file, relative to the spec, for kind `file`. */
  readonly source?: string;
}

export interface EndpointPlan extends Movable {
  /** Terraform resource name of the endpoint (and of its security group). */
  readonly address: string;
  /**
   * Key in the stack's outputs and Name tag base: `<vpc>/<service>`, plus `/interface` for the interface half
   * of a `both` endpoint.
   */
  readonly key: string;
  /**
   * Addresses of endpoints of the same stack that must exist first (the gateway of a service whose interface
   * endpoint answers only the inbound resolver: S3).
   */
  readonly dependsOn: readonly string[];
  readonly vpc: string;
  readonly vpcId: string;
  /** Catalog id or custom key. */
  readonly service: string;
  /**
   * The endpoint service's full name; for the VPC Lattice types (Resource, ServiceNetwork) the ARN the endpoint
   * reaches (written as resource_configuration_arn or service_network_arn: they have no service name).
   */
  readonly serviceName: string;
  /** Cross-region PrivateLink: the region of the service (`service_region`). */
  readonly serviceRegion?: string;
  readonly type: PlannedEndpointType;
  /** The service's TCP port; for VPC Lattice endpoints the lowest of `ports`. */
  readonly port: number;
  /** VPC Lattice endpoints: every port the security groups admit (sorted; `ports:`, default 443). */
  readonly ports?: readonly number[];
  readonly requesters: readonly Requester[];
  /** Gateway: route tables the endpoint is attached to, sorted. */
  readonly routeTableIds: readonly string[];
  /** Interface: one subnet per AZ, sorted by AZ. */
  readonly subnets: readonly PlacedSubnet[];
  /** Interface: the endpoint's security groups (one, unless the rule quota forces more). Gateway: none. */
  readonly securityGroups: readonly SecurityGroupPlan[];
  readonly privateDns: boolean;
  /** `ip_address_type`, when the spec sets ipAddressType (AWS's default is ipv4). */
  readonly ipAddressType?: "ipv4" | "dualstack" | "ipv6";
  /** `dns_options.dns_record_ip_type`, when the spec sets dnsRecordIpType. */
  readonly dnsRecordIpType?: "ipv4" | "dualstack" | "ipv6" | "service-defined";
  /** Set only for S3 interface endpoints with private DNS. */
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
  /** Subnets of the VPC that did not ask for the service but resolve it to this endpoint (private DNS). */
  readonly dnsCaptured: readonly string[];
  readonly policy: PolicyPlan;
  /** The endpoint's own tags (`endpoints.<svc>.tags`), set on it and its security groups over the stack tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** Why each decision was taken, in the order they were taken. */
  readonly reasons: readonly string[];
  /** Hourly price of the endpoint itself (interface: per ENI), USD, reference region. */
  readonly hourlyUsd: number;
  /** Set when the endpoint's hourly price is not known to vpce (hourlyUsd is then 0): why, for the reports. */
  readonly unpriced?: string;
  /** The existing endpoint (from the inventory) this one adopts: synth writes an `import` block for it. */
  readonly adopt?: Adoption;
}

/** One argument of an existing endpoint that the first apply changes. */
export interface EndpointChange {
  /** The aws_vpc_endpoint argument (`subnet_ids`, `private_dns_enabled`, `dns_options.dns_record_ip_type`...). */
  readonly argument: string;
  /** What the inventory records, and what the plan sets, as text. */
  readonly from: string;
  readonly to: string;
  /** Terraform replaces the endpoint for this change (a ForceNew argument; see planner/replacements.ts). */
  readonly replaces: boolean;
}

/** An existing endpoint taken over by a planned one. */
export interface Adoption {
  readonly endpointId: string;
  /** The inventory entry: `inventory/111122223333-eu-central-1.json:12:5`. */
  readonly source: string;
  /** What the first apply changes on it, by argument. */
  readonly changes: readonly EndpointChange[];
  /** What the first apply leaves as it is, worth knowing (a policy kept, security groups left behind). */
  readonly notes: readonly string[];
}

/** What vpce does with an existing endpoint (`vpce adopt`). */
export type ExistingAction = "adopt" | "unrequested" | "retire" | "delete" | "conflict";

/** An endpoint the inventory records in a VPC of the plan, and what vpce does with it. */
export interface ExistingEndpointPlan {
  readonly endpointId: string;
  readonly serviceName: string;
  /** The catalog id or endpoints key of the planned endpoint it matches, when there is one. */
  readonly service?: string;
  /** As the inventory writes it: Interface, Gateway, GatewayLoadBalancer, Resource, ServiceNetwork. */
  readonly type: string;
  readonly state: string;
  readonly source: string;
  readonly action: ExistingAction;
  /** The Terraform address it is imported into (adopt, retire), or the planned endpoint it conflicts with. */
  readonly address?: string;
  readonly changes: readonly EndpointChange[];
  readonly notes: readonly string[];
}

/** `retire: { <id>: adopt }`: an existing endpoint imported as the inventory records it, to be deleted next. */
export interface RetiredEndpointPlan {
  readonly address: string;
  readonly endpointId: string;
  readonly vpcId: string;
  readonly serviceName: string;
  readonly type: "Interface" | "Gateway";
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly routeTableIds: readonly string[];
  readonly privateDns?: boolean;
  /** The policy as the inventory records it (AWS's JSON string). */
  readonly policy?: string;
  readonly ipAddressType?: string;
  readonly serviceRegion?: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface VpcPlan {
  readonly name: string;
  readonly id: string;
  readonly cidrs: readonly string[];
  readonly endpoints: readonly EndpointPlan[];
  /**
   * Some endpoint of the VPC uses private DNS, which works only with the VPC's enableDnsSupport and
   * enableDnsHostnames: the stack checks both at plan time (a Terraform `check` block, which only warns).
   */
  readonly dnsCheck: boolean;
  /**
   * The endpoints the stack's inventory records in this VPC (live ones), and what vpce does with each; absent
   * when no inventory covers the stack.
   */
  readonly existing?: readonly ExistingEndpointPlan[];
  /** Existing endpoints imported to be deleted (`retire: { <id>: adopt }`). */
  readonly retired?: readonly RetiredEndpointPlan[];
}

export interface StackPlan {
  readonly stack: string;
  readonly file: string;
  readonly region: string;
  readonly partition: string;
  readonly account?: string;
  readonly assumeRoleArn?: string;
  readonly backend: BackendModel;
  readonly tags: Readonly<Record<string, string>>;
  readonly vpcs: readonly VpcPlan[];
  /** The inventory the stack was matched against (display path), when one covers it. */
  readonly inventory?: string;
}

export interface Plan {
  readonly stacks: readonly StackPlan[];
}
