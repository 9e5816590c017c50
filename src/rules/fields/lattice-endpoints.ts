/**
 * VPC Lattice endpoints (`type: resource` + `resourceConfigurationArn`, `type: service-network` +
 * `serviceNetworkArn`): the type and its ARN go together; the ARN is a VPC Lattice ARN of the right kind in the
 * spec's partition and region; options of PrivateLink services (policy, port, serviceName, cross-region, fixed IPs)
 * do not apply; `ports` belongs to Lattice entries only.
 *
 * Sources: ARN shapes from the Service Authorization Reference (VPC Lattice resource types ResourceConfiguration
 * `arn:${Partition}:vpc-lattice:${Region}:${Account}:resourceconfiguration/${ResourceConfigurationId}` and
 * ServiceNetwork `.../servicenetwork/${ServiceNetworkId}`); the ids' patterns from the VPC Lattice API reference
 * (GetResourceConfiguration `rcfg-[0-9a-z]{17}`, GetServiceNetwork `sn-[0-9a-z]{17}`). EC2 CreateVpcEndpoint:
 * PolicyDocument is for "Interface and gateway endpoints" only. Both are regional resources (the ARN carries the
 * region; a VPC endpoint reaches another region only through an interface endpoint's service_region), so an ARN of
 * another region or partition can never be connected.
 */
import type { LatticeTypeChoice } from "../../input/spec-model";
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

/** What each Lattice type takes: its ARN field, the ARN's resource kind and id prefix. */
export const LATTICE_TYPES: Readonly<
  Record<LatticeTypeChoice, { readonly field: string; readonly kind: string; readonly idPrefix: string }>
> = {
  resource: { field: "resourceConfigurationArn", kind: "resourceconfiguration", idPrefix: "rcfg" },
  "service-network": { field: "serviceNetworkArn", kind: "servicenetwork", idPrefix: "sn" },
};

const ARN = /^arn:([a-z0-9-]+):vpc-lattice:([a-z0-9-]+):(\d{12}):([a-z]+)\/(.*)$/;

/** Keys of an endpoints entry that mean nothing for a Lattice endpoint, with why. */
const NOT_FOR_LATTICE: Readonly<Record<string, string>> = {
  policy: "VPC endpoint policies are for interface and gateway endpoints only (EC2 CreateVpcEndpoint)",
  serviceName: "a Lattice endpoint names its target by ARN, not by an endpoint service name",
  port: "a Lattice endpoint's security group takes `ports:`",
  service: "cross-region PrivateLink reaches catalog services through interface endpoints only",
  serviceRegion: "cross-region PrivateLink reaches catalog services through interface endpoints only",
  fixedIps: "vpce does not place fixed addresses on Lattice endpoints' ENIs (not confirmed for these types)",
};

type Details =
  | { kind: "no-arn"; key: string; type: LatticeTypeChoice }
  | { kind: "no-type"; key: string; field: string }
  | { kind: "wrong-field"; key: string; type: LatticeTypeChoice; field: string }
  | { kind: "malformed"; arn: string; type: LatticeTypeChoice }
  | { kind: "wrong-kind"; arn: string; type: LatticeTypeChoice; found: string }
  | { kind: "elsewhere"; arn: string; what: "partition" | "region"; found: string; own: string }
  | { kind: "option"; key: string; option: string }
  | { kind: "ports"; key: string };

type Of<K extends Details["kind"]> = Details & { kind: K };

const expected = (type: LatticeTypeChoice) =>
  `arn:<partition>:vpc-lattice:<region>:<account>:${LATTICE_TYPES[type].kind}/${LATTICE_TYPES[type].idPrefix}-` +
  "<17 lowercase letters or digits>";

