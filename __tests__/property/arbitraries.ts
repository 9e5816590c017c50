/**
 * fast-check arbitraries of VALID spec folders (1-3 files, 1-3 VPCs each),
 * written as YAML text, plus the tools the property suites share: writing a
 * generated folder, reordering it (lists, mapping keys, file order) and the
 * counts a spec implies, computed from the spec alone (not from the plan).
 *
 * Validity is built in, not filtered: subnet CIDRs are computed inside the VPC
 * (10.<b>.<16k>.0/<20..28>, or in the VPC's secondary 100.64.0.0/16), names and
 * ids are unique by construction, every subnet that may need a gateway endpoint
 * has a route table, org-only appears only with an organizationId.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { allServices, getBundle, getRegion, getService } from "../../src/catalog";

/** A spec as plain data (what the YAML file holds). */
export type SpecDoc = Record<string, unknown>;

export interface GenFile {
  /** Path relative to the specs folder, e.g. `g1/payments.yaml`. */
  readonly rel: string;
  readonly doc: SpecDoc;
}

export interface GenSet {
  readonly files: readonly GenFile[];
}

/** Commercial, China and GovCloud regions (all with published AZ-id prefixes). */
export const REGIONS = [
  "eu-central-1",
  "us-east-1",
  "us-west-2",
  "ap-southeast-2",
  "cn-north-1",
  "cn-northwest-1",
  "us-gov-west-1",
  "us-gov-east-1",
] as const;

/**
 * Services people use most, plus the odd ones: Keyspaces (9142), global IAM, no-policy App Runner,
 * gateway-only s3express, FIPS.
 */
export const COMMON_SERVICES = [
  "s3",
  "dynamodb",
  "ssm",
  "ssmmessages",
  "ec2messages",
  "logs",
  "kms",
  "sqs",
  "sns",
  "sts",
  "ecr.api",
  "ecr.dkr",
  "secretsmanager",
  "cassandra",
  "execute-api",
  "sagemaker.runtime",
  "iam",
  "apprunner.requests",
  "s3express",
  "ssm-fips",
  "kms-fips",
  "transcribe",
] as const;
const ALL_SERVICE_IDS = allServices().map((s) => s.id);
const GATEWAY_CAPABLE = new Set(
  allServices()
    .filter((s) => s.types.includes("Gateway"))
    .map((s) => s.id),
);
export const BUNDLE_IDS = [
  "ssm-session-manager",
  "ecr-pull",
  "ecs-exec",
  "cloudwatch-agent",
  "ssm-session-manager",
  "ecr-pull",
  "ecs-exec",
  "ecs-fargate",
  "eks-private-nodes",
] as const;
const EXTRA_CIDRS = [
  "192.168.0.0/16",
  "192.168.10.0/24",
  "172.16.0.0/12",
  "172.31.5.0/24",
  "100.100.0.0/16",
  "203.0.113.0/24",
  "198.51.100.128/25",
] as const;
const TAG_KEYS = ["team", "env", "owner", "cost-center", "Project"] as const;
const WORDS = ["core", "edge", "data", "shared", "payments", "batch", "ml", "web"] as const;
const ROLES = ["app", "data", "ep", "web", "db"] as const;

for (const id of [...COMMON_SERVICES, ...GATEWAY_CAPABLE])
  if (!getService(id)) throw new Error(`arbitraries: ${id} is not a catalog service`);
for (const id of BUNDLE_IDS) if (!getBundle(id)) throw new Error(`arbitraries: ${id} is not a bundle`);

const hex = (n: number, len: number) => n.toString(16).padStart(len, "0");
const hex17 = fc.bigInt({ min: 0n, max: (1n << 68n) - 1n }).map((b) => b.toString(16).padStart(17, "0"));
const serviceArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMON_SERVICES) },
  { weight: 1, arbitrary: fc.constantFrom(...ALL_SERVICE_IDS) },
);

interface SubnetDraft {
  zone: number;
  byId: boolean;
  role: string;
  prefix: number;
  secondary: boolean;
  services: string[];
  bundles: string[];
  customs: number[];
  rt: number;
  rtWhenNotNeeded: boolean;
}

