import { indexHolding, mergedBlocks, parseCidr, type Cidr } from "../../cidr";
import type { SubnetModel } from "../../input/spec-model";
import type { IngressRule, SecurityGroupPlan } from "../plan";
import { NO_REASONS, type Decided } from "./types";
import { byName, sortedOrCopy, sortStrings } from "../../order";
import { flat } from "../flat";
import { agree } from "../../text";

/**
 * A client subnet the group admits: a subnet of the endpoint's VPC, or (hub endpoints) of a spoke, whose `name`
 * is then unique across the hub's clients and `label` says where it lives.
 */
export type SgClient = Pick<SubnetModel, "name" | "id" | "cidr" | "ipv6Cidr" | "renamedFrom"> & {
  readonly label?: string;
};

const NAME_PREFIX = "(name prefix): a replacement is created before the group it replaces is destroyed";

/** Default quotas (Amazon VPC quotas: security groups). */
export const SG_LIMITS = { inboundRulesPerGroup: 60, groupsPerInterface: 5 } as const;

/**
 * Least privilege: ingress only on the service port, only from the CIDRs of
 * the subnets that asked (plus explicit allowedCidrs, and the members of the
 * allowedSecurityGroups by reference); no egress rule (the
 * endpoint never initiates connections, and Terraform removes AWS's default
 * allow-all egress rule). One rule per subnet, named after it. Past the
 * quota of 60 inbound rules, CIDRs are first merged losslessly (adjacent
 * blocks only: not one address more is admitted), then spread over up to 5
 * groups; beyond that the endpoint cannot be built (the plan rule
 * security-group-quota says so). Blocks that cover every address are planned
 * as they are; the plan rule open-cidr refuses them.
 */
