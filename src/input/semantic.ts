/**
 * Semantic checks of one schema-valid spec, and its normalization into a
 * SpecModel. Each check is a small function that returns its diagnostics;
 * all of them run, so the user sees every problem at once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  allBundles,
  allRegions,
  allServices,
  getBundle,
  getRegion,
  getService,
  resolveAlias,
  serviceNames,
  type Region,
} from "../catalog";
import { serviceIdFromName } from "../region-dumps/read";
import { contains, isCidr, overlaps, parseCidr, type Cidr } from "../cidr";
import { diag, quote, type Diagnostic, type DiagnosticInput } from "../diagnostics";
import { closest } from "../suggest";
import type { PathSegment, SourceFile } from "./load";
import type {
  BackendModel,
  EndpointSettings,
  Located,
  PolicyChoice,
  ServiceRequest,
  SpecModel,
  SubnetModel,
  VpcModel,
} from "./spec-model";
import type { Spec, VpcSpec } from "./schema";
import { formatPath } from "./validate-schema";
import { by } from "../order";

/** Widest block allowedCidrs may name (a /8 is a whole private range such as 10.0.0.0/8). */
export const MIN_ALLOWED_PREFIX = 8;

/** Largest endpoint policy AWS accepts, in characters. */
export const MAX_POLICY_CHARS = 20480;
/** Largest policy file read (pretty-printed JSON of a maximal policy fits easily). */
const MAX_POLICY_FILE_BYTES = 256 * 1024;

class Ctx {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly source: SourceFile,
    /** Ids the region dump of the spec's region lists beyond the catalog. */
    readonly dumpIds: ReadonlySet<string>,
  ) {}
  /** A service id valid in this spec: in the catalog, or in the region's dump. */
  known(id: string): boolean {
    return getService(id) !== undefined || this.dumpIds.has(id);
  }
  at(segs: readonly PathSegment[], opts?: { key?: boolean }): Located {
    return { path: formatPath(segs), pos: this.source.positionOf(segs, opts) };
  }
  report(
    segs: readonly PathSegment[],
    d: Omit<DiagnosticInput, "file" | "pos" | "path">,
    opts?: { key?: boolean },
  ): void {
    const loc = this.at(segs, opts);
    this.diagnostics.push(diag({ ...d, file: this.source.file, pos: loc.pos, path: loc.path }));
  }
}

export function buildModel(
  source: SourceFile,
  spec: Spec,
  dumpIds: ReadonlySet<string> = new Set(),
): { model?: SpecModel; diagnostics: Diagnostic[] } {
  const ctx = new Ctx(source, dumpIds);
  const region = checkRegion(ctx, spec.region);
  if (spec.backend?.s3) checkRegion(ctx, spec.backend.s3.region, ["backend", "s3", "region"]);
  const defaultsPolicy =
    spec.defaults?.policy !== undefined
      ? resolvePolicy(ctx, spec, ["defaults", "policy"], spec.defaults.policy)
      : ({ kind: "full-access" } as const);
  const vpcs = spec.vpcs.map((v, i) => buildVpc(ctx, spec, v, i, region));
  checkUniqueNames(
    ctx,
    vpcs.map((v, i) => ({ value: v.name, segs: ["vpcs", i, "name"] })),
    "VPC name",
    "the stack",
  );
  checkUniqueIds(
    ctx,
    vpcs.map((v, i) => ({ value: v.id, segs: ["vpcs", i, "id"] })),
  );
  checkUniqueIds(
    ctx,
    vpcs.flatMap((v, i) =>
      v.subnets.map((s, j) => ({ value: s.id, segs: ["vpcs", i, "subnets", j, "id"] as PathSegment[] })),
    ),
  );

  const stack = spec.stack ?? path.basename(source.file).replace(/\.ya?ml$/i, "");
  if (spec.stack === undefined && !/^[A-Za-z][A-Za-z0-9_-]{0,62}$/.test(stack)) {
    ctx.report([], {
      code: "INVALID_VALUE",
      message: `the file name gives the stack name ${JSON.stringify(stack)}, which is not a valid name.`,
      hint: "Set `stack:` to letters, digits, '-' and '_', starting with a letter, or rename the file.",
    });
  }
  if (ctx.diagnostics.some((d) => d.severity === "error") || !region) return { diagnostics: ctx.diagnostics };
  const model: SpecModel = {
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
      policy: defaultsPolicy ?? { kind: "full-access" },
      policyPath: spec.defaults?.policy !== undefined ? ctx.at(["defaults", "policy"]) : undefined,
    },
    vpcs,
  };
  return { model, diagnostics: ctx.diagnostics };
}