const subnetDraft = (
  zone: number,
  notation: "az" | "azId" | "mixed",
  nCustom: number,
  secondaryAllowed: boolean,
): fc.Arbitrary<SubnetDraft> =>
  fc.record({
    zone: fc.constant(zone),
    byId: notation === "mixed" ? fc.boolean() : fc.constant(notation === "azId"),
    role: fc.constantFrom(...ROLES),
    prefix: fc.constantFrom(20, 22, 24, 24, 26, 28),
    secondary: secondaryAllowed ? fc.boolean() : fc.constant(false),
    services: fc.oneof(fc.constant([] as string[]), fc.uniqueArray(serviceArb, { minLength: 1, maxLength: 2 })),
    bundles: fc.oneof(
      { weight: 4, arbitrary: fc.constant([] as string[]) },
      { weight: 1, arbitrary: fc.constantFrom(...BUNDLE_IDS).map((x): string[] => [x]) },
    ),
    customs: nCustom > 0 ? fc.uniqueArray(fc.nat(nCustom - 1), { maxLength: nCustom }) : fc.constant([]),
    rt: fc.nat(2),
    rtWhenNotNeeded: fc.boolean(),
  });

interface VpcCtx {
  region: string;
  orgId: boolean;
  /** Unique per stack: keeps ids and names apart. */
  index: number;
  salt: number;
}

