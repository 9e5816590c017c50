/**
 * IPv6 fields as written: a subnet's `ipv6Cidr` is an IPv6 block of a size AWS gives subnets, and an endpoint's
 * `dnsRecordIpType` is one AWS accepts with its `ipAddressType`. Which subnets and services can take an
 * `ipAddressType` is known once planned (plan rule ip-address-type-support).
 */
import ipaddr from "ipaddr.js";
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

/**
 * The dnsRecordIpType values each ipAddressType accepts (AWS's descriptions of VpcEndpointDnsRecordIpType:
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointDnsRecordIpType.html):
 * ipv4 needs IPv4 or Dualstack, ipv6 needs IPv6 or Dualstack, dualstack and service-defined need Dualstack.
 */
export const DNS_RECORD_TYPES: Readonly<Record<string, readonly string[]>> = {
  ipv4: ["ipv4"],
  dualstack: ["ipv4", "dualstack", "ipv6", "service-defined"],
  ipv6: ["ipv6"],
};

/** IPv6 subnet blocks are /44 to /64 in steps of 4 (Amazon VPC user guide, "IPv6 VPC CIDR blocks"). */
const V6_PREFIXES = [44, 48, 52, 56, 60, 64];

/** Why `text` is not a usable IPv6 subnet block, or undefined when it is one. */
function v6Problem(text: string): string | undefined {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return "it is not an IPv6 CIDR block";
  }
  const [addr, prefix] = parsed;
  if (addr.kind() !== "ipv6") return "it is an IPv4 block, not an IPv6 one";
  if (!V6_PREFIXES.includes(prefix)) return `AWS gives subnets IPv6 blocks of /${V6_PREFIXES.join(", /")} only`;
  const network = ipaddr.IPv6.networkAddressFromCIDR(text);
  if (network.toString() !== (addr as ipaddr.IPv6).toString())
    return `its host bits are set (the network address is ${network.toString()}/${prefix})`;
  return undefined;
}

type Details =
  | { kind: "cidr"; text: string; why: string }
  | { kind: "pair"; service: string; dns: string; ip: string; allowed: readonly string[] };

export const ipAddressTypes = rule<FieldSubject>()({
  name: "ip-address-types",
  stage: "fields",
  codes: {
    INVALID_IPV6_CIDR: {
      severity: "error",
      trigger: "a subnet's `ipv6Cidr` that is not an IPv6 network block of /44 to /64 (steps of 4)",
      fix: "write the subnet's IPv6 block as AWS shows it",
      message: (d: Details & { kind: "cidr" }) => `${JSON.stringify(d.text)} is not a subnet IPv6 block: ${d.why}.`,
      hint: () => "Write the IPv6 CIDR block AWS assigned to the subnet, e.g. 2001:db8:1234:1a00::/64.",
    },
    DNS_RECORD_IP_TYPE: {
      severity: "error",
      trigger: "a `dnsRecordIpType` AWS does not accept with the endpoint's `ipAddressType`",
      fix: "choose a record type the address type accepts, or change ipAddressType",
      message: (d: Details & { kind: "pair" }) =>
        `endpoints.${d.service}: dnsRecordIpType ${d.dns} needs ipAddressType ` +
        `${Object.keys(DNS_RECORD_TYPES)
          .filter((ip) => DNS_RECORD_TYPES[ip].includes(d.dns))
          .join(" or ")}, not ${d.ip}.`,
      hint: (d: Details & { kind: "pair" }) => `With ipAddressType ${d.ip}: dnsRecordIpType ${d.allowed.join(", ")}.`,
    },
  },
  check(subject, ctx) {
    for (const v of subject.facts.vpcs) {
      for (const s of v.subnets) {
        const text = s.spec.ipv6Cidr;
        const why = text !== undefined ? v6Problem(text) : undefined;
        if (text !== undefined && why !== undefined)
          ctx.report(subject.at([...s.segs, "ipv6Cidr"]), "INVALID_IPV6_CIDR", { kind: "cidr", text, why });
      }
      for (const e of v.endpoints) {
        const dns = e.settings.dnsRecordIpType;
        if (e.repeated || dns === undefined) continue;
        // an ipAddressType the schema refused has its own error: the pair cannot be judged
        const ipPath = subject.at([...e.segs, "ipAddressType"]).path;
        if (subject.schema.some((f) => f.at.path === ipPath)) continue;
        const ip = e.settings.ipAddressType ?? "ipv4";
        const allowed = DNS_RECORD_TYPES[ip];
        if (!allowed.includes(dns))
          ctx.report(subject.at([...e.segs, "dnsRecordIpType"]), "DNS_RECORD_IP_TYPE", {
            kind: "pair",
            service: e.key,
            dns,
            ip,
            allowed,
          });
      }
    }
  },
});