function buildBackend(spec: Spec, stack: string): BackendModel {
  if (spec.backend?.s3) return { kind: "s3", ...spec.backend.s3 };
  if (spec.backend?.local) return { kind: "local", path: spec.backend.local.path };
  return { kind: "local", path: `terraform.${stack}.tfstate` };
}

function checkRegion(ctx: Ctx, region: string, segs: PathSegment[] = ["region"]): Region | undefined {
  const r = getRegion(region);
  if (!r) {
    ctx.report(segs, {
      code: "UNKNOWN_REGION",
      message: `unknown region ${quote(region)}.`,
      hint: "Use an AWS region code such as eu-central-1 (vpce catalog lists the services per region).",
      suggestions: closest(
        region,
        allRegions().map((x) => x.name),
      ),
    });
  }
  return r;
}

function buildVpc(ctx: Ctx, spec: Spec, v: VpcSpec, i: number, region: Region | undefined): VpcModel {
  const base: PathSegment[] = ["vpcs", i];
  const vpcCidrs: Cidr[] = [];
  const primary = checkCidr(ctx, [...base, "cidr"], v.cidr, "VPC");
  if (primary) vpcCidrs.push(primary);
  (v.additionalCidrs ?? []).forEach((c, k) => {
    const parsed = checkCidr(ctx, [...base, "additionalCidrs", k], c, "VPC");
    if (!parsed) return;
    const clash = vpcCidrs.find((o) => overlaps(o, parsed));
    if (clash)
      ctx.report([...base, "additionalCidrs", k], {
        code: "CIDR_OVERLAP",
        message: `${c} overlaps the VPC's CIDR ${clash.text}.`,
        hint: "A VPC's CIDR blocks may not overlap.",
      });
    else vpcCidrs.push(parsed);
  });

  const subnetCidrs: Array<{ cidr: Cidr; name: string }> = [];
  const subnets: SubnetModel[] = v.subnets.map((s, j) => {
    const sb: PathSegment[] = [...base, "subnets", j];
    const parsed = checkCidr(ctx, [...sb, "cidr"], s.cidr, "subnet");
    if (parsed && vpcCidrs.length > 0) {
      if (!vpcCidrs.some((vc) => contains(vc, parsed))) {
        ctx.report([...sb, "cidr"], {
          code: "CIDR_NOT_IN_VPC",
          message: `subnet ${s.name} has CIDR ${s.cidr}, which is not inside the VPC's CIDRs (${vpcCidrs.map((c) => c.text).join(", ")}).`,
          hint: "Fix the subnet's CIDR, or add the VPC's secondary block to additionalCidrs.",
        });
      }
      const clash = subnetCidrs.find((o) => overlaps(o.cidr, parsed));
      if (clash)
        ctx.report([...sb, "cidr"], {
          code: "CIDR_OVERLAP",
          message: `subnet ${s.name} (${s.cidr}) overlaps subnet ${clash.name} (${clash.cidr.text}).`,
          hint: "Subnets of one VPC cannot overlap; check for a copy-paste error.",
        });
      subnetCidrs.push({ cidr: parsed, name: s.name });
    }
    checkAz(ctx, sb, s.az, s.azId, region);
    return {
      ...ctx.at(sb),
      name: s.name,
      id: s.id,
      az: s.az,
      azId: s.azId,
      cidr: s.cidr,
      routeTable: s.routeTable,
      requests: resolveRequests(ctx, v, sb, s.services ?? [], s.bundles ?? [], region),
    };
  });
  checkUniqueNames(
    ctx,
    v.subnets.map((s, j) => ({ value: s.name, segs: [...base, "subnets", j, "name"] })),
    "subnet name",
    `VPC ${v.name}`,
  );

  const names = v.subnets.map((s) => s.name);
  (v.endpointSubnets ?? []).forEach((n, k) => {
    if (!names.includes(n)) {
      ctx.report([...base, "endpointSubnets", k], {
        code: "UNKNOWN_ENDPOINT_SUBNET",
        message: `endpointSubnets names ${quote(n)}, which is not a subnet of VPC ${v.name}.`,
        hint: `Subnets of this VPC: ${names.join(", ")}.`,
        suggestions: closest(n, names),
      });
    }
  });

  const endpoints = new Map<string, EndpointSettings>();
  const customNames = new Map<string, string>();
  for (const [written, e] of Object.entries(v.endpoints ?? {})) {
    const eb: PathSegment[] = [...base, "endpoints", written];
    const alias = ctx.known(written) || e.serviceName !== undefined ? undefined : resolveAlias(written);
    const key = alias ?? written;
    if (alias)
      ctx.report(
        eb,
        {
          code: "SERVICE_ALIAS",
          message: `endpoints key "${written}" is the catalog service ${alias}; its settings apply to ${alias}.`,
          hint: `Write ${alias} to make this note go away.`,
        },
        { key: true },
      );
    if (endpoints.has(key)) {
      ctx.report(
        eb,
        {
          code: "DUPLICATE_NAME",
          message: `endpoints has two entries for ${key}.`,
          hint: "Merge them into one entry.",
        },
        { key: true },
      );
      continue;
    }
    checkOverride(ctx, eb, key, e, region);
    if (e.serviceName !== undefined && !getService(key)) {
      // one endpoint per (VPC, service): two keys for one service name would plan two endpoints for it
      const other = customNames.get(e.serviceName);
      const id = region ? serviceIdFromName(e.serviceName, region.name) : undefined;
      const catalog = id ? getService(id) : undefined;
      if (other !== undefined) {
        ctx.report([...eb, "serviceName"], {
          code: "DUPLICATE_NAME",
          message: `endpoints.${key} and endpoints.${other} both name the service ${e.serviceName}; a VPC gets one endpoint per service.`,
          hint: `Keep one entry and list its key in the subnets' services.`,
        });
      } else if (catalog) {
        ctx.report([...eb, "serviceName"], {
          code: "DUPLICATE_NAME",
          message: `${e.serviceName} is the catalog service ${catalog.id}; declaring it again as ${key} would give the VPC a second endpoint for it.`,
          hint: `List ${catalog.id} in the subnets' services (settings go under endpoints.${catalog.id}).`,
        });
      } else customNames.set(e.serviceName, key);
    }
    const allowedCidrs: string[] = [];
    const allowedCidrsAt: Located[] = [];
    (e.allowedCidrs ?? []).forEach((c, k) => {
      const parsed = checkCidr(ctx, [...eb, "allowedCidrs", k], c, "allowed");
      if (!parsed) return;
      allowedCidrs.push(parsed.text);
      allowedCidrsAt.push(ctx.at([...eb, "allowedCidrs", k]));
    });
    endpoints.set(key, {
      ...ctx.at(eb, { key: true }),
      key,
      type: e.type,
      privateDns: e.privateDns,
      policy: e.policy !== undefined ? resolvePolicy(ctx, spec, [...eb, "policy"], e.policy) : undefined,
      policyPath: e.policy !== undefined ? ctx.at([...eb, "policy"]) : undefined,
      serviceName: e.serviceName,
      port: e.port,
      allowedCidrs,
      allowedCidrsAt,
    });
  }
  return {
    ...ctx.at(base),
    name: v.name,
    id: v.id,
    cidrs: vpcCidrs.map((c) => c.text),
    endpointSubnets: v.endpointSubnets,
    subnets,
    endpoints,
  };
}

