/**
 * Guarantees that __tests__/guarantees.ts does not check, on the synthesized
 * Terraform JSON (run by checkGuarantees too):
 *  - one endpoint per (VPC, service): every endpoint belongs to a requested
 *    service, and each requested service has exactly the endpoint types the
 *    spec implies (s3/dynamodb gateway by default, `type:` overrides, `both`
 *    = gateway + interface, custom services interface);
 *  - ENI subnets (guarantee 2): chosen from `endpointSubnets` when declared,
 *    else from the requesting subnets; inside a zone by the documented
 *    tie-break (largest block, then name); without endpointSubnets and with one
 *    AZ notation, every requesting zone gets an ENI; never an endpoint without one;
 *  - gateway route tables are exactly the tables of the requesting subnets
 *    (least privilege for gateways: no table of a subnet that did not ask);
 *  - every `allowedCidrs` block is admitted on the service port;
 *  - every fixed address is in subnet_configuration of an ENI subnet of its endpoint, inside that subnet and not
 *    one of the 4 first or the last address; no address twice in a VPC;
 *  - a VPC with a private-DNS endpoint has a check block asserting its DNS attributes (Terraform >= 1.5), and
 *    no other VPC has one;
 *  - an endpoint's own `tags` are on it and on its security groups, beside vpce's Name and vpce:service.
 */
import { getService, serviceNames } from "../src/catalog";
import type { SpecModel, SubnetModel, VpcModel } from "../src/input/spec-model";

type Json = Record<string, any>;

function ipv4Range(cidr: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const start = ((Number(m[1]) << 24) >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]);
  return [start, start + 2 ** (32 - Number(m[5])) - 1];
}

function inside(inner: string, outer: string): boolean {
  const a = ipv4Range(inner);
  const b = ipv4Range(outer);
  return !!a && !!b && a[0] >= b[0] && a[1] <= b[1];
}

function namesOf(model: SpecModel, vpc: VpcModel, key: string): string[] {
  const settings = vpc.endpoints.get(key);
  // VPC Lattice: the ARN the endpoint reaches
  if (settings?.type === "resource")
    return settings.resourceConfigurationArn ? [settings.resourceConfigurationArn] : [];
  if (settings?.type === "service-network") return settings.serviceNetworkArn ? [settings.serviceNetworkArn] : [];
  if (settings?.serviceRegion) {
    const remote = getService(settings.service ?? key);
    return remote ? [serviceNames(remote, settings.serviceRegion).Interface ?? "?"] : [];
  }
  const svc = getService(key);
  if (svc) return [...new Set(Object.values(serviceNames(svc, model.region)))];
  const custom = vpc.endpoints.get(key)?.serviceName;
  return custom ? [custom] : [];
}

/** What an endpoint connects to: its service name, or a VPC Lattice ARN. */
function target(e: Json): string {
  return e.service_name ?? e.resource_configuration_arn ?? e.service_network_arn;
}

function expectedTypes(vpc: VpcModel, key: string): string[] {
  // cross-region is always an interface endpoint
  if (vpc.endpoints.get(key)?.serviceRegion) return ["Interface"];
  const t = vpc.endpoints.get(key)?.type;
  if (t === "resource") return ["Resource"];
  if (t === "service-network") return ["ServiceNetwork"];
  if (t === "both") return ["Gateway", "Interface"];
  if (t === "gateway") return ["Gateway"];
  if (t === "interface") return ["Interface"];
  const svc = getService(key);
  return [svc ? svc.types[0] : "Interface"];
}

function prefixOf(cidr: string): number {
  return Number(cidr.split("/")[1]);
}

/** true when a should hold the ENI rather than b: larger block, then name. */
function beats(a: SubnetModel, b: SubnetModel): boolean {
  return prefixOf(a.cidr) < prefixOf(b.cidr) || (prefixOf(a.cidr) === prefixOf(b.cidr) && a.name < b.name);
}