export function planSecurityGroups(opts: {
  /** VPC name, for group names and descriptions. */
  vpc: string;
  service: string;
  /** The endpoint's Terraform address: the groups' and rules' names start with it. */
  address: string;
  /** The TCP ports admitted: the service's one, or a VPC Lattice endpoint's `ports`. */
  ports: readonly number[];
  /** Rule addresses end in `_<port>` (VPC Lattice endpoints, whose ports are a list the spec may grow). */
  portInAddress?: boolean;
  requesters: readonly SgClient[];
  allowedCidrs: readonly string[];
  /** Security group ids admitted by reference (referenced_security_group_id). */
  allowedSecurityGroups?: readonly string[];
  /** The endpoint's ENIs have IPv6 addresses (dualstack, ipv6): the requesting subnets' IPv6 blocks are admitted. */
  ipv6?: boolean;
  /**
   * The endpoint's address before a rename (`renamedFrom` on its VPC or endpoints key); with the requesters'
   * own `renamedFrom`, every group and rule whose address changed gets `movedFrom`.
   */
  previousAddress?: string;
  /** Write the reasons (default); without, the decision alone (see PlanOptions.explain). */
  explain?: boolean;
  /** The client parts of the VPC's other endpoints, to share (default: none). */
  clientParts?: ClientPartsCache;
}): Decided<SecurityGroupPlan[]> {
  const clientCache = opts.clientParts ?? new Map();
  const { vpc, service, address, ports, requesters, allowedCidrs } = opts;
  // rules are first planned per source on the first port, then repeated for every port
  const port = ports[0];
  const previous = opts.previousAddress ?? address;
  // (`reasons?.push(...)` builds no text at all without reasons)
  const reasons: string[] | undefined = opts.explain === false ? undefined : [];
  const sorted = sortedOrCopy(requesters, byName);
  // a rule named after the endpoint and a tail of its own, before the renames as now (a source that is no subnet)
  const tailed = (tail: string, r: Pick<IngressRule, "kind" | "cidr" | "description"> & { subnets?: string[] }) =>
    rule({ address: address + tail, before: previous + tail, port, subnets: [], ...r });
  let ingress: IngressRule[] = [];
  // a subnet CIDR repeated (or repeated in allowedCidrs): one rule is enough (AWS rejects duplicates)
  const seen = new Set<string>();
  for (const s of sorted) {
    if (seen.size === seen.add(s.cidr).size) continue;
    const parts = clientParts(s, clientCache);
    ingress.push(
      rule({
        address: address + parts.addressTail,
        // (the same address unless a rename changed it: not built twice)
        before:
          s.renamedFrom === undefined && address === previous ? undefined : `${previous}_${s.renamedFrom ?? s.name}`,
        kind: "ipv4",
        cidr: s.cidr,
        port,
        description: service + parts.descriptionTail,
        subnets: parts.subnets,
      }),
    );
  }
  for (const c of allowedCidrs.length > 0 ? sortStrings([...new Set(allowedCidrs)]) : allowedCidrs) {
    if (seen.has(c)) continue;
    seen.add(c);
    ingress.push(tailed(cidrTail(c), { kind: "ipv4", cidr: c, description: `${service} from ${c} (allowedCidrs)` }));
  }
  if (ingress.length * ports.length > SG_LIMITS.inboundRulesPerGroup) {
    const merged = mergedBlocks(ingress.map((r) => r.cidr));
    reasons?.push(
      `${ingress.length} client CIDRs exceed ${SG_LIMITS.inboundRulesPerGroup} rules per security ` +
        `group: merged into ${merged.length} blocks that cover exactly the same addresses`,
    );
    // each rule in the one merged block holding it, in the rules' order
    const members = merged.map((): IngressRule[] => []);
    for (const r of ingress) {
      const at = indexHolding(merged, parseCidr(r.cidr) as Cidr);
      // the merged blocks cover every rule's CIDR (a model holds only valid ones)
      if (at < 0) throw new Error(`internal: ${r.cidr} is in no merged block of ${address}`);
      members[at].push(r);
    }
    ingress = merged.map((block, i) => {
      const names = members[i].map((m) => m.description.replace(/^\S+ from /, "")).join(", ");
      return tailed(cidrTail(block.text), {
        kind: "ipv4",
        cidr: block.text,
        description: truncate(`${service} from ${names}`, 255),
        subnets: members[i].flatMap((m) => m.subnets),
      });
    });
  }
  // IPv6 blocks (cidr_ipv6) only where the ENIs have IPv6 addresses: an IPv4-only endpoint gets no IPv6 rule
  if (opts.ipv6)
    for (const s of sorted)
      if (s.ipv6Cidr)
        ingress.push(
          rule({
            address: `${address}_${s.name}_ipv6`,
            before: `${previous}_${s.renamedFrom ?? s.name}_ipv6`,
            kind: "ipv6",
            cidr: s.ipv6Cidr,
            port,
            description: `${service} from subnet ${s.label ?? s.name} (${s.id}) over IPv6`,
            subnets: [s.label ?? s.name],
          }),
        );
  // group references are never merged: each names its own group
  const groupIds = opts.allowedSecurityGroups ?? [];
  for (const id of groupIds.length > 0 ? sortStrings([...new Set(groupIds)]) : groupIds) {
    ingress.push(
      tailed(`_${id.replace(/-/g, "_")}`, {
        kind: "security-group",
        cidr: id,
        description: `${service} from security group ${id} (allowedSecurityGroups)`,
      }),
    );
  }
  if (opts.portInAddress)
    ingress = ingress.flatMap((r) =>
      ports.map((p) => ({
        ...r,
        address: `${r.address}_${p}`,
        ...(r.movedFrom ? { movedFrom: `${r.movedFrom}_${p}` } : {}),
        port: p,
        description: `${r.description}, TCP ${p}`,
      })),
    );
  const groups: SecurityGroupPlan[] = [];
  for (let i = 0; i < ingress.length || groups.length === 0; i += SG_LIMITS.inboundRulesPerGroup) {
    const n = groups.length + 1;
    const suffix = n === 1 ? "" : `_${n}`;
    groups.push({
      address: `${address}${suffix}`,
      ...(address !== previous ? { movedFrom: `${previous}${suffix}` } : {}),
      name: flat`vpce-${vpc}-${service}${n === 1 ? "" : `-${n}`}`,
      description: flat`Clients of the ${service} VPC endpoint in ${vpc} (managed by vpce)`,
      ingress:
        ingress.length <= SG_LIMITS.inboundRulesPerGroup
          ? ingress
          : ingress.slice(i, i + SG_LIMITS.inboundRulesPerGroup),
    });
  }
  if (groups.length > 1)
    reasons?.push(
      `${ingress.length} rules spread over ${groups.length} security groups of at most ` +
        `${SG_LIMITS.inboundRulesPerGroup}`,
    );
  const named = reasons && groups.map((g) => `${g.name}-*`).join(", ");
  reasons?.push(
    flat`${agree({ n: groups, one: "security group", many: "security groups" })} named ${named} ` + NAME_PREFIX,
  );
  if (!reasons) return { decision: groups, reasons: NO_REASONS };
  const sources = new Set<string>();
  for (const r of ingress) sources.add(r.kind === "security-group" ? `members of ${r.cidr}` : r.cidr);
  reasons.push(flat`security group admits TCP ${ports.join(", ")} from ${[...sources].join(", ")} only`);
  return { decision: groups, reasons };
}

