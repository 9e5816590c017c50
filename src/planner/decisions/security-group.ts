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
}): Decided<SecurityGroupPlan[]> & { readonly rules: SecurityGroupRules } {
  const clientCache = opts.clientParts ?? new Map();
  const { vpc, service, address, ports, requesters, allowedCidrs } = opts;
  const previous = opts.previousAddress ?? address;
  // (`reasons?.push(...)` builds no text at all without reasons)
  const reasons: string[] | undefined = opts.explain === false ? undefined : [];
  const sorted = sortedOrCopy(requesters, byName);
  // Rules are planned as specs first (what each admits, and how its address and description end), and made only
  // when the plan's `ingress` is read: the rules checked at plan time read the specs (SecurityGroupRules), and
  // `vpce validate` of a large organisation never makes its 200,000 rules. The subnets' specs are shared by the
  // endpoints their list asks for.
  let specs: readonly RuleSpec[] = subnetSpecs(sorted, clientCache);
  // a subnet CIDR repeated in allowedCidrs: one rule is enough (AWS rejects duplicates)
  if (allowedCidrs.length > 0) {
    const seen = new Set(specs.map((r) => r.cidr));
    const allowed: RuleSpec[] = [];
    for (const c of sortStrings([...new Set(allowedCidrs)])) {
      if (seen.has(c)) continue;
      seen.add(c);
      allowed.push(
        tailed({ tail: cidrTail(c), kind: "ipv4", cidr: c, description: `${service} from ${c} (allowedCidrs)` }),
      );
    }
    if (allowed.length > 0) specs = [...specs, ...allowed];
  }
  if (specs.length * ports.length > SG_LIMITS.inboundRulesPerGroup) {
    const merged = mergedBlocks(specs.map((r) => r.cidr));
    reasons?.push(
      `${specs.length} client CIDRs exceed ${SG_LIMITS.inboundRulesPerGroup} rules per security ` +
        `group: merged into ${merged.length} blocks that cover exactly the same addresses`,
    );
    // each rule in the one merged block holding it, in the rules' order
    const members = merged.map((): RuleSpec[] => []);
    for (const r of specs) {
      const at = indexHolding(merged, parseCidr(r.cidr) as Cidr);
      // the merged blocks cover every rule's CIDR (a model holds only valid ones)
      if (at < 0) throw new Error(`internal: ${r.cidr} is in no merged block of ${address}`);
      members[at].push(r);
    }
    specs = merged.map((block, i) => {
      const names = members[i].map((m) => describe(m, service).replace(/^\S+ from /, "")).join(", ");
      return tailed({
        tail: cidrTail(block.text),
        kind: "ipv4",
        cidr: block.text,
        description: truncate(`${service} from ${names}`, 255),
        subnets: members[i].flatMap((m) => m.subnets),
      });
    });
  }
  // IPv6 blocks (cidr_ipv6) only where the ENIs have IPv6 addresses: an IPv4-only endpoint gets no IPv6 rule
  const extra: RuleSpec[] = [];
  if (opts.ipv6)
    for (const s of sorted)
      if (s.ipv6Cidr)
        extra.push({
          kind: "ipv6",
          cidr: s.ipv6Cidr,
          subnets: [s.label ?? s.name],
          addressTail: `_${s.name}_ipv6`,
          beforeTail: `_${s.renamedFrom ?? s.name}_ipv6`,
          description: `${service} from subnet ${s.label ?? s.name} (${s.id}) over IPv6`,
        });
  // group references are never merged: each names its own group
  const groupIds = opts.allowedSecurityGroups ?? [];
  for (const id of groupIds.length > 0 ? sortStrings([...new Set(groupIds)]) : groupIds)
    extra.push(
      tailed({
        tail: `_${id.replace(/-/g, "_")}`,
        kind: "security-group",
        cidr: id,
        description: `${service} from security group ${id} (allowedSecurityGroups)`,
      }),
    );
  if (extra.length > 0) specs = [...specs, ...extra];
  const portInAddress = opts.portInAddress === true;
  // with the ports in the address, each spec is one rule per port, in that order
  const count = specs.length * (portInAddress ? ports.length : 1);
  const made = { specs, service, address, previous, ports, portInAddress };
  const groups: SecurityGroupPlan[] = [];
  for (let i = 0; i < count || groups.length === 0; i += SG_LIMITS.inboundRulesPerGroup) {
    const n = groups.length + 1;
    const suffix = n === 1 ? "" : `_${n}`;
    const group = {
      address: `${address}${suffix}`,
      ...(address !== previous ? { movedFrom: `${previous}${suffix}` } : {}),
      name: flat`vpce-${vpc}-${service}${n === 1 ? "" : `-${n}`}`,
      description: flat`Clients of the ${service} VPC endpoint in ${vpc} (managed by vpce)`,
    };
    groups.push(withIngress({ group, made, from: i, to: Math.min(count, i + SG_LIMITS.inboundRulesPerGroup) }));
  }
  const rules = ruleFacts({ specs, count, moved: address !== previous });
  if (groups.length > 1)
    reasons?.push(
      `${count} rules spread over ${groups.length} security groups of at most ${SG_LIMITS.inboundRulesPerGroup}`,
    );
  const named = reasons && groups.map((g) => `${g.name}-*`).join(", ");
  reasons?.push(
    flat`${agree({ n: groups, one: "security group", many: "security groups" })} named ${named} ` + NAME_PREFIX,
  );
  if (!reasons) return { decision: groups, reasons: NO_REASONS, rules };
  const sources = new Set<string>();
  for (const r of specs) sources.add(r.kind === "security-group" ? `members of ${r.cidr}` : r.cidr);
  reasons.push(flat`security group admits TCP ${ports.join(", ")} from ${[...sources].join(", ")} only`);
  return { decision: groups, reasons, rules };
}