function checkCidr(ctx: Ctx, segs: PathSegment[], text: string, what: "VPC" | "subnet" | "allowed"): Cidr | undefined {
  const r = parseCidr(text);
  if (!isCidr(r)) {
    const detail =
      r.kind === "host-bits"
        ? { message: `${text} has host bits set.`, hint: `Write the network address: ${r.network}.` }
        : r.kind === "ipv6"
          ? { message: `${text} is an IPv6 block; vpce plans IPv4 endpoints.`, hint: "Give the IPv4 CIDR block." }
          : { message: `${quote(text)} is not an IPv4 CIDR block.`, hint: "Write it as a.b.c.d/n, e.g. 10.20.0.0/16." };
    ctx.report(segs, { code: "INVALID_CIDR", ...detail });
    return undefined;
  }
  if (what === "allowed") {
    if (r.prefix < MIN_ALLOWED_PREFIX) {
      ctx.report(segs, {
        code: "OPEN_CIDR",
        message: `${text} admits ${r.prefix === 0 ? "every address" : `2^${32 - r.prefix} addresses`}; endpoint security groups are least privilege (blocks of /${MIN_ALLOWED_PREFIX} or smaller).`,
        hint: "List the on-premises or peered ranges that need the endpoint.",
      });
      return undefined;
    }
    return r;
  }
  if (r.prefix < 16 || r.prefix > 28) {
    ctx.report(segs, {
      code: "INVALID_CIDR",
      message: `${text} has a /${r.prefix} prefix; AWS ${what} CIDR blocks are /16 to /28.`,
    });
    return undefined;
  }
  return r;
}

