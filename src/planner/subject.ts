/**
 * The subject of the plan rules: the planned stacks beside the spec models
 * they came from, and per endpoint the facts the planner used that the plan
 * itself does not hold. The planner decides; the rules of src/rules/plan/
 * judge the result from this.
 */
import type { Position } from "../diagnostics";
import type { EndpointSettings, Located, SpecModel, SubnetModel, VpcModel } from "../input/spec-model";
import type { DumpService } from "../region-dumps/read";
import type { AdoptionDecision } from "./decisions/adoption";
import type { GatewayRouting } from "./decisions/gateway";
import type { AzOffer, Placement } from "./decisions/placement";
import type { PolicyDecision } from "./decisions/policy";
import type { PrivateDnsDecision } from "./decisions/private-dns";
import type { SecurityGroupRules } from "./decisions/security-group";
import type { EndpointPlan, StackPlan, VpcPlan } from "./plan";
import type { ResolvedService } from "./service";
import type { Location } from "../rules/rule";
import type { HubNode, SpokeNode } from "./hub/topology";

export interface PlanSubject {
  /** In the order the planner planned them (by stack name). */
  readonly stacks: readonly StackSubject[];
  /**
   * The stacks left unplanned by a scoped run (PlanOptions.only), by stack name, with what the rules that look
   * across stacks read of them; absent when every stack was planned.
   */
  readonly unplanned?: readonly UnplannedStack[];
}

/**
 * A stack a scoped run did not plan, with what the rules that look across stacks read of it: plain data, so that
 * it can come from its spec model or from the synth's spec cache (src/input/spec-cache.ts) alike.
 */
export interface UnplannedStack {
  readonly stack: string;
  /** The spec file, as shown. */
  readonly file: string;
  readonly region: string;
  readonly account?: string;
  /** Where the spec's `vpcs` is (the gateway quota is reported there). */
  readonly vpcsAt: Position;
  /** How many gateway endpoints its plan would have (counted without planning it). */
  readonly gateways: number;
  /** Its spoke VPCs: name and where `useHub` is (a planned hub's zone capture is reported there). */
  readonly spokes: readonly { readonly vpc: string; readonly useHub: Located }[];
}

export interface StackSubject {
  readonly spec: SpecModel;
  readonly plan: StackPlan;
  /** Same order as plan.vpcs. */
  readonly vpcs: readonly VpcSubject[];
}

export interface VpcSubject {
  readonly model: VpcModel;
  readonly plan: VpcPlan;
  /** Service keys some subnet of the VPC requests. */
  readonly requested: ReadonlySet<string>;
  /** Same order as plan.endpoints. */
  readonly endpoints: readonly EndpointSubject[];
  /** The VPC is a hub: its spokes and what it offers. */
  readonly hubNode?: HubNode;
  /** The VPC is a spoke whose hub was found: what the hub serves it. */
  readonly spokeNode?: SpokeNode;
  /** What the stack's inventory says of the VPC's existing endpoints; absent without an inventory. */
  readonly adoption?: AdoptionDecision;
}

export interface EndpointSubject {
  readonly plan: EndpointPlan;
  readonly facts: EndpointFacts;
}

/** What the planner knew and decided for one endpoint, beyond what EndpointPlan says. */
export interface EndpointFacts {
  /** The service as planned: the catalog's (or custom) facts, with the region dump's entry applied when found. */
  readonly svc: ResolvedService;
  /** The VPC's `endpoints:` entry for the service, if any. */
  readonly settings?: EndpointSettings;
  /** Where the endpoint is written: its endpoints entry, else its first request, else the first requester. */
  readonly at: Located;
  /** Requesting subnets, by name. */
  readonly requesters: readonly SubnetModel[];
  /** The service is planned as gateway and interface together (type both). */
  readonly split: boolean;
  /** The region dump of the stack's region (display path), and its entry for this service and type. */
  readonly dump?: { readonly file: string; readonly entry?: DumpService; readonly offer?: AzOffer };
  readonly policy: PolicyDecision;
  /** Gateway endpoints: route tables. */
  readonly gateway?: GatewayRouting;
  /** Interface endpoints: where the ENIs went. */
  readonly placement?: Placement;
  /** Interface endpoints: private DNS. */
  readonly privateDns?: PrivateDnsDecision;
  /** Interface endpoints: what the security groups' rules hold, read without making them. */
  readonly securityGroupRules?: SecurityGroupRules;
}

type EndpointInContext = { readonly stack: StackSubject; readonly vpc: VpcSubject; readonly endpoint: EndpointSubject };

/** The list eachEndpoint built for a subject: most plan rules walk every endpoint, the list is built once. */
const endpointLists = new WeakMap<PlanSubject, readonly EndpointInContext[]>();

/** Every endpoint of the subject with its stack and VPC, in plan order (one shared list: do not change it). */
export function eachEndpoint(subject: PlanSubject): readonly EndpointInContext[] {
  let list = endpointLists.get(subject);
  if (!list) {
    list = subject.stacks.flatMap((stack) =>
      stack.vpcs.flatMap((vpc) => vpc.endpoints.map((endpoint) => ({ stack, vpc, endpoint }))),
    );
    endpointLists.set(subject, list);
  }
  return list;
}

/** A model element's position in its spec file, as a rule reports it. */
export function locate(file: string, at: Located): Location {
  return { file, pos: at.pos, path: at.path };
}
