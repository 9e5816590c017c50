/**
 * The validated, normalized form of one spec file: what the planner reads.
 * Every element keeps its field path and position so that later findings
 * can point into the user's file.
 */
import type { Position } from "../diagnostics";
import type { SourceFile } from "./load";

export type PolicyChoice =
  | { readonly kind: "full-access" }
  | { readonly kind: "org-only" }
  /**
   * A policy file, relative to the spec; `document` is its parsed JSON, `real` where its links led, `digest` the
   * SHA-256 of the bytes read (what the synth's spec cache checks).
   */
  | {
      readonly kind: "file";
      readonly file: string;
      readonly document: unknown;
      readonly real?: string;
      readonly digest?: string;
    };

export type EndpointTypeChoice = "gateway" | "interface" | "both" | LatticeTypeChoice;

/** VPC Lattice endpoint types: a resource configuration, or a service network (provider Resource, ServiceNetwork). */
export type LatticeTypeChoice = "resource" | "service-network";

export interface Located {
  /** Field path in the spec, e.g. `vpcs[0].subnets[1]`. */
  readonly path: string;
  readonly pos: Position;
}

export interface ServiceRequest extends Located {
  /** Catalog id, or an `endpoints:` key that declares a custom service. */
  readonly key: string;
  /** How the subnet asked: `services` or `bundle ecr-pull`. */
  readonly via: string;
}

export interface SubnetModel extends Located {
  readonly name: string;
  readonly id: string;
  readonly az?: string;
  readonly azId?: string;
  readonly cidr: string;
  /** The subnet's IPv6 block, as written. */
  readonly ipv6Cidr?: string;
  readonly routeTable?: string;
  /** The subnet's name before a rename (`renamedFrom`): its rules' old addresses are moved to the new ones. */
  readonly renamedFrom?: string;
  /** One entry per distinct service key, first way of asking wins. */
  readonly requests: readonly ServiceRequest[];
}

export interface EndpointSettings extends Located {
  readonly key: string;
  readonly type?: EndpointTypeChoice;
  readonly privateDns?: boolean;
  readonly policy?: PolicyChoice;
  readonly policyPath?: Located;
  readonly serviceName?: string;
  readonly port?: number;
  readonly allowedCidrs: readonly string[];
  /** Where each of allowedCidrs is written (same order). */
  readonly allowedCidrsAt: readonly Located[];
  /** Security group ids admitted on the service port besides the requesting subnets. */
  readonly allowedSecurityGroups: readonly string[];
  /** Cross-region: the catalog id of the service (default: the key) and its region (service_region). */
  readonly service?: string;
  readonly serviceRegion?: string;
  /** VPC Lattice: the ARN the endpoint reaches (type resource / service-network), and the ports its group admits. */
  readonly resourceConfigurationArn?: string;
  readonly serviceNetworkArn?: string;
  readonly ports?: readonly number[];
  readonly ipAddressType?: "ipv4" | "dualstack" | "ipv6";
  readonly dnsRecordIpType?: "ipv4" | "dualstack" | "ipv6" | "service-defined";
  /** Fixed IPv4 addresses of the ENIs, by subnet name (subnet_configuration). */
  readonly fixedIps: Readonly<Record<string, string>>;
  /** Where each fixedIps entry is written, by subnet name. */
  readonly fixedIpsAt: Readonly<Record<string, Located>>;
  /** Tags of the endpoint and its security groups, over the stack tags (provider default_tags). */
  readonly tags: Readonly<Record<string, string>>;
  /** The entry's key before a rename (`renamedFrom`). */
  readonly renamedFrom?: string;
  /** Declared data volume of the service in this VPC, GB per month. */
  readonly gbPerMonth?: number;
  /** false: in a spoke, the service stays local although the hub offers it. */
  readonly useHub?: false;
}

/** A hub VPC (`hub:`): the services whose endpoints it hosts for its spokes. */
export interface HubModel extends Located {
  /** Catalog ids, as written (sorted, distinct). */
  readonly services: readonly string[];
  /** Where each service is written, by id. */
  readonly servicesAt: Readonly<Record<string, Located>>;
}

/** A spoke VPC (`useHub:`): the hub VPC serving it, `<stack>/<vpc>`. */
export interface UseHubModel extends Located {
  readonly stack: string;
  readonly vpc: string;
}

export interface VpcModel extends Located {
  readonly name: string;
  /** The VPC's name before a rename (`renamedFrom`). */
  readonly renamedFrom?: string;
  readonly id: string;
  readonly cidrs: readonly string[];
  readonly endpointSubnets?: readonly string[];
  readonly subnets: readonly SubnetModel[];
  readonly endpoints: ReadonlyMap<string, EndpointSettings>;
  readonly hub?: HubModel;
  readonly useHub?: UseHubModel;
  /** `retire:` existing endpoints to remove through Terraform, by id: step `adopt` (import), then `delete`. */
  readonly retire?: ReadonlyMap<string, RetireEntry>;
}

export interface RetireEntry extends Located {
  readonly id: string;
  readonly step: "adopt" | "delete";
}

/**
 * Where a stack keeps its state. A local path is relative to the project root (the folder holding cdktf.json,
 * where synth runs), never to the output folder: `cdktf.out` is regenerated and gitignored, and state kept there
 * is lost with it. `explicit` is false for the default a spec without `backend:` gets.
 */
export type BackendModel =
  | { readonly kind: "local"; readonly path: string; readonly explicit: boolean }
  | {
      readonly kind: "s3";
      readonly bucket: string;
      readonly key: string;
      readonly region: string;
      readonly dynamodbTable?: string;
      readonly useLockfile?: boolean;
      readonly encrypt?: boolean;
      readonly roleArn?: string;
    };

export interface SpecModel {
  readonly file: string;
  readonly source: SourceFile;
  readonly stack: string;
  readonly stackPos: Position;
  readonly region: string;
  readonly partition: string;
  readonly account?: string;
  readonly assumeRoleArn?: string;
  readonly organizationId?: string;
  readonly backend: BackendModel;
  readonly tags: Readonly<Record<string, string>>;
  readonly defaults: { readonly privateDns: boolean; readonly policy: PolicyChoice; readonly policyPath?: Located };
  readonly vpcs: readonly VpcModel[];
}