function vpcArb(c: VpcCtx): fc.Arbitrary<SpecDoc> {
  const region = getRegion(c.region);
  if (!region?.azIdPrefix) throw new Error(`arbitraries: region ${c.region} has no AZ-id prefix`);
  const prefixId = region.azIdPrefix;
  // Only zones the region has (AZ_UNKNOWN): the catalog's zones where published, else six well-formed ones.
  const zoneCount = region.zones ? Math.min(region.zones.ids.length, region.zones.names.length) : 6;
  const zoneName = (z: number) => region.zones?.names[z] ?? `${c.region}${"abcdef"[z]}`;
  const zoneId = (z: number) => region.zones?.ids[z] ?? `${prefixId}-az${z + 1}`;
  return fc
    .record({
      word: fc.constantFrom(...WORDS),
      octet: fc.nat(255),
      zones: fc.uniqueArray(fc.nat(zoneCount - 1), { minLength: 1, maxLength: 3 }),
      notation: fc.constantFrom("az", "azId", "mixed") as fc.Arbitrary<"az" | "azId" | "mixed">,
      nCustom: fc.nat(2),
      secondary: fc.boolean(),
      nRt: fc.integer({ min: 1, max: 3 }),
      /** Every subnet has an IPv6 block (dual-stack VPC): endpoints may be dualstack. */
      v6: fc.boolean(),
      /** A service of another region of the partition (cross-region PrivateLink), asked by the first subnet. */
      far: fc.option(fc.constantFrom("s3", "kms", "ecr.api", "lambda", "kinesis-firehose"), {
        nil: undefined,
        freq: 3,
      }),
      /** A VPC Lattice endpoint (resource configuration or service network), asked by the first or every subnet. */
      lattice: fc.option(
        fc.record({
          type: fc.constantFrom("resource", "service-network"),
          hex: hex17,
          ports: fc.option(fc.uniqueArray(fc.constantFrom(443, 5432, 3306, 6379), { minLength: 1, maxLength: 3 }), {
            nil: undefined,
          }),
          privateDns: fc.option(fc.boolean(), { nil: undefined }),
          everySubnet: fc.boolean(),
          allowedCidrs: fc.option(fc.uniqueArray(fc.constantFrom(...EXTRA_CIDRS), { minLength: 1, maxLength: 2 }), {
            nil: undefined,
          }),
        }),
        { nil: undefined, freq: 3 },
      ),
    })
    .chain((v) =>
      fc
        .record({
          perZone: fc.tuple(
            ...v.zones.map((z) =>
              fc
                .constantFrom(1, 1, 1, 2, 3)
                .chain((n) =>
                  fc.array(subnetDraft(z, v.notation, v.nCustom, v.secondary), { minLength: n, maxLength: n }),
                ),
            ),
          ),
          customs: fc.array(
            fc.record({
              hex: hex17,
              port: fc.option(fc.constantFrom(443, 8443, 9000), { nil: undefined }),
              privateDns: fc.option(fc.boolean(), { nil: undefined }),
            }),
            { minLength: v.nCustom, maxLength: v.nCustom },
          ),
          endpointSubnets: fc.option(fc.uniqueArray(fc.nat(8), { minLength: 1, maxLength: 4 }), {
            nil: undefined,
            freq: 3,
          }),
          s3: fc.option(
            fc.record({
              type: fc.constantFrom("gateway", "interface", "both"),
              allowedCidrs: fc.option(fc.uniqueArray(fc.constantFrom(...EXTRA_CIDRS), { minLength: 1, maxLength: 3 }), {
                nil: undefined,
              }),
            }),
            { nil: undefined },
          ),
          dynamodb: fc.option(fc.constantFrom("gateway", "interface"), { nil: undefined }),
          interfaceOverrides: fc.uniqueArray(
            fc.record({
              key: fc.constantFrom("ssm", "kms", "logs", "sqs", "sts", "ecr.api", "cassandra"),
              privateDns: fc.option(fc.boolean(), { nil: undefined }),
              policy: fc.option(fc.constantFrom(...(c.orgId ? ["full-access", "org-only"] : ["full-access"])), {
                nil: undefined,
              }),
              allowedCidrs: fc.option(fc.uniqueArray(fc.constantFrom(...EXTRA_CIDRS), { minLength: 1, maxLength: 2 }), {
                nil: undefined,
              }),
              allowedSecurityGroups: fc.option(
                fc.uniqueArray(fc.constantFrom("sg-0123456789abcdef0", "sg-01234567", "sg-0fedcba987654321f"), {
                  minLength: 1,
                  maxLength: 2,
                }),
                { nil: undefined },
              ),
              fixed: fc.boolean(),
              ip: fc.option(fc.constantFrom("ipv4", "dualstack"), { nil: undefined }),
              dns: fc.option(fc.constantFrom("ipv4", "dualstack", "ipv6", "service-defined"), { nil: undefined }),
              tags: fc.option(fc.dictionary(fc.constantFrom(...TAG_KEYS), fc.constantFrom("x", "platform")), {
                nil: undefined,
              }),
            }),
            { maxLength: 2, selector: (o) => o.key },
          ),
        })
        .map((g) => {
          const name = `${v.word}${c.index}`;
          const customKeys = g.customs.map((_, k) => `partner-${k === 0 ? "feed" : "api"}${c.index}`);
          const rts = Array.from({ length: v.nRt }, (_, k) => `rtb-${hex(c.salt, 9)}${hex(c.index * 16 + k, 8)}`);
          const drafts = g.perZone.flat();
          const subnets = drafts.map((d, k) => {
            const letter = zoneName(d.zone).slice(-1);
            const sname = `${d.role}-${letter}${k}`;
            const requested = [...d.services, ...d.bundles.flatMap((b) => getBundle(b)?.services ?? [])];
            const needsGateway = requested.some((s) => GATEWAY_CAPABLE.has(s));
            const s: SpecDoc = {
              name: sname,
              id: `subnet-${hex(c.salt, 9)}${hex(c.index * 64 + k, 8)}`,
              ...(d.byId ? { azId: zoneId(d.zone) } : { az: zoneName(d.zone) }),
              cidr: d.secondary ? `100.64.${k * 16}.0/${d.prefix}` : `10.${v.octet}.${k * 16}.0/${d.prefix}`,
              ...(v.v6 ? { ipv6Cidr: `2001:db8:${hex(c.salt % 0x10000, 4)}:${hex(c.index * 64 + k, 4)}::/64` } : {}),
            };
            if (needsGateway || d.rtWhenNotNeeded) s.routeTable = rts[d.rt % rts.length];
            if (d.services.length > 0 || d.customs.length > 0)
              s.services = [...d.services, ...d.customs.map((i) => customKeys[i])];
            if (d.bundles.length > 0) s.bundles = d.bundles;
            return s;
          });
          const vpc: SpecDoc = { name, id: `vpc-${hex(c.salt, 9)}${hex(c.index, 8)}`, cidr: `10.${v.octet}.0.0/16` };
          if (v.secondary) vpc.additionalCidrs = ["100.64.0.0/16"];
          if (g.endpointSubnets) {
            const names = [...new Set(g.endpointSubnets.map((i) => subnets[i % subnets.length].name as string))];
            vpc.endpointSubnets = names;
          }
          vpc.subnets = subnets;
          const endpoints: Record<string, SpecDoc> = {};
          if (g.s3)
            endpoints.s3 = {
              type: g.s3.type,
              ...(g.s3.allowedCidrs && g.s3.type !== "gateway" ? { allowedCidrs: g.s3.allowedCidrs } : {}),
            };
          if (g.dynamodb) endpoints.dynamodb = { type: g.dynamodb };
          // the S3 gateway takes dualstack too (its interface half then needs the IPv6 blocks every subnet has)
          if (g.s3 && v.v6 && g.s3.type !== "interface") endpoints.s3.ipAddressType = "dualstack";
          g.interfaceOverrides.forEach((o, oi) => {
            const e: SpecDoc = {};
            if (o.fixed && !vpc.endpointSubnets && v.notation !== "mixed") {
              // the ENI subnet the documented tie-break picks in the first requesting zone: largest block, then name
              const asks = (s: SpecDoc) =>
                ((s.services as string[] | undefined) ?? []).includes(o.key) ||
                ((s.bundles as string[] | undefined) ?? []).some((b) => getBundle(b)?.services.includes(o.key));
              // pinning an address needs a request: the first subnet asks when none does (the generated drafts
              // are fast-check's values and stay untouched)
              if (!subnets.some(asks))
                subnets[0].services = [...((subnets[0].services as string[] | undefined) ?? []), o.key];
              const mine = subnets.filter(asks);
              const zone = mine.length > 0 ? drafts[subnets.indexOf(mine[0])].zone : undefined;
              const winner = mine
                .filter((s) => drafts[subnets.indexOf(s)].zone === zone)
                .sort((a, b) => prefixOf(a) - prefixOf(b) || ((a.name as string) < (b.name as string) ? -1 : 1))[0];
              // 4 + the override's index: never reserved (even in a /28), never claimed twice
              if (winner)
                e.fixedIps = { [winner.name as string]: (winner.cidr as string).replace(/\.0\/\d+$/, `.${4 + oi}`) };
            }
            if (o.privateDns !== undefined) e.privateDns = o.privateDns;
            if (o.policy !== undefined) e.policy = o.policy;
            if (o.allowedCidrs !== undefined) e.allowedCidrs = o.allowedCidrs;
            if (o.tags !== undefined) e.tags = o.tags;
            // dualstack only where every subnet has an IPv6 block; a record type only among the pairs AWS accepts
            const ip = v.v6 ? o.ip : o.ip === "ipv4" ? "ipv4" : undefined;
            if (ip !== undefined) e.ipAddressType = ip;
            if (o.dns !== undefined && (ip === "dualstack" || o.dns === "ipv4")) e.dnsRecordIpType = o.dns;
            if (o.allowedSecurityGroups !== undefined) e.allowedSecurityGroups = o.allowedSecurityGroups;
            endpoints[o.key] = e;
          });
          g.customs.forEach((cu, k) => {
            endpoints[customKeys[k]] = {
              // distinct per VPC (a service is declared once; the same name twice is DUPLICATE_NAME)
              serviceName: `com.amazonaws.vpce.${c.region}.vpce-svc-${cu.hex.slice(0, 16)}${k}`,
              ...(cu.port !== undefined ? { port: cu.port } : {}),
              ...(cu.privateDns !== undefined ? { privateDns: cu.privateDns } : {}),
            };
          });
          const farRegion = FAR_REGION[c.region];
          if (v.far && farRegion) {
            const key = `far-${v.far.replace(".", "-")}`;
            endpoints[key] = { service: v.far, serviceRegion: farRegion };
            subnets[0].services = [...((subnets[0].services as string[] | undefined) ?? []), key];
          }
          if (v.lattice) {
            const l = v.lattice;
            const key = `lattice-${l.type === "resource" ? "db" : "mesh"}${c.index}`;
            // the ARN of the spec's own partition and region (a Lattice endpoint reaches nothing else)
            const base = `arn:${region.partition}:vpc-lattice:${c.region}:111122223333`;
            endpoints[key] = {
              type: l.type,
              ...(l.type === "resource"
                ? { resourceConfigurationArn: `${base}:resourceconfiguration/rcfg-${l.hex}` }
                : { serviceNetworkArn: `${base}:servicenetwork/sn-${l.hex}` }),
              ...(l.ports !== undefined ? { ports: l.ports } : {}),
              ...(l.privateDns !== undefined ? { privateDns: l.privateDns } : {}),
              ...(l.allowedCidrs !== undefined ? { allowedCidrs: l.allowedCidrs } : {}),
            };
            for (const s of l.everySubnet ? subnets : [subnets[0]])
              s.services = [...((s.services as string[] | undefined) ?? []), key];
          }
          if (Object.keys(endpoints).length > 0) vpc.endpoints = endpoints;
          return vpc;
        }),
    );
}

