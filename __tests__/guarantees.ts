/**
 * An independent checker of the spec format's guarantees, run on the
 * synthesized Terraform JSON (what Terraform will see), not on the plan.
 * Returns the violations found; an empty list means every guarantee holds.
 */
import { getService, serviceNames } from "../src/catalog";
import { contains, parseCidr, size, type Cidr } from "../src/cidr";
import type { EndpointSettings, SpecModel } from "../src/input/spec-model";
import { checkMoreGuarantees } from "./guarantees-more";

type Json = Record<string, any>;

/** Endpoint types with ENIs and security groups: interface endpoints and the VPC Lattice types. */
const ENI_TYPES = ["Interface", "Resource", "ServiceNetwork"];
/** The argument a VPC Lattice endpoint names its target by, per type. */
const LATTICE_ARN: Record<string, string | undefined> = {
  Resource: "resource_configuration_arn",
  ServiceNetwork: "service_network_arn",
};

function refId(ref: string): string | undefined {
  return /^\$\{aws_security_group\.([^.]+)\.id\}$/.exec(ref)?.[1];
}

export function checkGuarantees(model: SpecModel, stackJson: Json): string[] {
  const v: string[] = [];
  const endpoints: Record<string, Json> = stackJson.resource?.aws_vpc_endpoint ?? {};
  const sgs: Record<string, Json> = stackJson.resource?.aws_security_group ?? {};
  const rules: Record<string, Json> = stackJson.resource?.aws_vpc_security_group_ingress_rule ?? {};
  const rulesBySg = new Map<string, Json[]>();
  for (const r of Object.values(rules)) {
    const sg = /^\$\{aws_security_group\.([^.]+)\.id\}$/.exec(r.security_group_id)?.[1] ?? "?";
    rulesBySg.set(sg, [...(rulesBySg.get(sg) ?? []), r]);
  }
  if (stackJson.resource?.aws_security_group_rule || stackJson.resource?.aws_vpc_security_group_egress_rule)
    v.push("unexpected extra security group rule resources");
  for (const [addr, sg] of Object.entries(sgs)) {
    if (sg.egress || sg.ingress) v.push(`security group ${addr} has inline rules`);
    // replacement safety: the new group exists before the old one goes, which needs a prefix, not a fixed name
    if (sg.lifecycle?.create_before_destroy !== true || sg.name !== undefined || !sg.name_prefix)
      v.push(`security group ${addr}: not create_before_destroy with a name_prefix`);
    if ((sg.name_prefix ?? "").length > 255 - 26) v.push(`security group ${addr}: name_prefix over 229 characters`);
  }

  for (const [addr, e] of Object.entries(endpoints)) {
    if (e.vpc_endpoint_type !== "Gateway" && !ENI_TYPES.includes(e.vpc_endpoint_type))
      v.push(`${addr}: vpc_endpoint_type not set`);
    // exactly one target: a service name, or (VPC Lattice) the ARN of its type
    const targets = ["service_name", "resource_configuration_arn", "service_network_arn"].filter((k) => e[k]);
    const want = LATTICE_ARN[e.vpc_endpoint_type] ?? "service_name";
    if (targets.length !== 1 || targets[0] !== want)
      v.push(`${addr}: targets [${targets.join(", ")}], expected ${want}`);
    if (LATTICE_ARN[e.vpc_endpoint_type] && e.policy !== undefined) v.push(`${addr}: a policy on a Lattice endpoint`);
  }

  for (const vpc of model.vpcs) {
    const inVpc = Object.entries(endpoints).filter(([, e]) => e.vpc_id === vpc.id);
    // one endpoint per (VPC, service name, type)
    const seen = new Set<string>();
    for (const [addr, e] of inVpc) {
      const k = `${target(e)}|${e.vpc_endpoint_type}`;
      if (seen.has(k)) v.push(`${addr}: second ${e.vpc_endpoint_type} endpoint for ${target(e)} in ${vpc.name}`);
      seen.add(k);
    }
    const azOf = new Map(vpc.subnets.map((s) => [s.id, s.azId ?? s.az]));
    const cidrOf = new Map(vpc.subnets.map((s) => [s.cidr, s.name]));
    for (const [addr, e] of inVpc) {
      if (!ENI_TYPES.includes(e.vpc_endpoint_type)) continue;
      // at most one subnet per AZ (and every ENI subnet is one of the VPC's)
      const zones = (e.subnet_ids as string[]).map((id) => azOf.get(id));
      if (zones.some((z) => z === undefined)) v.push(`${addr}: ENI in a subnet outside VPC ${vpc.name}`);
      if (new Set(zones).size !== zones.length) v.push(`${addr}: two ENIs in one AZ (${zones.join(", ")})`);
      const labels = vpc.subnets.filter((s) => (e.subnet_ids as string[]).includes(s.id));
      if (labels.some((s) => s.az !== undefined) && labels.some((s) => s.azId !== undefined))
        v.push(`${addr}: ENI subnets mix az and azId, zones unprovable`);
      // least privilege
      const sgNames = ((e.security_group_ids as string[]) ?? []).map(refId);
      if (sgNames.length === 0 || sgNames.some((n) => n === undefined || !sgs[n]))
        v.push(`${addr}: no own security group`);
      const svcKey = serviceKeyOf(model, vpc.name, target(e));
      const settings = svcKey ? vpc.endpoints.get(svcKey) : undefined;
      const requesters = vpc.subnets.filter((s) => svcKey && s.requests.some((r) => r.key === svcKey));
      const allowed = new Set([...requesters.map((s) => s.cidr), ...(settings?.allowedCidrs ?? [])]);
      const ports = svcKey ? portsOf(svcKey, settings) : [443];
      if (e.service_region !== settings?.serviceRegion)
        v.push(`${addr}: service_region ${e.service_region}, spec ${settings?.serviceRegion}`);
      for (const sg of sgNames) {
        for (const r of rulesBySg.get(sg as string) ?? []) {
          const sources = ["cidr_ipv4", "cidr_ipv6", "referenced_security_group_id"].filter((k) => r[k] !== undefined);
          if (sources.length !== 1) v.push(`${addr}: ingress rule with sources [${sources.join(", ")}]`);
          if (!ports.includes(r.from_port) || r.to_port !== r.from_port || r.ip_protocol !== "tcp")
            v.push(`${addr}: ingress ${r.ip_protocol} ${r.from_port}-${r.to_port}, expected tcp ${ports.join("|")}`);
          if (r.referenced_security_group_id !== undefined) {
            if (!(settings?.allowedSecurityGroups ?? []).includes(r.referenced_security_group_id))
              v.push(`${addr}: ingress from group ${r.referenced_security_group_id}, not in allowedSecurityGroups`);
            continue;
          }
          if (r.cidr_ipv6 !== undefined) {
            v.push(...checkIpv6Rule({ model: vpc, addr, endpoint: e, rule: r, requesters }));
            continue;
          }
          if (r.cidr_ipv4 === "0.0.0.0/0") v.push(`${addr}: ingress from 0.0.0.0/0`);
          if (!coveredBy(r.cidr_ipv4, [...allowed]))
            v.push(
              `${addr}: ingress from ${r.cidr_ipv4} (${cidrOf.get(r.cidr_ipv4) ?? "not a subnet"}), ` +
                `which did not ask for ${svcKey}`,
            );
        }
      }
      for (const id of settings?.allowedSecurityGroups ?? [])
        for (const port of ports)
          if (
            !sgNames.some((sg) =>
              (rulesBySg.get(sg as string) ?? []).some(
                (r) => r.referenced_security_group_id === id && r.from_port === port,
              ),
            )
          )
            v.push(`${addr}: allowedSecurityGroups ${id} is not admitted on ${port}`);
      // S3 interface + private DNS: inbound-resolver-only exactly when the VPC has an S3 gateway
      if (svcKey === "s3" && e.private_dns_enabled) {
        const hasGateway = inVpc.some(
          ([, g]) => g.vpc_endpoint_type === "Gateway" && expectedNames(model, vpc.name, "s3").includes(g.service_name),
        );
        const flag = e.dns_options?.private_dns_only_for_inbound_resolver_endpoint;
        if (flag !== hasGateway)
          v.push(`${addr}: private_dns_only_for_inbound_resolver_endpoint=${flag}, gateway in VPC=${hasGateway}`);
      }
      if (e.dns_options?.private_dns_only_for_inbound_resolver_endpoint !== undefined && !e.private_dns_enabled)
        v.push(`${addr}: private_dns_only_for_inbound_resolver_endpoint without private DNS`);
      if ((e.dns_options?.dns_record_ip_type ?? undefined) !== settings?.dnsRecordIpType)
        v.push(`${addr}: dns_record_ip_type ${e.dns_options?.dns_record_ip_type}, spec ${settings?.dnsRecordIpType}`);
      if (e.ip_address_type !== settings?.ipAddressType)
        v.push(`${addr}: ip_address_type ${e.ip_address_type}, spec ${settings?.ipAddressType}`);
      // dualstack: every requesting subnet with an IPv6 block is admitted over IPv6 too
      if (e.ip_address_type === "dualstack")
        for (const s of requesters)
          if (
            s.ipv6Cidr &&
            !sgNames.some((sg) => (rulesBySg.get(sg as string) ?? []).some((r) => r.cidr_ipv6 === s.ipv6Cidr))
          )
            v.push(`${addr}: dualstack endpoint does not admit ${s.name}'s IPv6 block ${s.ipv6Cidr}`);
    }
    // every requested (subnet, service) pair is served
    for (const s of vpc.subnets) {
      for (const req of s.requests) {
        const names = expectedNames(model, vpc.name, req.key);
        const name = names.join(" | ");
        const matches = inVpc.filter(([, e]) => names.includes(target(e)));
        if (matches.length === 0) {
          v.push(`${vpc.name}/${s.name}: no endpoint for ${req.key} (${name})`);
          continue;
        }
        const gateway = matches.find(([, e]) => e.vpc_endpoint_type === "Gateway");
        if (gateway) {
          if (!(gateway[1].route_table_ids as string[]).includes(s.routeTable as string))
            v.push(`${vpc.name}/${s.name}: ${req.key} gateway not on route table ${s.routeTable}`);
          continue;
        }
        const [addr, iface] = matches[0];
        for (const port of portsOf(req.key, vpc.endpoints.get(req.key))) {
          const admitted = ((iface.security_group_ids as string[]) ?? [])
            .map(refId)
            .some((sg) =>
              (rulesBySg.get(sg as string) ?? []).some(
                (r) =>
                  r.cidr_ipv4 !== undefined &&
                  coveredBy(s.cidr, [r.cidr_ipv4]) &&
                  r.from_port === port &&
                  r.to_port === port,
              ),
            );
          if (!admitted) v.push(`${vpc.name}/${s.name}: ${addr} does not admit ${s.cidr} on ${port}`);
        }
      }
    }
  }
  v.push(...checkMoreGuarantees(model, stackJson));
  return v;
}