function checkAz(
  ctx: Ctx,
  segs: PathSegment[],
  az: string | undefined,
  azId: string | undefined,
  region: Region | undefined,
): void {
  if (az === undefined && azId === undefined) {
    ctx.report(segs, {
      code: "AZ_MISSING",
      message: "the subnet has neither az nor azId.",
      hint: "Give the Availability Zone by name (az: eu-central-1a) or by id (azId: euc1-az2).",
    });
    return;
  }
  if (az !== undefined && azId !== undefined) {
    ctx.report(
      [...segs, "azId"],
      {
        code: "AZ_AMBIGUOUS",
        message: "the subnet gives both az and azId.",
        hint: "Keep one of the two: AZ names differ between accounts, AZ ids do not.",
      },
      { key: true },
    );
    return;
  }
  if (!region) return;
  if (az !== undefined && !new RegExp(`^${region.name}[a-z]$`).test(az)) {
    ctx.report([...segs, "az"], {
      code: "AZ_NOT_IN_REGION",
      message: `Availability Zone ${quote(az)} is not in region ${region.name}.`,
      hint: `AZ names in this region look like ${region.name}a.`,
    });
  }
  if (azId !== undefined) {
    const ok = region.azIdPrefix
      ? new RegExp(`^${region.azIdPrefix}-az[0-9]+$`).test(azId)
      : /^[a-z0-9]+-az[0-9]+$/.test(azId);
    if (!ok) {
      ctx.report([...segs, "azId"], {
        code: "AZ_NOT_IN_REGION",
        message: `Availability Zone id ${quote(azId)} is not in region ${region.name}.`,
        hint: region.azIdPrefix
          ? `AZ ids in this region look like ${region.azIdPrefix}-az1.`
          : "AZ ids look like <prefix>-az<N>.",
      });
    }
  }
}

type Item = { value: string; segs: PathSegment[] };

/** Reports every item whose value an earlier item already has, pointing back at the first. */
function reportRepeats(
  ctx: Ctx,
  items: Item[],
  report: (it: Item, firstAt: string) => Omit<DiagnosticInput, "file" | "pos" | "path">,
): void {
  const seen = new Map<string, PathSegment[]>();
  for (const it of items) {
    const first = seen.get(it.value);
    if (first)
      ctx.report(it.segs, report(it, `first at ${formatPath(first)}, line ${ctx.source.positionOf(first).line}`));
    else seen.set(it.value, it.segs);
  }
}

function checkUniqueNames(ctx: Ctx, items: Item[], what: string, where: string): void {
  reportRepeats(ctx, items, (it, firstAt) => ({
    code: "DUPLICATE_NAME",
    message: `${what} ${JSON.stringify(it.value)} is used twice in ${where} (${firstAt}).`,
    hint: "Names must be unique: Terraform addresses are built from them.",
  }));
}

function checkUniqueIds(ctx: Ctx, items: Item[]): void {
  reportRepeats(ctx, items, (it, firstAt) => ({
    code: "DUPLICATE_ID",
    message: `${it.value} appears twice (${firstAt}).`,
    hint: "Each VPC and subnet is described once per stack.",
  }));
}