/** Another region of the same partition, for cross-region entries (GovCloud left out: AWS's list names none). */
const FAR_REGION: Record<string, string | undefined> = {
  "eu-central-1": "us-west-2",
  "us-east-1": "eu-central-1",
  "us-west-2": "us-east-1",
  "ap-southeast-2": "us-east-1",
  "cn-north-1": "cn-northwest-1",
  "cn-northwest-1": "cn-north-1",
};

function prefixOf(s: SpecDoc): number {
  return Number((s.cidr as string).split("/")[1]);
}

function specArb(fileIndex: number, salt: number): fc.Arbitrary<GenFile> {
  return fc
    .record({
      region: fc.constantFrom(...REGIONS),
      orgId: fc.boolean(),
      nVpcs: fc.constantFrom(1, 1, 1, 1, 2, 3),
      word: fc.constantFrom(...WORDS),
      folder: fc.constantFrom("", "teams/", "g/"),
      ext: fc.constantFrom(".yaml", ".yml"),
      account: fc.option(fc.constantFrom("111122223333", "012345678901"), { nil: undefined }),
      tags: fc.option(
        fc.dictionary(fc.constantFrom(...TAG_KEYS), fc.constantFrom("prod", "dev", "payments", "42", "a b"), {
          maxKeys: 3,
        }),
        { nil: undefined },
      ),
      privateDns: fc.option(fc.boolean(), { nil: undefined }),
      withOrgPolicy: fc.boolean(),
    })
    .chain((s) =>
      fc
        .tuple(
          ...Array.from({ length: s.nVpcs }, (_, i) =>
            vpcArb({ region: s.region, orgId: s.orgId, index: fileIndex * 4 + i, salt }),
          ),
        )
        .map((vpcs) => {
          const stack = `st${fileIndex}-${s.word}`;
          const doc: SpecDoc = { version: 1, stack, region: s.region };
          if (s.account) doc.account = s.account;
          if (s.orgId) doc.organizationId = `o-${hex(salt, 10)}`;
          if (s.tags && Object.keys(s.tags).length > 0) doc.tags = s.tags;
          const defaults: SpecDoc = {};
          if (s.privateDns !== undefined) defaults.privateDns = s.privateDns;
          if (s.orgId && s.withOrgPolicy) defaults.policy = "org-only";
          if (Object.keys(defaults).length > 0) doc.defaults = defaults;
          doc.vpcs = vpcs;
          return { rel: `${s.folder}${stack}${s.ext}`, doc };
        }),
    );
}