export const latticeEndpoints = rule<FieldSubject>()({
  name: "lattice-endpoints",
  stage: "fields",
  codes: {
    LATTICE_INCOMPLETE: {
      severity: "error",
      trigger:
        "`type: resource` without `resourceConfigurationArn` (`service-network` without `serviceNetworkArn`), " +
        "an ARN without its type, or the other type's ARN",
      fix: "pair type: resource with resourceConfigurationArn, type: service-network with serviceNetworkArn",
      message: (d: Of<"no-arn" | "no-type" | "wrong-field">) =>
        d.kind === "no-arn"
          ? `endpoints.${d.key} is type ${d.type} but has no ${LATTICE_TYPES[d.type].field}.`
          : d.kind === "no-type"
            ? `endpoints.${d.key} sets ${d.field} without the type it belongs to.`
            : `endpoints.${d.key} is type ${d.type}, which takes ${LATTICE_TYPES[d.type].field}, not ${d.field}.`,
      hint: (d: Of<"no-arn" | "no-type" | "wrong-field">) =>
        d.kind === "no-type"
          ? `Add type: ${d.field === "serviceNetworkArn" ? "service-network" : "resource"}.`
          : `Give ${LATTICE_TYPES[d.type].field}: ${expected(d.type)}.`,
    },
    LATTICE_ARN: {
      severity: "error",
      trigger: "a Lattice ARN that is malformed, of the other resource kind, or in another partition or region",
      fix: "the ARN of a resource configuration (or service network) of the spec's region, as AWS shows it",
      message: (d: Of<"malformed" | "wrong-kind" | "elsewhere">) =>
        d.kind === "malformed"
          ? `${JSON.stringify(d.arn)} is not a VPC Lattice ${LATTICE_TYPES[d.type].kind} ARN.`
          : d.kind === "wrong-kind"
            ? `${JSON.stringify(d.arn)} is a ${d.found} ARN; type ${d.type} connects to a ` +
              `${LATTICE_TYPES[d.type].kind}.`
            : `${JSON.stringify(d.arn)} is in ${d.what} ${d.found}, the spec in ${d.own}: a VPC endpoint reaches ` +
              `VPC Lattice resources of its own ${d.what} only.`,
      hint: (d: Of<"malformed" | "wrong-kind" | "elsewhere">) =>
        d.kind === "elsewhere"
          ? "Share the resource configuration or service network into this region's account (AWS RAM), or plan " +
            "the endpoint in a spec of its region."
          : d.kind === "wrong-kind"
            ? "Use the type that matches the ARN, or the ARN that matches the type."
            : `Expected ${expected(d.type)}.`,
    },
    LATTICE_OPTION: {
      severity: "error",
      trigger: "`policy`, `port`, `serviceName`, `service`, `serviceRegion` or `fixedIps` on a VPC Lattice endpoint",
      fix: "remove the option",
      message: (d: Of<"option">) =>
        `endpoints.${d.key} is a VPC Lattice endpoint, which takes no ${d.option}: ${NOT_FOR_LATTICE[d.option]}.`,
      hint: (d: Of<"option">) =>
        d.option === "policy"
          ? "Remove policy; control access with the resource configuration's or service network's auth policy."
          : d.option === "port"
            ? "Use ports: [<port>, ...] instead."
            : `Remove ${d.option}.`,
    },
    LATTICE_PORTS: {
      severity: "error",
      trigger: "`ports` on an endpoints entry that is not a VPC Lattice endpoint",
      fix: "use port (services outside the catalog) or remove ports",
      message: (d: Of<"ports">) =>
        `endpoints.${d.key} sets ports, which is for VPC Lattice endpoints (type resource or service-network) only.`,
      hint: () => "Catalog services use their own port; a service outside the catalog takes port: <n>.",
    },
  },
  check(subject, ctx) {
    const own = subject.facts.region;
    for (const v of subject.facts.vpcs)
      for (const e of v.endpoints) {
        const s = e.settings;
        if (e.repeated) continue;
        const at = (field?: string) => subject.at(field ? [...e.segs, field] : e.segs, { key: !field });
        // a catalog key with a Lattice type is UNSUPPORTED_TYPE (endpoint-types)
        if (!e.declaresLattice || e.service) {
          if (s.ports !== undefined && !(e.service && e.declaresLattice))
            ctx.report(at("ports"), "LATTICE_PORTS", { kind: "ports", key: e.key });
          continue;
        }
        for (const option of Object.keys(NOT_FOR_LATTICE))
          if (option in s) ctx.report(at(option), "LATTICE_OPTION", { kind: "option", key: e.key, option });
        const type = s.type === "resource" || s.type === "service-network" ? s.type : undefined;
        const given = (["resourceConfigurationArn", "serviceNetworkArn"] as const).filter((f) => f in s);
        // a key written with a value the schema refused already has its error: one mistake, one error
        const written = (f: string) => e.writtenKeys.includes(f);
        if (!type) {
          if (!written("type") || s.type !== undefined)
            for (const field of given)
              ctx.report(at(field), "LATTICE_INCOMPLETE", { kind: "no-type", key: e.key, field });
          continue;
        }
        const field = LATTICE_TYPES[type].field as "resourceConfigurationArn" | "serviceNetworkArn";
        for (const other of given.filter((f) => f !== field))
          ctx.report(at(other), "LATTICE_INCOMPLETE", { kind: "wrong-field", key: e.key, type, field: other });
        const arn = s[field];
        if (arn === undefined) {
          // the other type's ARN (reported above), or an unknown key that may be a misspelt ARN field, says enough
          if (!written(field) && given.length === 0 && !e.unknownKeys)
            ctx.report(at(), "LATTICE_INCOMPLETE", { kind: "no-arn", key: e.key, type });
          continue;
        }
        const m = ARN.exec(arn);
        const { kind, idPrefix } = LATTICE_TYPES[type];
        if (!m || !/^[a-z]+$/.test(m[4]) || (m[4] === kind && !new RegExp(`^${idPrefix}-[0-9a-z]{17}$`).test(m[5]))) {
          ctx.report(at(field), "LATTICE_ARN", { kind: "malformed", arn, type });
          continue;
        }
        if (m[4] !== kind) {
          ctx.report(at(field), "LATTICE_ARN", { kind: "wrong-kind", arn, type, found: m[4] });
          continue;
        }
        if (!own) continue;
        if (m[1] !== own.partition)
          ctx.report(at(field), "LATTICE_ARN", {
            kind: "elsewhere",
            arn,
            what: "partition",
            found: m[1],
            own: own.partition,
          });
        else if (m[2] !== own.name)
          ctx.report(at(field), "LATTICE_ARN", { kind: "elsewhere", arn, what: "region", found: m[2], own: own.name });
      }
  },
});