export function checkMoreGuarantees(model: SpecModel, stackJson: Json): string[] {
  const v: string[] = [];
  const endpoints: Record<string, Json> = stackJson.resource?.aws_vpc_endpoint ?? {};
  const rules: Json[] = Object.values(stackJson.resource?.aws_vpc_security_group_ingress_rule ?? {});
  const vpcIds = new Set(model.vpcs.map((x) => x.id));
  for (const [addr, e] of Object.entries(endpoints))
    if (!vpcIds.has(e.vpc_id)) v.push(`${addr}: in ${e.vpc_id}, which is no VPC of the spec`);

  for (const vpc of model.vpcs) {
    const inVpc = Object.entries(endpoints).filter(([, e]) => e.vpc_id === vpc.id);
    const requested = [...new Set(vpc.subnets.flatMap((s) => s.requests.map((r) => r.key)))].sort();
    const keyOf = (name: string) => requested.find((k) => namesOf(model, vpc, k).includes(name));
    for (const [addr, e] of inVpc)
      if (keyOf(target(e)) === undefined)
        v.push(`${addr}: endpoint for ${target(e)}, which no subnet of ${vpc.name} requested`);

    const wantsCheck = inVpc.some(([, e]) => e.private_dns_enabled === true);
    const check = stackJson.check?.[`vpc_dns_${vpc.name}`];
    if (wantsCheck !== (check !== undefined))
      v.push(`${vpc.name}: DNS check block ${check ? "without" : "missing for"} a private-DNS endpoint`);
    if (check) {
      const scoped = check.data?.aws_vpc?.[`vpc_dns_${vpc.name}`];
      const cond: string = check.assert?.[0]?.condition ?? "";
      if (scoped?.id !== vpc.id || !cond.includes("enable_dns_support") || !cond.includes("enable_dns_hostnames"))
        v.push(`${vpc.name}: DNS check block does not assert ${vpc.id}'s DNS attributes`);
      if (stackJson.terraform?.required_version !== ">= 1.5.0")
        v.push(`${vpc.name}: check block without Terraform 1.5`);
    }
    const fixedSeen = new Set<string>();
    for (const key of requested) {
      const mine = inVpc.filter(([, e]) => keyOf(target(e)) === key);
      const types = mine.map(([, e]) => e.vpc_endpoint_type as string).sort();
      const want = expectedTypes(vpc, key);
      if (JSON.stringify(types) !== JSON.stringify(want))
        v.push(`${vpc.name}/${key}: endpoint types [${types.join(", ")}], expected [${want.join(", ")}]`);
      const requesters = vpc.subnets.filter((s) => s.requests.some((r) => r.key === key));
      const ownTags = vpc.endpoints.get(key)?.tags ?? {};
      for (const [addr, e] of mine) {
        const groups: Record<string, Json> = stackJson.resource?.aws_security_group ?? {};
        const tagged = [
          [addr, e.tags],
          ...((e.security_group_ids as string[]) ?? []).map((r) => {
            const sg = /^\$\{aws_security_group\.([^.]+)\.id\}$/.exec(r)?.[1] ?? "?";
            return [`security group ${sg}`, groups[sg]?.tags];
          }),
        ] as Array<[string, Record<string, string> | undefined]>;
        for (const [what, tags] of tagged) {
          for (const [k, val] of Object.entries(ownTags))
            if (tags?.[k] !== val) v.push(`${what}: tag ${k}=${val} of endpoints.${key}.tags missing`);
          if (tags?.Name === undefined || tags["vpce:service"] === undefined) v.push(`${what}: vpce's tags missing`);
        }
        if (e.vpc_endpoint_type === "Gateway") {
          const tables = [...new Set(requesters.map((s) => s.routeTable).filter((t): t is string => !!t))].sort();
          const got = [...((e.route_table_ids as string[]) ?? [])].sort();
          if (JSON.stringify(got) !== JSON.stringify(tables))
            v.push(
              `${addr}: route tables [${got.join(", ")}], ` +
                `expected those of the requesting subnets [${tables.join(", ")}]`,
            );
          continue;
        }
        const ids: string[] = e.subnet_ids ?? [];
        const configured: Json[] = e.subnet_configuration ?? [];
        for (const [name, ip] of Object.entries(vpc.endpoints.get(key)?.fixedIps ?? {})) {
          const s = vpc.subnets.find((x) => x.name === name);
          const range = s ? ipv4Range(s.cidr) : undefined;
          const n = ipv4Range(`${ip}/32`)?.[0];
          if (!s || !ids.includes(s.id) || !configured.some((c) => c.subnet_id === s.id && c.ipv4 === ip))
            v.push(`${addr}: fixed IP ${ip} of ${name} is not in subnet_configuration of an ENI subnet`);
          else if (!range || n === undefined || n < range[0] + 4 || n >= range[1])
            v.push(`${addr}: fixed IP ${ip} is outside ${s.cidr} or reserved`);
        }
        for (const c of configured)
          if (c.ipv4 !== undefined) {
            if (fixedSeen.has(c.ipv4)) v.push(`${addr}: fixed IP ${c.ipv4} claimed twice in ${vpc.name}`);
            fixedSeen.add(c.ipv4);
          }
        if (ids.length === 0) v.push(`${addr}: interface endpoint without a subnet`);
        const candidates = vpc.endpointSubnets
          ? vpc.subnets.filter((s) => vpc.endpointSubnets?.includes(s.name))
          : requesters;
        const label = (s: SubnetModel) => (s.azId ?? s.az) as string;
        for (const id of ids) {
          const chosen = candidates.find((s) => s.id === id);
          if (!chosen) {
            v.push(
              `${addr}: ENI in ${id}, which is not ` +
                `${vpc.endpointSubnets ? "an endpoint subnet" : "a requesting subnet"} of ${vpc.name}`,
            );
            continue;
          }
          const better = candidates.filter((s) => s !== chosen && label(s) === label(chosen) && beats(s, chosen));
          if (better.length > 0)
            v.push(
              `${addr}: ENI in ${chosen.name}, but ${better.map((s) => s.name).join(", ")} in ${label(chosen)} ` +
                "wins the tie-break (largest block, then name)",
            );
        }
        const oneNotation =
          requesters.every((s) => s.azId !== undefined) || requesters.every((s) => s.az !== undefined);
        if (!vpc.endpointSubnets && oneNotation) {
          const served = new Set(requesters.filter((s) => ids.includes(s.id)).map(label));
          const missing = [...new Set(requesters.map(label))].filter((z) => !served.has(z));
          if (missing.length > 0) v.push(`${addr}: no ENI in requesting zone(s) ${missing.join(", ")}`);
        }
        const sgs = ((e.security_group_ids as string[]) ?? []).map(
          (r) => /^\$\{aws_security_group\.([^.]+)\.id\}$/.exec(r)?.[1],
        );
        const own = rules.filter((r) =>
          sgs.includes(/^\$\{aws_security_group\.([^.]+)\.id\}$/.exec(r.security_group_id)?.[1]),
        );
        const set = vpc.endpoints.get(key);
        // a VPC Lattice endpoint admits its ports (default 443); others the service's port
        const ports =
          set?.type === "resource" || set?.type === "service-network"
            ? (set.ports ?? [443])
            : [getService(set?.service ?? key)?.port ?? set?.port ?? 443];
        for (const c of set?.allowedCidrs ?? [])
          for (const port of ports)
            if (!own.some((r) => inside(c, r.cidr_ipv4) && r.from_port === port && r.to_port === port))
              v.push(`${addr}: allowedCidrs ${c} is not admitted on ${port}`);
      }
    }
  }
  return v;
}