/** One valid spec file (a folder of exactly one spec). */
export const singleSpecArb: fc.Arbitrary<GenSet> = fc
  .integer({ min: 1, max: 0xfffffff })
  .chain((salt) => specArb(0, salt))
  .map((f) => ({ files: [f] }));

/** A folder of 1-3 valid specs. */
export const specSetArb: fc.Arbitrary<GenSet> = fc
  .record({ nFiles: fc.constantFrom(1, 2, 2, 3), salt: fc.integer({ min: 1, max: 0xfffffff }) })
  .chain(({ nFiles, salt }) => fc.tuple(...Array.from({ length: nFiles }, (_, i) => specArb(i, salt))))
  .map((files) => ({ files }));

// ---------------------------------------------------------------------------
// Writing and reordering

/** Empties `dir` (keeps the folder itself) so one folder serves a whole run. */
export function resetDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}

export function writeSet(dir: string, set: GenSet, rename?: (rel: string, i: number) => string): void {
  resetDir(dir);
  set.files.forEach((f, i) => {
    const rel = rename ? rename(f.rel, i) : f.rel;
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), stringify(f.doc));
  });
}

/** A small deterministic PRNG (mulberry32) so a shuffle is reproducible from the fast-check seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function permute<T>(xs: readonly T[], mode: "reverse" | "shuffle", next: () => number): T[] {
  if (mode === "reverse") return [...xs].reverse();
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Every list and every mapping's keys of a spec, reversed or shuffled. */
export function reorderDoc(x: unknown, mode: "reverse" | "shuffle", next: () => number): unknown {
  if (Array.isArray(x)) return permute(x, mode, next).map((v) => reorderDoc(v, mode, next));
  if (x && typeof x === "object")
    return Object.fromEntries(permute(Object.entries(x), mode, next).map(([k, v]) => [k, reorderDoc(v, mode, next)]));
  return x;
}