/**
 * The IPv4 blocks the groups admit, merged (mergedBlocks). A group reference admits whatever its members are: it
 * proves no subnet keeps access, so it is not counted.
 */
export function admittedBlocks(groups: readonly SecurityGroupPlan[]): Cidr[] {
  return mergedBlocks(groups.flatMap((g) => g.ingress.filter((r) => r.kind === "ipv4").map((r) => r.cidr)));
}

/** What every rule admitting one client subnet shares, whichever endpoint it is for. */
interface ClientParts {
  /** `_<name>`: a rule's address is its endpoint's address and this. */
  readonly addressTail: string;
  /** ` from subnet <label> (<id>)`: a rule's description is its service and this. */
  readonly descriptionTail: string;
  /** The rule's `subnets`: the client's label alone. */
  readonly subnets: readonly string[];
}

/**
 * Client subnets' parts, built once for all the endpoints of a VPC a subnet asks for (a subnet asking for 20
 * services has 20 rules). Each rule's address and description is then one join of two flat strings, the second
 * shared: less to build and to keep than a copy per rule. One per VPC (planVpc), dropped with it: a map of every
 * subnet of an organisation, weak or not, cost more than it saved where subnets ask for one interface service.
 */
export type ClientPartsCache = Map<SgClient, ClientParts>;

function clientParts(s: SgClient, cache: ClientPartsCache): ClientParts {
  // a hub's spoke clients are made anew per service (hubClients): not kept, they would never be found again
  let parts = s.label === undefined ? cache.get(s) : undefined;
  if (!parts) {
    const label = s.label ?? s.name;
    parts = { addressTail: flat`_${s.name}`, descriptionTail: flat` from subnet ${label} (${s.id})`, subnets: [label] };
    if (s.label === undefined) cache.set(s, parts);
  }
  return parts;
}

/**
 * An ingress rule, with `movedFrom` when its address before the renames differs (keys in the plan's order: the
 * JSON plan prints them so).
 */
function rule(r: Omit<IngressRule, "movedFrom"> & { readonly before?: string }): IngressRule {
  const { address, before, kind, cidr, port, description, subnets } = r;
  return before !== undefined && address !== before
    ? { address, movedFrom: before, kind, cidr, port, description, subnets }
    : { address, kind, cidr, port, description, subnets };
}

/** The address tail of a rule admitting a CIDR block: `_cidr_10_0_0_0_8`. */
function cidrTail(cidr: string): string {
  return `_cidr_${cidr.replace(/[./]/g, "_")}`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 3)}...`;
}