/** Bundles and services of one subnet, as distinct service keys in a stable order. */
function resolveRequests(
  ctx: Ctx,
  v: VpcSpec,
  sb: PathSegment[],
  services: string[],
  bundles: string[],
  region: Region | undefined,
): ServiceRequest[] {
  const out = new Map<string, ServiceRequest>();
  const custom = Object.entries(v.endpoints ?? {})
    .filter(([, e]) => e.serviceName !== undefined)
    .map(([k]) => k);
  services.forEach((svc, k) => {
    const segs = [...sb, "services", k];
    if (ctx.known(svc) || custom.includes(svc)) {
      if (!out.has(svc)) out.set(svc, { ...ctx.at(segs), key: svc, via: "services" });
      return;
    }
    const canonical = resolveAlias(svc);
    if (canonical) {
      ctx.report(segs, {
        code: "SERVICE_ALIAS",
        message: `"${svc}" is the catalog service ${canonical}; planning ${canonical}.`,
        hint: `Write ${canonical} to make this note go away.`,
      });
      if (!out.has(canonical)) out.set(canonical, { ...ctx.at(segs), key: canonical, via: "services" });
      return;
    }
    ctx.report(segs, {
      code: "UNKNOWN_SERVICE",
      message: `unknown service ${quote(svc)}${region ? ` in ${region.name}` : ""}.`,
      hint: "Use a catalog id (vpce catalog lists them), or declare a service outside the catalog under the VPC's endpoints: with a serviceName.",
      suggestions: closest(svc, [...allServices().map((s) => s.id), ...custom]),
    });
  });
  bundles.forEach((b, k) => {
    const segs = [...sb, "bundles", k];
    const bundle = getBundle(b);
    if (!bundle) {
      ctx.report(segs, {
        code: "UNKNOWN_BUNDLE",
        message: `unknown bundle ${quote(b)}.`,
        hint: `Bundles: ${allBundles()
          .map((x) => x.id)
          .join(", ")} (vpce catalog --bundles).`,
        suggestions: closest(
          b,
          allBundles().map((x) => x.id),
        ),
      });
      return;
    }
    for (const svc of bundle.services)
      if (!out.has(svc)) out.set(svc, { ...ctx.at(segs), key: svc, via: `bundle ${b}` });
  });
  return [...out.values()].sort(by((r) => r.key));
}

function checkOverride(
  ctx: Ctx,
  eb: PathSegment[],
  key: string,
  e: NonNullable<VpcSpec["endpoints"]>[string],
  region: Region | undefined,
): void {
  const svc = getService(key);
  if (!svc && ctx.dumpIds.has(key)) return; // a service of the region dump newer than the catalog: the planner checks its types
  if (!svc) {
    if (e.serviceName === undefined) {
      ctx.report(
        eb,
        {
          code: "UNKNOWN_SERVICE",
          message: `endpoints has ${quote(key)}, which is not a catalog service and has no serviceName.`,
          hint: "Use a catalog id, or add serviceName: <full endpoint service name> to declare a service outside the catalog.",
          suggestions: closest(
            key,
            allServices().map((s) => s.id),
          ),
        },
        { key: true },
      );
      return;
    }
    if (e.type !== undefined && e.type !== "interface") {
      ctx.report([...eb, "type"], {
        code: "UNSUPPORTED_TYPE",
        message: `${key} is a service outside the catalog; it can only be reached through an interface endpoint, not ${e.type}.`,
        hint: "Remove type or set type: interface.",
      });
    }
    return;
  }
  const names = region ? [...new Set(Object.values(serviceNames(svc, region.name)))] : [];
  if (e.serviceName !== undefined && region && !names.includes(e.serviceName)) {
    ctx.report([...eb, "serviceName"], {
      code: "SERVICE_NAME_MISMATCH",
      message: `${key} is the catalog service ${names.join(" / ")} in ${region.name}, not ${e.serviceName}.`,
      hint: "To declare a service outside the catalog, give it a key of its own (e.g. partner-feed).",
    });
  }
  if (e.port !== undefined && e.port !== svc.port) {
    ctx.report([...eb, "port"], {
      code: "INVALID_VALUE",
      message: `${key} listens on port ${svc.port}; port can only be set for services outside the catalog.`,
      hint: "Remove port.",
    });
  }
  if (e.type !== undefined) {
    const supported = svc.types.map((t) => t.toLowerCase());
    const ok =
      e.type === "both"
        ? svc.both && supported.includes("gateway") && supported.includes("interface")
        : supported.includes(e.type);
    if (!ok) {
      const allowed = svc.both ? "gateway, interface or both" : supported.join(" or ");
      ctx.report([...eb, "type"], {
        code: "UNSUPPORTED_TYPE",
        message: `${key} does not support type ${e.type}${e.type === "both" ? " (both is for s3 only)" : ""}.`,
        hint: `Allowed for ${key}: ${allowed}.`,
      });
    }
  }
}