/** An IPv6 rule: only on dualstack/ipv6 endpoints, and only from a requesting subnet's IPv6 block. */
function checkIpv6Rule(opts: {
  model: SpecModel["vpcs"][number];
  addr: string;
  endpoint: Json;
  rule: Json;
  requesters: SpecModel["vpcs"][number]["subnets"][number][];
}): string[] {
  const { addr, endpoint, rule, requesters } = opts;
  const out: string[] = [];
  if (endpoint.ip_address_type !== "dualstack" && endpoint.ip_address_type !== "ipv6")
    out.push(`${addr}: IPv6 rule ${rule.cidr_ipv6} on an endpoint of ip_address_type ${endpoint.ip_address_type}`);
  if (!requesters.some((s) => s.ipv6Cidr === rule.cidr_ipv6))
    out.push(`${addr}: IPv6 rule from ${rule.cidr_ipv6}, which is no requesting subnet's ipv6Cidr`);
  return out;
}

/** The full names a service may have in the stack's region (per endpoint type; they differ for S3 in China). */
function expectedNames(model: SpecModel, vpc: string, key: string): string[] {
  const settings = model.vpcs.find((v) => v.name === vpc)?.endpoints.get(key);
  // VPC Lattice: the ARN the endpoint reaches
  if (settings?.type === "resource") return [settings.resourceConfigurationArn ?? "?"];
  if (settings?.type === "service-network") return [settings.serviceNetworkArn ?? "?"];
  // cross-region: the service's interface name in its own region
  if (settings?.serviceRegion) {
    const remote = getService(settings.service ?? key);
    return remote ? [serviceNames(remote, settings.serviceRegion).Interface ?? "?"] : ["?"];
  }
  const svc = getService(key);
  if (svc) return [...new Set(Object.values(serviceNames(svc, model.region)))];
  return [model.vpcs.find((v) => v.name === vpc)?.endpoints.get(key)?.serviceName ?? "?"];
}

