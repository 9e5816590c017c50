/**
 * The SpecModel of one spec file without errors, assembled from the spec and
 * its resolved facts. Pure: the rules of the fields stage have reported every
 * problem before this runs, and it runs only on a schema-valid spec.
 */
import type { SourceFile } from "./load";
import type { PolicyField, ResolvedSpec, ResolvedVpc } from "./resolve";
import type { BackendModel, EndpointSettings, Located, PolicyChoice, SpecModel, VpcModel } from "./spec-model";
import type { Spec, VpcSpec } from "./schema";
import { formatPath } from "./validate-schema";
import { by } from "../order";
import type { PathSegment } from "./load";

export interface BuildModelOptions {
  readonly source: SourceFile;
  /** The facts of a schema-valid spec, with the spec. */
  readonly resolved: ResolvedSpec & { readonly spec: Spec };
}

/** Undefined when the spec's region or stack name is not known (the file then has an error). */
export function buildModel({ source, resolved }: BuildModelOptions): SpecModel | undefined {
  const { spec, region, stack } = resolved;
  if (!region || stack === undefined) return undefined;
  const at = (segs: readonly PathSegment[], opts?: { key?: boolean }): Located => ({
    path: formatPath(segs),
    pos: source.positionOf(segs, opts),
  });
  return {
    file: source.file,
    source,
    stack,
    stackPos: source.positionOf(spec.stack !== undefined ? ["stack"] : []),
    region: region.name,
    partition: region.partition,
    account: spec.account,
    assumeRoleArn: spec.assumeRoleArn,
    organizationId: spec.organizationId,
    backend: buildBackend(spec, stack),
    tags: spec.tags ?? {},
    defaults: {
      privateDns: spec.defaults?.privateDns ?? true,
      policy: resolved.defaultsPolicy ? policyChoice(resolved.defaultsPolicy) : { kind: "full-access" },
      policyPath: resolved.defaultsPolicy ? at(resolved.defaultsPolicy.segs) : undefined,
    },
    vpcs: resolved.vpcs.map((v) => buildVpc({ v, spec: spec.vpcs[v.index], at })),
  };
}

function buildBackend(spec: Spec, stack: string): BackendModel {
  if (spec.backend?.s3) return { kind: "s3", ...spec.backend.s3 };
  if (spec.backend?.local) return { kind: "local", path: spec.backend.local.path, explicit: true };
  // cdktf's own default local state file, at the project root: a project moving from cdktf's default keeps its state
  return { kind: "local", path: `terraform.${stack}.tfstate`, explicit: false };
}

function policyChoice(p: PolicyField): PolicyChoice {
  if (p.choice.kind !== "file") return { kind: p.choice.kind };
  // a file without a JSON document is an error reported by the endpoint-policies rule: no model is built then
  const read = p.choice.read;
  if (read.kind !== "json") return { kind: "file", file: p.value, document: undefined };
  return { kind: "file", file: p.value, document: read.document, real: read.real, digest: read.digest };
}

interface BuildVpcOptions {
  readonly v: ResolvedVpc;
  /** The VPC as written (schema-valid). */
  readonly spec: VpcSpec;
  readonly at: (segs: readonly PathSegment[], opts?: { key?: boolean }) => Located;
}

/**
 * The Located fields of a VPC, subnet and endpoints entry are written out (`path`, `pos`), not spread from `at()`:
 * V8 builds an object that starts with a spread and goes on with named fields about ten times slower, which made
 * building the models of 12,000 subnets cost more than resolving them. The rarer fields (one `hub`, `useHub` or
 * `retire` entry per VPC at most) keep the spread.
 */
function buildVpc({ v, spec, at }: BuildVpcOptions): VpcModel {
  const endpoints = new Map<string, EndpointSettings>();
  for (const e of v.endpoints) {
    if (e.repeated) continue;
    const allowed = e.allowedCidrs.flatMap((c) => (c.cidr ? [{ text: c.cidr.text, at: at(c.segs) }] : []));
    const where = at(e.segs, { key: true });
    endpoints.set(e.key, {
      path: where.path,
      pos: where.pos,
      key: e.key,
      type: e.settings.type,
      privateDns: e.settings.privateDns,
      policy: e.policy ? policyChoice(e.policy) : undefined,
      policyPath: e.policy ? at(e.policy.segs) : undefined,
      serviceName: e.settings.serviceName,
      port: e.settings.port,
      allowedCidrs: allowed.map((c) => c.text),
      allowedCidrsAt: allowed.map((c) => c.at),
      allowedSecurityGroups: e.settings.allowedSecurityGroups ?? [],
      service: e.settings.service,
      serviceRegion: e.settings.serviceRegion,
      resourceConfigurationArn: e.settings.resourceConfigurationArn,
      serviceNetworkArn: e.settings.serviceNetworkArn,
      ports: e.settings.ports,
      ipAddressType: e.settings.ipAddressType,
      dnsRecordIpType: e.settings.dnsRecordIpType,
      fixedIps: e.settings.fixedIps ?? {},
      fixedIpsAt: Object.fromEntries(
        Object.keys(e.settings.fixedIps ?? {}).map((name) => [name, at([...e.segs, "fixedIps", name])]),
      ),
      tags: e.settings.tags ?? {},
      renamedFrom: e.settings.renamedFrom,
      ...(e.settings.gbPerMonth !== undefined ? { gbPerMonth: e.settings.gbPerMonth } : {}),
      ...(e.settings.useHub === false ? { useHub: false as const } : {}),
    });
  }
  const where = at(v.segs);
  return {
    path: where.path,
    pos: where.pos,
    name: spec.name,
    renamedFrom: spec.renamedFrom,
    id: spec.id,
    cidrs: v.blocks.map((c) => c.text),
    endpointSubnets: spec.endpointSubnets,
    subnets: v.subnets.map((s) => {
      const written = spec.subnets[s.index];
      const where = at(s.segs);
      return {
        path: where.path,
        pos: where.pos,
        name: written.name,
        id: written.id,
        az: written.az,
        azId: written.azId,
        cidr: written.cidr,
        ipv6Cidr: written.ipv6Cidr,
        routeTable: written.routeTable,
        renamedFrom: written.renamedFrom,
        requests: s.requests,
      };
    }),
    endpoints,
    ...(v.hub
      ? {
          hub: {
            ...at(v.hub.segs),
            services: [...new Set(v.hub.services.map((h) => h.written))].sort(),
            servicesAt: Object.fromEntries(v.hub.services.map((h) => [h.written, at(h.segs)])),
          },
        }
      : {}),
    ...(v.useHub ? { useHub: { ...at(v.useHub.segs), stack: v.useHub.stack, vpc: v.useHub.vpc } } : {}),
    ...(spec.retire
      ? {
          retire: new Map(
            Object.entries(spec.retire)
              .sort(by(([id]) => id))
              .map(([id, step]) => [id, { ...at([...v.segs, "retire", id], { key: true }), id, step }]),
          ),
        }
      : {}),
  };
}
