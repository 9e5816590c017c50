/**
 * `fixedIps` (subnet name -> IPv4 of the endpoint's ENI there): the subnet is one of the VPC's, the address lies
 * inside it and is not one AWS reserves, and no two endpoints of the VPC claim one address. Whether the subnet
 * holds one of the endpoint's ENIs is known only once placed (plan rule fixed-ip-placement).
 */
import { shownName } from "../../input/resolve";
import { size } from "../../cidr";
import { quote } from "../../diagnostics";
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

/**
 * AWS reserves the first four addresses and the last one of every subnet (network, VPC router, DNS, future use,
 * broadcast): https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
const RESERVED_FIRST = 4;

function ipNumber(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

type Details =
  | { kind: "unknown-subnet"; subnet: string; vpc: string; subnets: readonly string[] }
  | { kind: "outside"; ip: string; subnet: string; cidr: string }
  | { kind: "reserved"; ip: string; subnet: string; cidr: string; first: string; last: string }
  | { kind: "taken"; ip: string; service: string; other: string };

export const fixedIps = rule<FieldSubject>()({
  name: "fixed-ips",
  stage: "fields",
  codes: {
    FIXED_IP_UNKNOWN_SUBNET: {
      severity: "error",
      trigger: "a `fixedIps` key that is no subnet of the VPC",
      fix: "use a subnet name of the VPC",
      message: (d: Details & { kind: "unknown-subnet" }) =>
        `fixedIps names ${quote(d.subnet)}, which is not a subnet of VPC ${d.vpc}.`,
      hint: (d: Details & { kind: "unknown-subnet" }) => `Subnets of this VPC: ${d.subnets.join(", ")}.`,
    },
    FIXED_IP_OUTSIDE_SUBNET: {
      severity: "error",
      trigger: "a fixed IP outside its subnet's CIDR",
      fix: "use an address inside the subnet",
      message: (d: Details & { kind: "outside" }) => `${d.ip} is not inside subnet ${d.subnet} (${d.cidr}).`,
      hint: (d: Details & { kind: "outside" }) => `Use an address of ${d.cidr}.`,
    },
    FIXED_IP_RESERVED: {
      severity: "error",
      trigger: "a fixed IP that AWS reserves (the 4 first and the last address of the subnet)",
      fix: "use an address AWS does not reserve",
      message: (d: Details & { kind: "reserved" }) =>
        `${d.ip} is reserved by AWS in subnet ${d.subnet} (${d.cidr}): the 4 first and the last address are.`,
      hint: (d: Details & { kind: "reserved" }) => `Use an address from ${d.first} to ${d.last}.`,
    },
    FIXED_IP_TAKEN: {
      severity: "error",
      trigger: "two endpoints of a VPC claim one fixed IP",
      fix: "give each endpoint its own address",
      message: (d: Details & { kind: "taken" }) =>
        `${d.ip} is claimed by endpoints.${d.other}.fixedIps too; an address holds one ENI.`,
      hint: (d: Details & { kind: "taken" }) => `Choose another address for ${d.service}.`,
    },
  },
  check(subject, ctx) {
    for (const v of subject.facts.vpcs) {
      const names = v.subnets.flatMap((s) => (s.spec.name !== undefined ? [s.spec.name] : []));
      const claimed = new Map<string, string>();
      for (const e of v.endpoints) {
        // a Lattice endpoint takes no fixedIps at all (LATTICE_OPTION)
        if (e.repeated || (e.declaresLattice && !e.service)) continue;
        for (const [name, ip] of Object.entries(e.settings.fixedIps ?? {})) {
          const segs = [...e.segs, "fixedIps", name];
          const subnet = v.subnets.find((s) => s.spec.name === name);
          if (!subnet) {
            // a subnet without a well-formed name may be the one named: reported where it stands
            if (v.subnetNamesComplete)
              ctx.report(
                subject.at(segs, { key: true }),
                "FIXED_IP_UNKNOWN_SUBNET",
                { kind: "unknown-subnet", subnet: name, vpc: shownName(v), subnets: names },
                { suggestions: closest(name, names) },
              );
            continue;
          }
          const other = claimed.get(ip);
          if (other !== undefined)
            ctx.report(subject.at(segs), "FIXED_IP_TAKEN", { kind: "taken", ip, service: e.key, other });
          else claimed.set(ip, e.key);
          const block = subnet.cidr?.cidr;
          if (!block) continue;
          const start = block.start;
          const end = start + size(block) - 1;
          const n = ipNumber(ip);
          if (n < start || n > end)
            ctx.report(subject.at(segs), "FIXED_IP_OUTSIDE_SUBNET", {
              kind: "outside",
              ip,
              subnet: name,
              cidr: block.text,
            });
          else if (n < start + RESERVED_FIRST || n === end)
            ctx.report(subject.at(segs), "FIXED_IP_RESERVED", {
              kind: "reserved",
              ip,
              subnet: name,
              cidr: block.text,
              first: ipText(start + RESERVED_FIRST),
              last: ipText(end - 1),
            });
        }
      }
    }
  },
});

function ipText(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}