/** The TCP ports an ENI endpoint must admit its requesters on: the service's, or a Lattice entry's ports (443). */
function portsOf(key: string, settings?: EndpointSettings): number[] {
  if (settings?.type === "resource" || settings?.type === "service-network") return [...(settings.ports ?? [443])];
  return [getService(settings?.service ?? key)?.port ?? settings?.port ?? 443];
}

/** What an endpoint connects to: its service name, or a VPC Lattice ARN. */
function target(e: Json): string {
  return e.service_name ?? e.resource_configuration_arn ?? e.service_network_arn;
}

function serviceKeyOf(model: SpecModel, vpc: string, name: string): string | undefined {
  const v = model.vpcs.find((x) => x.name === vpc);
  const keys = new Set(v?.subnets.flatMap((s) => s.requests.map((r) => r.key)) ?? []);
  return [...keys].find((k) => expectedNames(model, vpc, k).includes(name));
}

/**
 * Whether every address of `block` lies in the union of `blocks` (rules may merge adjacent client blocks,
 * never widen them).
 */
function coveredBy(block: string, blocks: readonly string[]): boolean {
  const b = parseCidr(block) as Cidr;
  if (!("addr" in b)) return false;
  const parsed = blocks.map((x) => parseCidr(x)).filter((x): x is Cidr => "addr" in x);
  if (parsed.some((o) => contains(o, b))) return true;
  const inner = parsed.filter((o) => contains(b, o));
  const maximal = inner.filter((o) => !inner.some((p) => p !== o && contains(p, o) && !(p.text === o.text)));
  const unique = [...new Map(maximal.map((o) => [o.text, o])).values()];
  return unique.reduce((n, o) => n + size(o), 0) === size(b);
}