/**
 * One ingress rule before it is made: what it admits, and how its address and description end. Its address is the
 * endpoint's and `addressTail` (before the renames: the previous address and `beforeTail`); its description is
 * `description`, or the service and `descriptionTail` (a subnet's spec, shared by the VPC's endpoints).
 */
interface RuleSpec {
  readonly kind: IngressRule["kind"];
  readonly cidr: string;
  readonly subnets: readonly string[];
  readonly addressTail: string;
  readonly beforeTail: string;
  readonly description?: string;
  readonly descriptionTail?: string;
}

/** A spec for a source that is no subnet: the same tail before the renames. */
function tailed(opts: {
  tail: string;
  kind: IngressRule["kind"];
  cidr: string;
  description: string;
  subnets?: readonly string[];
}): RuleSpec {
  const { tail, kind, cidr, description } = opts;
  return { kind, cidr, subnets: opts.subnets ?? [], addressTail: tail, beforeTail: tail, description };
}

function describe(r: RuleSpec, service: string): string {
  return r.description ?? service + r.descriptionTail;
}

/**
 * The rules of the VPC's subnets asking, one per CIDR (a CIDR repeated: one rule is enough, AWS rejects duplicates),
 * made once per list of subnets: most of a VPC's endpoints are asked for by the same list.
 */
function subnetSpecs(sorted: readonly SgClient[], cache: ClientPartsCache): readonly RuleSpec[] {
  const known = cache.specs?.get(sorted);
  if (known) return known;
  const specs: RuleSpec[] = [];
  const seen = new Set<string>();
  for (const s of sorted) {
    if (seen.size === seen.add(s.cidr).size) continue;
    const parts = clientParts(s, cache);
    specs.push({
      kind: "ipv4",
      cidr: s.cidr,
      subnets: parts.subnets,
      addressTail: parts.addressTail,
      beforeTail: s.renamedFrom === undefined ? parts.addressTail : `_${s.renamedFrom}`,
      descriptionTail: parts.descriptionTail,
    });
  }
  // a hub's spoke clients are made anew per service (hubClients): their list is never asked again
  if (sorted.every((s) => s.label === undefined)) (cache.specs ??= new WeakMap()).set(sorted, specs);
  return specs;
}

/** What a group's rules are made from: the endpoint's specs, and rules `from` to `to` of them (ports counted). */
interface Made {
  readonly specs: readonly RuleSpec[];
  readonly service: string;
  readonly address: string;
  readonly previous: string;
  readonly ports: readonly number[];
  /** Each spec is a rule per port, whose address and description name it (VPC Lattice endpoints). */
  readonly portInAddress: boolean;
}