/**
 * The same specs with lists and keys reordered, and file order changed: the
 * files are listed in the opposite order (or shuffled) and moved to folders
 * whose names sort the other way (`stack:` is set, so stacks keep their names).
 */
export function reorderSet(
  set: GenSet,
  mode: "reverse" | "shuffle",
  seed: number,
): { set: GenSet; rename: (rel: string, i: number) => string } {
  const next = rng(seed);
  const files = permute(set.files, mode, next).map((f) => ({
    rel: f.rel,
    doc: reorderDoc(f.doc, mode, next) as SpecDoc,
  }));
  const n = set.files.length;
  const order = new Map(set.files.map((f, i) => [f.rel, i]));
  // original file i goes to folder z<n-1-i>: the walk meets them in reverse order
  const rename = (rel: string) => `z${n - 1 - (order.get(rel) ?? 0)}/${path.basename(rel)}`;
  return { set: { files }, rename };
}

// ---------------------------------------------------------------------------
// What a spec implies, from the spec alone

export interface Expected {
  /** aws_vpc_endpoint resources. */
  endpoints: number;
  /** aws_security_group resources (one per interface endpoint). */
  securityGroups: number;
  /** aws_vpc_security_group_ingress_rule resources (one per requesting subnet and distinct allowed CIDR). */
  rules: number;
}

/** Counts of a spec's resources, independent of the planner: requested keys per VPC, their type, their clients. */
export function expectedCounts(doc: SpecDoc): Expected {
  const out: Expected = { endpoints: 0, securityGroups: 0, rules: 0 };
  for (const vpc of doc.vpcs as SpecDoc[]) {
    const endpoints = (vpc.endpoints ?? {}) as Record<string, SpecDoc>;
    const requesters = new Map<string, number>();
    const requestersV6 = new Map<string, number>();
    for (const s of vpc.subnets as SpecDoc[]) {
      const keys = new Set([
        ...((s.services as string[]) ?? []),
        ...((s.bundles as string[]) ?? []).flatMap((b) => getBundle(b)?.services ?? []),
      ]);
      for (const k of keys) requesters.set(k, (requesters.get(k) ?? 0) + 1);
      if (s.ipv6Cidr) for (const k of keys) requestersV6.set(k, (requestersV6.get(k) ?? 0) + 1);
    }
    for (const [key, n] of requesters) {
      const e = endpoints[key];
      const svc = getService(key);
      const type = (e?.type as string | undefined) ?? (svc ? svc.types[0].toLowerCase() : "interface");
      const interfaces = type === "gateway" ? 0 : 1;
      out.endpoints += type === "both" ? 2 : 1;
      out.securityGroups += interfaces;
      const cidrs = new Set((e?.allowedCidrs as string[] | undefined) ?? []).size;
      const groups = new Set((e?.allowedSecurityGroups as string[] | undefined) ?? []).size;
      // dualstack and ipv6 endpoints admit the requesting subnets' IPv6 blocks too
      const v6 = e?.ipAddressType === "dualstack" || e?.ipAddressType === "ipv6" ? (requestersV6.get(key) ?? 0) : 0;
      // a VPC Lattice endpoint repeats every source on each of its ports (default 443)
      const ports = type === "resource" || type === "service-network" ? ((e?.ports as number[]) ?? [443]).length : 1;
      out.rules += interfaces * (n + cidrs + groups + v6) * ports;
    }
  }
  return out;
}

/** Number of resources per type in a synthesized stack. */
export function countResources(json: Record<string, any>, type: string): number {
  return Object.keys(json.resource?.[type] ?? {}).length;
}
