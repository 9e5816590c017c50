/**
 * An `ipAddressType` AWS can build: dualstack ENIs need an IPv6 block on every ENI subnet, ipv6 ENIs need
 * IPv6-only subnets (which a v1 subnet, always given an IPv4 `cidr`, is not), a gateway endpoint takes it only
 * where the catalog says so (s3), and a region dump's SupportedIpAddressTypes must list the addresses it needs.
 * Source: AWS's descriptions of VpcEndpointIpAddressType,
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointIpAddressType.html
 */
import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import type { EndpointType } from "../../catalog";
import { rule } from "../rule";
import { agree } from "../../text";

/** The address families (SupportedIpAddressTypes values) each ipAddressType needs the service to accept. */
const NEEDS: Readonly<Record<string, readonly string[]>> = {
  ipv4: ["ipv4"],
  dualstack: ["ipv4", "ipv6"],
  ipv6: ["ipv6"],
};

type Details =
  | { kind: "no-v6-block"; service: string; subnets: readonly string[] }
  | { kind: "ipv6-only"; service: string; subnets: readonly string[] }
  | { kind: "gateway"; service: string; type: string; allowed: readonly string[] }
  | { kind: "dump"; service: string; type: string; file: string; supported: readonly string[] };

export const ipAddressTypeSupport = rule<PlanSubject>()({
  name: "ip-address-type-support",
  stage: "plan",
  codes: {
    IPV6_SUBNET_MISSING: {
      severity: "error",
      trigger: "a dualstack endpoint with an ENI subnet that has no `ipv6Cidr`",
      fix: "give the ENI subnets their ipv6Cidr (or choose endpointSubnets that have one)",
      message: (d: Details & { kind: "no-v6-block" }) =>
        `the dualstack ${d.service} endpoint has ENIs in ${d.subnets.join(", ")}, ` +
        `which ${agree({ n: d.subnets, one: "has", many: "have" })} no ipv6Cidr; ` +
        "AWS needs both address families on every ENI subnet.",
      hint: () => "Add ipv6Cidr to those subnets, or set ipAddressType: ipv4.",
    },
    IPV6_ONLY_SUBNETS: {
      severity: "error",
      trigger: "`ipAddressType: ipv6` on an interface endpoint (AWS requires IPv6-only ENI subnets)",
      fix: "use ipAddressType: dualstack",
      message: (d: Details & { kind: "ipv6-only" }) =>
        `an ipv6 ${d.service} endpoint needs IPv6-only subnets, but its ENI subnets ${d.subnets.join(", ")} ` +
        "have IPv4 blocks (every subnet of a spec has a cidr).",
      hint: () => "Set ipAddressType: dualstack: the ENIs get both addresses and IPv6 clients are admitted.",
    },
    IP_ADDRESS_TYPE_UNSUPPORTED: {
      severity: "error",
      trigger:
        "an `ipAddressType` the service does not offer " +
        "(gateway endpoints other than s3; a region dump's SupportedIpAddressTypes)",
      fix: "choose an address type the service offers",
      message: (d: Details & { kind: "gateway" | "dump" }) =>
        d.kind === "gateway"
          ? `the ${d.service} gateway endpoint does not take ipAddressType ${d.type}.`
          : `${d.file} lists ${d.service} with SupportedIpAddressTypes ${d.supported.join(", ") || "(none)"}; ` +
            `ipAddressType ${d.type} needs ${NEEDS[d.type].join(" and ")}.`,
      hint: (d: Details & { kind: "gateway" | "dump" }) =>
        d.kind === "gateway"
          ? d.allowed.length > 0
            ? `Allowed for its gateway: ${d.allowed.join(", ")}.`
            : "Remove ipAddressType, or use an interface endpoint (type: interface)."
          : "Remove ipAddressType or choose one the service supports.",
    },
  },
  check(subject, ctx) {
    for (const { stack, vpc, endpoint } of eachEndpoint(subject)) {
      const { plan, facts } = endpoint;
      const type = facts.settings?.ipAddressType;
      if (!facts.settings || type === undefined) continue;
      const at = locate(stack.spec.file, facts.settings);
      const service = facts.settings.key;
      if (plan.type === "Gateway") {
        if (!facts.svc.gatewayIpAddressTypes.includes(type))
          ctx.report(at, "IP_ADDRESS_TYPE_UNSUPPORTED", {
            kind: "gateway",
            service,
            type,
            allowed: facts.svc.gatewayIpAddressTypes,
          });
      } else {
        const eni = plan.subnets.map((s) => s.subnet);
        const withoutV6 = vpc.model.subnets
          .filter((s) => eni.includes(s.name) && s.ipv6Cidr === undefined)
          .map((s) => s.name)
          .sort();
        if (type === "ipv6") ctx.report(at, "IPV6_ONLY_SUBNETS", { kind: "ipv6-only", service, subnets: eni });
        else if (type === "dualstack" && withoutV6.length > 0)
          ctx.report(at, "IPV6_SUBNET_MISSING", { kind: "no-v6-block", service, subnets: withoutV6 });
      }
      // only Gateway and Interface endpoints have a dump entry (facts.dump is never set for Lattice endpoints)
      const supported = facts.dump?.entry?.byType[plan.type as EndpointType]?.ipAddressTypes;
      if (supported && !NEEDS[type].every((f) => supported.includes(f)))
        ctx.report(at, "IP_ADDRESS_TYPE_UNSUPPORTED", {
          kind: "dump",
          service,
          type,
          file: facts.dump?.file ?? "",
          supported,
        });
    }
  },
});