function resolvePolicy(ctx: Ctx, spec: Spec, segs: PathSegment[], value: string): PolicyChoice | undefined {
  if (value === "full-access") return { kind: "full-access" };
  if (value === "org-only") {
    if (!spec.organizationId) {
      ctx.report(segs, {
        code: "ORG_ID_REQUIRED",
        message: "policy org-only needs the spec's organizationId.",
        hint: "Add organizationId: o-xxxxxxxxxx at the top of the spec.",
      });
      return undefined;
    }
    return { kind: "org-only" };
  }
  const abs = path.resolve(path.dirname(ctx.source.absPath), value);
  let text: string;
  try {
    const stat = fs.statSync(abs);
    if (!stat.isFile()) throw new Error("not a file");
    if (stat.size > MAX_POLICY_FILE_BYTES) {
      ctx.report(segs, {
        code: "POLICY_TOO_LARGE",
        message: `policy file ${quote(value)} is ${stat.size} bytes; endpoint policies are limited to ${MAX_POLICY_CHARS} characters.`,
      });
      return undefined;
    }
    text = fs.readFileSync(abs, "utf8");
  } catch {
    ctx.report(segs, {
      code: "POLICY_FILE_MISSING",
      message: `policy file ${quote(value)} not found (looked for ${abs}).`,
      hint: "policy is full-access, org-only, or a JSON file path relative to the spec file.",
      suggestions: closest(value, ["full-access", "org-only"]),
    });
    return undefined;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    ctx.report(segs, {
      code: "POLICY_INVALID",
      message: `policy file ${value} is not valid JSON: ${(e as Error).message}.`,
    });
    return undefined;
  }
  const problems = checkPolicyDocument(doc);
  for (const p of problems)
    ctx.report(segs, { code: p.code, message: `policy file ${value}: ${p.message}`, hint: p.hint });
  if (problems.length > 0) return undefined;
  return { kind: "file", file: value, document: doc };
}

/** Checks an endpoint policy document: IAM policy shape, a Principal in every statement, the size limit. */
export function checkPolicyDocument(
  doc: unknown,
): Array<{ code: "POLICY_INVALID" | "POLICY_NO_PRINCIPAL" | "POLICY_TOO_LARGE"; message: string; hint?: string }> {
  const out: Array<{
    code: "POLICY_INVALID" | "POLICY_NO_PRINCIPAL" | "POLICY_TOO_LARGE";
    message: string;
    hint?: string;
  }> = [];
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    return [{ code: "POLICY_INVALID", message: "an IAM policy is a JSON object with Version and Statement." }];
  const d = doc as Record<string, unknown>;
  const unknownKeys = Object.keys(d).filter((k) => !["Version", "Id", "Statement"].includes(k));
  if (unknownKeys.length)
    out.push({
      code: "POLICY_INVALID",
      message: `unknown top-level key(s) ${unknownKeys.join(", ")}.`,
      hint: "An IAM policy has Version, Id and Statement.",
    });
  if (d.Version !== undefined && d.Version !== "2012-10-17" && d.Version !== "2008-10-17")
    out.push({
      code: "POLICY_INVALID",
      message: `Version ${JSON.stringify(d.Version)} is not an IAM policy version.`,
      hint: 'Use "Version": "2012-10-17".',
    });
  const stmts = Array.isArray(d.Statement) ? d.Statement : d.Statement !== undefined ? [d.Statement] : [];
  if (stmts.length === 0) out.push({ code: "POLICY_INVALID", message: "the policy has no Statement." });
  stmts.forEach((s, i) => {
    if (typeof s !== "object" || s === null || Array.isArray(s)) {
      out.push({ code: "POLICY_INVALID", message: `Statement[${i}] is not an object.` });
      return;
    }
    const st = s as Record<string, unknown>;
    if (st.Effect !== "Allow" && st.Effect !== "Deny")
      out.push({
        code: "POLICY_INVALID",
        message: `Statement[${i}].Effect is ${JSON.stringify(st.Effect)}; it must be "Allow" or "Deny".`,
      });
    if (st.Action === undefined && st.NotAction === undefined)
      out.push({ code: "POLICY_INVALID", message: `Statement[${i}] has neither Action nor NotAction.` });
    if (st.Principal === undefined && st.NotPrincipal === undefined)
      out.push({
        code: "POLICY_NO_PRINCIPAL",
        message: `Statement[${i}] has no Principal; endpoint policies must name one.`,
        hint: 'Add "Principal": "*" and restrict with Condition if needed.',
      });
  });
  const size = JSON.stringify(doc).length;
  if (size > MAX_POLICY_CHARS)
    out.push({
      code: "POLICY_TOO_LARGE",
      message: `the policy is ${size} characters; endpoint policies are limited to ${MAX_POLICY_CHARS}.`,
    });
  return out;
}
