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

export interface IngressRule {
  /** Terraform resource name of the rule. */
  readonly address: string;
  /** What `cidr` holds: an IPv4 block (cidr_ipv4), an IPv6 block (cidr_ipv6) or a security group id. */
  readonly kind: "ipv4" | "ipv6" | "security-group";
  /** The rule's source as text: the CIDR block, or for kind security-group the group's id. */
  readonly cidr: string;
  readonly port: number;
  readonly description: string;
}

export interface SecurityGroupPlan {
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

export interface EndpointPlan {
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
}

export interface Plan {
  readonly stacks: readonly StackPlan[];
}
