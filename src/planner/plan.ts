/**
 * The plan: pure data that says which endpoints exist, where, admitting whom,
 * and why. The constructs, reports and the diff read this, never the
 * Terraform JSON.
 */
import type { BackendModel } from "../input/spec-model";

/** `Resource` and `ServiceNetwork` are VPC Lattice endpoints: ENIs and security groups like interface endpoints. */
export type PlannedEndpointType = "Gateway" | "Interface" | "Resource" | "ServiceNetwork";

/** Each planned type as the spec writes it (`type: service-network`), for messages, reasons and reports. */
export const SPEC_TYPE_NAMES: Readonly<Record<PlannedEndpointType, string>> = {
  Gateway: "gateway",
  Interface: "interface",
  Resource: "resource",
  ServiceNetwork: "service-network",
};

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
  /** Why each decision was taken, in the order they were taken; empty when planned without them (explain false). */
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
  /** The VPC is a hub (`hub:`): its zones, spokes and what it saves. */
  readonly hub?: HubPlan;
  /** The VPC is a spoke (`useHub:`): what its hub serves it, and the associations its own stack makes. */
  readonly useHub?: UseHubPlan;
}

/** One record of a hub zone: an alias to the hub endpoint's first DNS entry. */
export interface ZoneRecordPlan extends Movable {
  /** Terraform resource name (aws_route53_record). */
  readonly address: string;
  /** The record's name: the zone's name, or `*.<zone>` for the wildcard. */
  readonly name: string;
  readonly type: "A" | "AAAA";
}

/**
 * A VPC a hub zone answers. `inline`: the hub VPC, in the zone's own `vpc` block (a private zone is created with
 * one VPC); `same-account`: an aws_route53_zone_association in the hub's stack; `cross-account`: an
 * aws_route53_vpc_association_authorization in the hub's stack and the aws_route53_zone_association in the
 * spoke's stack.
 */
export interface ZoneAssociationPlan extends Movable {
  readonly kind: "inline" | "same-account" | "cross-account";
  /** Terraform resource name in the hub's stack (association or authorization); empty for `inline`. */
  readonly address: string;
  readonly stack: string;
  readonly vpc: string;
  readonly vpcId: string;
  /** Subnets of that VPC that did not ask for the service and that the endpoint does not admit (sorted). */
  readonly captured: readonly string[];
}

export interface HostedZonePlan extends Movable {
  /** Terraform resource name (aws_route53_zone). */
  readonly address: string;
  /** Key in the hub stack's `hub_zone_ids` output: `<hub vpc>/<zone name>`. */
  readonly key: string;
  readonly name: string;
  readonly records: readonly ZoneRecordPlan[];
  /** Why the zone has a wildcard record, when it has one. */
  readonly wildcardWhy?: string;
  /** Every VPC the zone answers: the hub VPC first, then the spokes that asked, by stack and VPC. */
  readonly associations: readonly ZoneAssociationPlan[];
}

/** One client subnet of a hub endpoint in a spoke, as its security group admits it. */
export interface HubClient {
  readonly stack: string;
  readonly vpc: string;
  readonly subnet: string;
  readonly cidr: string;
}

/** Monthly cost of serving one service from the hub rather than with an endpoint in every VPC that asks. */
export interface HubServiceCost {
  /** ENIs of the hub endpoint. */
  readonly hubEnis: number;
  /** ENIs the VPCs that ask would have with endpoints of their own (the hub's own clients included). */
  readonly localEnis: number;
  /** (localEnis - hubEnis) x hours per month; negative when the hub has more ENIs than the VPCs would. */
  readonly eniHoursSaved: number;
  /** The hosted zones' own price. */
  readonly zonesUsd: number;
  /** ENI-hours saved at the ENI-hour price, less the zones. */
  readonly usdSaved: number;
  /** Price of each GB a spoke sends through the Transit Gateway to the hub (data processing). */
  readonly transitGatewayPerGb: number;
  /** Spoke traffic (GB/month, all spokes) at which the data processing eats the saving; 0 when nothing is saved. */
  readonly breakEvenGb: number;
  /** Per spoke that asks: its ENIs if it had its own endpoint, and its declared volume (endpoints.<svc>.gbPerMonth). */
  readonly spokes: ReadonlyArray<{
    readonly stack: string;
    readonly vpc: string;
    readonly localEnis: number;
    /** The spoke's volume above which the hub costs it more than an endpoint of its own. */
    readonly breakEvenGb: number;
    readonly gbPerMonth?: number;
  }>;
}

export interface HubServicePlan {
  readonly service: string;
  /** Address of the hub endpoint (aws_vpc_endpoint) in the hub's stack. */
  readonly endpoint: string;
  readonly zones: readonly HostedZonePlan[];
  /** Spoke subnets the endpoint's security group admits (the hub's own are the endpoint's requesters). */
  readonly clients: readonly HubClient[];
  readonly cost: HubServiceCost;
}

export interface HubPlan {
  /** The hub stack's output holding every zone id of its hubs by HostedZonePlan.key (cross-account spokes read it). */
  readonly output: string;
  /** Catalog ids the hub offers, sorted. */
  readonly services: readonly HubServicePlan[];
  /** Its spokes, by stack then VPC. */
  readonly spokes: ReadonlyArray<{
    readonly stack: string;
    readonly vpc: string;
    readonly vpcId: string;
    readonly account?: string;
    readonly crossAccount: boolean;
    /** The hub services the spoke asks for. */
    readonly services: readonly string[];
  }>;
}

/** Where a cross-account spoke reads its hub's zone ids: the hub stack's S3 state and the named output. */
export interface HubStateRef {
  /** Terraform name of the data source (data.terraform_remote_state.<address>). */
  readonly address: string;
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  readonly roleArn?: string;
  /** The output holding the zone ids by HostedZonePlan.key. */
  readonly output: string;
}

export interface UseHubPlan {
  readonly stack: string;
  readonly vpc: string;
  readonly vpcId: string;
  readonly crossAccount: boolean;
  /** Services the hub serves this VPC, sorted. */
  readonly services: readonly string[];
  /** The VPC's subnets the hub serves, per service (by service, then subnet). */
  readonly clients: ReadonlyArray<{
    readonly service: string;
    readonly subnet: string;
    readonly az: string;
    readonly cidr: string;
  }>;
  /** Cross-account: the zone associations this VPC's stack creates, and where the zone ids come from. */
  readonly associations: ReadonlyArray<{
    /** Terraform resource name (aws_route53_zone_association) in this stack. */
    readonly address: string;
    /** Its name before a rename of this VPC (`renamedFrom`). */
    readonly movedFrom?: string;
    readonly service: string;
    readonly zone: string;
    /** HostedZonePlan.key of the zone. */
    readonly zoneKey: string;
  }>;
  readonly state?: HubStateRef;
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

/** How many gateway endpoints a stack's plan has (the region-wide quota counts them). */
export function planGateways(plan: StackPlan): number {
  return plan.vpcs.reduce((n, v) => n + v.endpoints.filter((e) => e.type === "Gateway").length, 0);
}

export interface Plan {
  readonly stacks: readonly StackPlan[];
}
