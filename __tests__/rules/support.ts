/**
 * What the per-rule tests share: a small valid spec as plain data, edited by
 * code (never by text with line numbers), written as YAML and run through the
 * whole pipeline; and the findings of one code.
 *
 *   const r = runSpecs({ "a.yaml": spec((s) => { s.vpcs[0].subnets[1].az = "eu-central-1a"; }) });
 *   expect(findings(r, "CROSS_AZ")).toHaveLength(1);
 */
import { stringify } from "yaml";
import type { Diagnostic, DiagnosticCode } from "../../src/diagnostics";
import type { PipelineResult } from "../../src/pipeline";
import { pipelineOf } from "../helpers";

export type SpecDoc = Record<string, any>;

/**
 * The base spec: one VPC (10.20.0.0/16) in eu-central-1 with two subnets in
 * two AZs, each with its own route table, asking for s3 (gateway) and ssm
 * (interface); org-only possible (organizationId set). It plans cleanly with
 * no error; its only findings are warnings: FULL_ACCESS_POLICY (default policy) and LOCAL_STATE (no backend).
 */
export function baseSpec(): SpecDoc {
  return {
    version: 1,
    stack: "base",
    region: "eu-central-1",
    organizationId: "o-a1b2c3d4e5",
    vpcs: [
      {
        name: "main",
        id: "vpc-0123456789abcdef0",
        cidr: "10.20.0.0/16",
        subnets: [
          {
            name: "app-a",
            id: "subnet-0aaaaaaaaaaaaaaa1",
            az: "eu-central-1a",
            cidr: "10.20.1.0/24",
            routeTable: "rtb-0aaaaaaaaaaaaaaa1",
            services: ["s3", "ssm"],
          },
          {
            name: "app-b",
            id: "subnet-0bbbbbbbbbbbbbbb2",
            az: "eu-central-1b",
            cidr: "10.20.2.0/24",
            routeTable: "rtb-0bbbbbbbbbbbbbbb2",
            services: ["s3", "ssm"],
          },
        ],
      },
    ],
  };
}

/** The base spec after `edit` changed it (edit mutates a fresh copy). */
export function spec(edit: (s: SpecDoc) => void = () => undefined): SpecDoc {
  const s = baseSpec();
  edit(s);
  return s;
}

/** A subnet entry for `s.vpcs[i].subnets.push(...)`: defaults, then the given fields. */
export function subnet(fields: SpecDoc & { name: string; id: string; cidr: string }): SpecDoc {
  return { az: "eu-central-1a", ...fields };
}

/** Spec files (objects become YAML; strings are written as they are) and region dumps, through the pipeline. */
export function runSpecs(
  files: Record<string, SpecDoc | string | Buffer>,
  dumps: Record<string, SpecDoc | string> = {},
): PipelineResult & { dir: string } {
  const text = (v: SpecDoc | string | Buffer) => (typeof v === "string" || Buffer.isBuffer(v) ? v : stringify(v));
  return pipelineOf(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, text(v)])),
    Object.fromEntries(
      Object.entries(dumps).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v, null, 2)]),
    ),
  );
}

/** The diagnostics of one code. */
export function findings(r: { diagnostics: readonly Diagnostic[] }, code: DiagnosticCode): Diagnostic[] {
  return r.diagnostics.filter((d) => d.code === code);
}

/** A ServiceDetails entry of a region dump (describe-vpc-endpoint-services), as AWS prints it. */
export function dumpEntry(opts: {
  name: string;
  type?: "Interface" | "Gateway";
  azs?: string[];
  azIds?: string[];
  privateDns?: string;
  policy?: boolean;
}): SpecDoc {
  return {
    ServiceName: opts.name,
    ServiceType: [{ ServiceType: opts.type ?? "Interface" }],
    AvailabilityZones: opts.azs ?? ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
    ...(opts.azIds ? { AvailabilityZoneIds: opts.azIds } : {}),
    Owner: "amazon",
    BaseEndpointDnsNames: [`${opts.name.split(".").reverse().join(".")}.vpce.amazonaws.com`],
    ...(opts.privateDns ? { PrivateDnsName: opts.privateDns } : {}),
    VpcEndpointPolicySupported: opts.policy ?? true,
  };
}

/** A region dump holding the given entries. */
export function dump(entries: SpecDoc[], extra: SpecDoc = {}): SpecDoc {
  return { ServiceDetails: entries, ServiceNames: entries.map((e) => e.ServiceName), ...extra };
}