/**
 * The group with its `ingress` made on first read, kept, and then the same array on every read: an own,
 * enumerable property after the others, so the group reads, spreads and prints as the plain object it was.
 */
function withIngress(opts: {
  group: Omit<SecurityGroupPlan, "ingress">;
  made: Made;
  from: number;
  to: number;
}): SecurityGroupPlan {
  let ingress: IngressRule[] | undefined;
  const { made, from, to } = opts;
  return Object.defineProperty(opts.group, "ingress", {
    get: () => (ingress ??= makeRules({ made, from, to })),
    enumerable: true,
  }) as SecurityGroupPlan;
}

function makeRules(opts: { made: Made; from: number; to: number }): IngressRule[] {
  const { specs, service, address, previous, ports, portInAddress } = opts.made;
  const perSpec = portInAddress ? ports.length : 1;
  const out: IngressRule[] = [];
  for (let k = opts.from; k < opts.to; k++) {
    const spec = specs[Math.floor(k / perSpec)];
    const unmoved = address === previous && spec.beforeTail === spec.addressTail;
    const r = rule({
      address: address + spec.addressTail,
      // (the same address unless a rename changed it: not built twice)
      before: unmoved ? undefined : previous + spec.beforeTail,
      kind: spec.kind,
      cidr: spec.cidr,
      port: ports[0],
      description: describe(spec, service),
      subnets: spec.subnets,
    });
    if (!portInAddress) out.push(r);
    else {
      const p = ports[k % perSpec];
      out.push({
        ...r,
        address: `${r.address}_${p}`,
        ...(r.movedFrom ? { movedFrom: `${r.movedFrom}_${p}` } : {}),
        port: p,
        description: `${r.description}, TCP ${p}`,
      });
    }
  }
  return out;
}

/**
 * What the plan rules and the capture checks read of an endpoint's ingress rules without making them (open-cidr,
 * address-collision, private DNS capture): how many, the first block covering every address, whether any is moved
 * by a rename, and whether their address tails are distinct and each starts with `_` (two rules of one endpoint
 * then never share an address; the address-collision rule compares endpoints).
 */
export interface SecurityGroupRules {
  readonly count: number;
  readonly open?: string;
  readonly moved: boolean;
  readonly distinctTails: boolean;
  /**
   * The IPv4 blocks the rules admit, merged (made when first asked, then kept). A group reference admits whatever
   * its members are: it proves no subnet keeps access, so it is not counted.
   */
  admitted(): Cidr[];
}

/** Tails checked per list of specs: an endpoint's own list, or the one its subnets share with others. */
const tailsChecked = new WeakMap<readonly RuleSpec[], boolean>();

function ruleFacts(opts: { specs: readonly RuleSpec[]; count: number; moved: boolean }): SecurityGroupRules {
  const { specs } = opts;
  let open: string | undefined;
  let moved = opts.moved;
  for (const r of specs) {
    if (open === undefined && r.cidr.endsWith("/0")) open = r.cidr;
    if (r.beforeTail !== r.addressTail) moved = true;
  }
  let distinctTails = tailsChecked.get(specs);
  if (distinctTails === undefined) {
    // with ports in the address each tail gets `_<port>` after it: distinct tails stay distinct (the ports are)
    const tails = new Set<string>();
    distinctTails = specs.every((r) => r.addressTail.startsWith("_") && tails.size < tails.add(r.addressTail).size);
    tailsChecked.set(specs, distinctTails);
  }
  let admitted: Cidr[] | undefined;
  return {
    count: opts.count,
    ...(open !== undefined ? { open } : {}),
    moved,
    distinctTails,
    admitted: () => (admitted ??= mergedBlocks(specs.flatMap((r) => (r.kind === "ipv4" ? [r.cidr] : [])))),
  };
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
export type ClientPartsCache = Map<SgClient, ClientParts> & {
  /** The rule specs of each list of subnets (subnetSpecs), made on first use. */
  specs?: WeakMap<readonly SgClient[], readonly RuleSpec[]>;
};

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
