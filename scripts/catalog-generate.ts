/**
 * Regenerates src/catalog/data/{services,regions,aliases}.json from aws-cdk-lib
 * (the exact-pinned devDependency) plus what the files already hold that CDK
 * does not know (descriptions, policy support, services from other sources,
 * AZ id prefixes, the zones of each region). Run after upgrading aws-cdk-lib:
 *
 *   npx ts-node --transpile-only scripts/catalog-generate.ts
 *   npx ts-node --transpile-only scripts/catalog-check.ts
 *
 * Curated fields survive a run; CDK-derived fields (names, ports, the regional
 * prefix and suffix tables, the region list) are recomputed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cdkGatewayServices, cdkInterfaceServices, cdkName, cdkRegions, cdkVersion, CDK_PACKAGE } from "./catalog-cdk";
import { CURATED_FIELDS, type RawService } from "../src/catalog";

const DATA = path.join(__dirname, "..", "src", "catalog", "data");
/** A region with no naming exception in CDK: names there show each service's template. */
const REFERENCE_REGION = "us-east-1";
const CDK_SOURCE = "aws-cdk-lib";

/** A services.json row; the generator always records its sources. */
type ServiceRow = RawService & { sources: string[] };

interface RegionRow {
  name: string;
  partition: string;
  azIdPrefix: string | null;
  partitionPrefix: string;
  domainSuffix: string;
  /** Curated (aws-azs): the region's AZ ids and AZ-name letters, null where unconfirmed; CDK does not know zones. */
  azIds: string[] | null;
  azLetters: string | null;
  zonesNote?: string;
  sources: string[];
}

interface AliasRow {
  alias: string;
  id: string;
  source: string;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(DATA, file), "utf8")) as T;
}

/** Words of CDK constant names as AWS writes them. */
const WORDS: Record<string, string> = {
  ACM: "ACM",
  AD: "AD",
  API: "API",
  APIGATEWAY: "API Gateway",
  APPCONFIG: "AppConfig",
  APPCONFIGDATA: "AppConfig Data",
  APPSTREAM: "AppStream",
  APPSYNC: "AppSync",
  AUTOSCALING: "Auto Scaling",
  B2B: "B2B",
  BCM: "BCM",
  CLOUDHSM: "CloudHSM",
  CLOUDFORMATION: "CloudFormation",
  CLOUDTRAIL: "CloudTrail",
  CLOUDWATCH: "CloudWatch",
  CODEARTIFACT: "CodeArtifact",
  CODEBUILD: "CodeBuild",
  CODECATALYST: "CodeCatalyst",
  CODECOMMIT: "CodeCommit",
  CODECONNECTIONS: "CodeConnections",
  CODEDEPLOY: "CodeDeploy",
  CODEGURU: "CodeGuru",
  CODEPIPELINE: "CodePipeline",
  CODESTAR: "CodeStar",
  CODEWHISPERER: "CodeWhisperer",
  DATABREW: "DataBrew",
  DATASYNC: "DataSync",
  DATAZONE: "DataZone",
  DB: "DB",
  DICOM: "DICOM",
  DMS: "DMS",
  DNS: "DNS",
  DS: "DS",
  DSQL: "DSQL",
  DYNAMODB: "DynamoDB",
  EBS: "EBS",
  EC2: "EC2",
  ECR: "ECR",
  ECS: "ECS",
  EFS: "EFS",
  EKS: "EKS",
  ELASTICACHE: "ElastiCache",
  ELASTICBEANSTALK: "Elastic Beanstalk",
  ELB: "ELB",
  EMR: "EMR",
  EMRWAL: "EMR WAL",
  FIPS: "FIPS",
  FSX: "FSx",
  GEO: "Location",
  GUARDDUTY: "GuardDuty",
  HSM: "HSM",
  IAM: "IAM",
  IOT: "IoT",
  KMS: "KMS",
  LEX: "Lex",
  LORAWAN: "LoRaWAN",
  MACIE: "Macie",
  MEMORYDB: "MemoryDB",
  MGN: "MGN",
  ML: "ML",
  MQ: "MQ",
  MSK: "MSK",
  OPENSEARCH: "OpenSearch",
  PCA: "PCA",
  PCS: "PCS",
  PI: "PI",
  QLDB: "QLDB",
  RDS: "RDS",
  REPOSTSPACE: "re:Post Private",
  RUM: "RUM",
  S3: "S3",
  SAGEMAKER: "SageMaker",
  SCEP: "SCEP",
  SES: "SES",
  SITEWISE: "SiteWise",
  SMS: "SMS",
  SMTP: "SMTP",
  SNS: "SNS",
  SQS: "SQS",
  SSM: "SSM",
  STS: "STS",
  SWF: "SWF",
  TNB: "TNB",
  TWINMAKER: "TwinMaker",
  V1: "v1",
  V2: "v2",
  VPC: "VPC",
  WAF: "WAF",
  WAFV2: "WAFV2",
  XRAY: "X-Ray",
  INFLUXDB: "InfluxDB",
  EVENTBRIDGE: "EventBridge",
  FLEETWISE: "FleetWise",
  FLEETHUB: "Fleet Hub",
  HEALTHLAKE: "HealthLake",
  LAKEFORMATION: "Lake Formation",
  ROBOMAKER: "RoboMaker",
  ROBORUNNER: "RoboRunner",
  GREENGRASS: "Greengrass",
  GROUNDSTATION: "Ground Station",
  QUICKSIGHT: "QuickSight",
  SECURITYHUB: "Security Hub",
  SECURITYLAKE: "Security Lake",
  SIMSPACEWEAVER: "SimSpace Weaver",
  STORAGEGATEWAY: "Storage Gateway",
  TEXTRACT: "Textract",
  THINCLIENT: "WorkSpaces Thin Client",
  WORKMAIL: "WorkMail",
  WORKSPACES: "WorkSpaces",
  AGENTCORE: "AgentCore",
  OMICS: "Omics",
  DEVOPS: "DevOps",
  GURU: "Guru",
  RDS_DATA: "RDS Data",
  OPS: "Ops",
  ENVOY: "Envoy",
  MESH: "Mesh",
  CONNECT: "Connect",
};

/** Human-readable description from a CDK constant name (`CLOUDWATCH_LOGS` -> `CloudWatch Logs`). */
function describeConstant(constant: string): string {
  const parts = constant.split("_");
  const fips = parts[parts.length - 1] === "FIPS";
  const words = (fips ? parts.slice(0, -1) : parts).map((w) => WORDS[w] ?? w.charAt(0) + w.slice(1).toLowerCase());
  return words.join(" ") + (fips ? " (FIPS)" : "");
}

/** Splits a name computed in the reference region into the template the catalog stores. */
function templateOf(id: string, resolved: string): { name?: string; global: boolean } {
  const marker = `.${REFERENCE_REGION}.`;
  if (!resolved.includes(marker)) return { name: resolved, global: true };
  if (resolved === `com.amazonaws${marker}${id}`) return { global: false };
  return { name: resolved.replace(marker, ".{region}."), global: false };
}

function generateServices(): {
  rows: ServiceRow[];
  prefixes: Record<string, { prefix: string; services: string[] }>;
  suffixes: Record<string, Record<string, string>>;
  warnings: string[];
} {
  const warnings: string[] = [];
  const existing = new Map(readJson<{ services: ServiceRow[] }>("services.json").services.map((s) => [s.id, s]));
  const regions = cdkRegions().map((r) => r.name);
  const rows = new Map<string, ServiceRow>();

  const prefixes: Record<string, { prefix: string; services: string[] }> = {};
  const suffixes: Record<string, Record<string, string>> = {};

  for (const c of cdkInterfaceServices()) {
    const id = c.shortName;
    const old = existing.get(id);
    const t = templateOf(id, cdkName(c.service, REFERENCE_REGION));
    const row: ServiceRow = {
      id,
      types: ["Interface"],
      description: old?.description ?? describeConstant(c.constants[0]),
      ...(c.port !== 443 ? { port: c.port } : {}),
      ...(old?.policy === false ? { policy: false } : {}),
      ...(old?.privateDns === false ? { privateDns: false } : {}),
      ...(t.name !== undefined ? { name: t.name } : {}),
      ...(t.global ? { global: true } : {}),
      ...(id.endsWith("-fips") ? { fips: true } : {}),
      cdk: [...c.constants],
      sources: [...new Set([CDK_SOURCE, ...(old?.sources ?? []).filter((s) => s !== CDK_SOURCE)])].sort(),
      ...(old?.note ? { note: old.note } : {}),
    };
    rows.set(id, row);

    // Per-region prefix and suffix, for names that take the partition prefix.
    if (t.name !== undefined) continue;
    for (const region of regions) {
      const name = cdkName(c.service, region);
      const m = new RegExp(`^(.+)\\.${region.replace(/[.-]/g, "\\$&")}\\.${id.replace(/[.-]/g, "\\$&")}(.*)$`).exec(
        name,
      );
      if (!m) {
        warnings.push(`${id} in ${region}: unexpected CDK name ${name}`);
        continue;
      }
      const [, prefix, suffix] = m;
      if (prefix !== "com.amazonaws") {
        const p = (prefixes[region] ??= { prefix, services: [] });
        if (p.prefix !== prefix) warnings.push(`${region}: two prefixes, ${p.prefix} and ${prefix}`);
        p.services.push(id);
      }
      if (suffix) (suffixes[region] ??= {})[id] = suffix;
    }
  }

  for (const g of cdkGatewayServices()) {
    const id = g.shortName;
    const old = existing.get(id);
    const row = rows.get(id);
    const gatewayName = cdkName(g.service, REFERENCE_REGION).replace(`.${REFERENCE_REGION}.`, ".{region}.");
    if (row) {
      row.types = ["Gateway", "Interface"];
      row.gatewayName = gatewayName;
      row.cdk = [...new Set([...g.constants.map((k) => `Gateway.${k}`), ...(row.cdk ?? [])])];
      if (old?.description) row.description = old.description;
    } else {
      rows.set(id, {
        id,
        types: ["Gateway"],
        description: old?.description ?? describeConstant(g.constants[0]),
        gatewayName,
        cdk: g.constants.map((k) => `Gateway.${k}`),
        sources: [...new Set([CDK_SOURCE, ...(old?.sources ?? []).filter((s) => s !== CDK_SOURCE)])].sort(),
        ...(old?.note ? { note: old.note } : {}),
      });
    }
  }

  // Services CDK does not know, kept as they are (each names its sources).
  for (const [id, old] of existing) {
    if (rows.has(id)) continue;
    if (!old.sources || old.sources.length === 0 || old.sources.includes(CDK_SOURCE)) {
      warnings.push(`${id}: no longer in ${CDK_PACKAGE} and has no other source: dropped`);
      continue;
    }
    rows.set(id, old);
  }
  // Curated behaviour is written by hand: it survives whatever CDK says.
  for (const [id, row] of rows) {
    const old = existing.get(id);
    if (!old) continue;
    const target = row as unknown as Record<string, unknown>;
    for (const k of CURATED_FIELDS) if (old[k] !== undefined) target[k] = old[k];
  }

  for (const p of Object.values(prefixes)) p.services.sort();
  const sortedPrefixes = Object.fromEntries(
    Object.keys(prefixes)
      .sort()
      .map((k) => [k, prefixes[k]]),
  );
  const sortedSuffixes = Object.fromEntries(
    Object.keys(suffixes)
      .sort()
      .map((k) => [k, suffixes[k]]),
  );
  return {
    rows: [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    prefixes: sortedPrefixes,
    suffixes: sortedSuffixes,
    warnings,
  };
}

function generateRegions(): RegionRow[] {
  const existing = new Map(readJson<{ regions: RegionRow[] }>("regions.json").regions.map((r) => [r.name, r]));
  const out = new Map<string, RegionRow>();
  for (const r of cdkRegions()) {
    const old = existing.get(r.name);
    out.set(r.name, {
      name: r.name,
      partition: r.partition,
      azIdPrefix: old?.azIdPrefix ?? null,
      partitionPrefix: r.partitionPrefix,
      domainSuffix: r.domainSuffix,
      azIds: old?.azIds ?? null,
      azLetters: old?.azLetters ?? null,
      ...(old?.zonesNote
        ? { zonesNote: old.zonesNote }
        : old?.azIds
          ? {}
          : { zonesNote: "unconfirmed: new in aws-cdk-lib; any well-formed zone is accepted" }),
      sources: [...new Set([CDK_SOURCE, ...(old?.sources ?? []).filter((s) => s !== CDK_SOURCE)])].sort(),
    });
  }
  for (const [name, old] of existing) if (!out.has(name)) out.set(name, old);
  const partitionOrder = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];
  const rank = (p: string) => (partitionOrder.includes(p) ? partitionOrder.indexOf(p) : partitionOrder.length);
  return [...out.values()].sort((a, b) => rank(a.partition) - rank(b.partition) || (a.name < b.name ? -1 : 1));
}

/**
 * CDK member names that would be ambiguous as aliases: `ecr` (ECR is two
 * endpoints, ecr.api and ecr.dkr: the ecr-pull bundle), `prometheus` (aps is the
 * control plane, aps-workspaces the data plane).
 */
const AMBIGUOUS_CDK_ALIASES = new Set(["ecr", "prometheus"]);

/** `SECRETS_MANAGER` -> `secrets-manager`. */
function kebab(constant: string): string {
  return constant.toLowerCase().replace(/_/g, "-");
}

/**
 * Aliases: the curated ones already in aliases.json (source other than CDK) plus
 * the non-deprecated CDK constant names in kebab case. An alias that is an id,
 * or that two sources send to different ids, is dropped (ambiguous).
 */
function generateAliases(services: ServiceRow[], warnings: string[]): AliasRow[] {
  const ids = new Set(services.map((s) => s.id));
  const curated = readJson<{ aliases: AliasRow[] }>("aliases.json").aliases.filter(
    (a) => !a.source.startsWith(CDK_SOURCE),
  );
  const candidates: AliasRow[] = [...curated];
  const deprecated = new Set(cdkInterfaceServices().flatMap((x) => x.deprecated));
  for (const s of services) {
    for (const c of s.cdk ?? []) {
      if (c.startsWith("Gateway.") || deprecated.has(c) || AMBIGUOUS_CDK_ALIASES.has(kebab(c))) continue;
      candidates.push({ alias: kebab(c), id: s.id, source: `${CDK_SOURCE} InterfaceVpcEndpointAwsService.${c}` });
    }
  }
  const byAlias = new Map<string, AliasRow[]>();
  for (const a of candidates) {
    if (ids.has(a.alias)) continue;
    byAlias.set(a.alias, [...(byAlias.get(a.alias) ?? []), a]);
  }
  const out: AliasRow[] = [];
  for (const [alias, list] of byAlias) {
    const targets = new Set(list.map((a) => a.id));
    if (targets.size > 1) {
      warnings.push(`alias ${alias} is ambiguous (${[...targets].join(", ")}): dropped`);
      continue;
    }
    if (!ids.has(list[0].id)) {
      warnings.push(`alias ${alias} points to unknown id ${list[0].id}: dropped`);
      continue;
    }
    out.push(list.find((a) => !a.source.startsWith(CDK_SOURCE)) ?? list[0]);
  }
  return out.sort((a, b) => (a.alias < b.alias ? -1 : 1));
}

/** JSON with one array element per line, so diffs show one service per line. */
function write(file: string, head: Record<string, unknown>, key: string, rows: unknown[]): void {
  const headText = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  const body = rows.map((r) => "    " + JSON.stringify(r)).join(",\n");
  fs.writeFileSync(path.join(DATA, file), `${headText},\n  "${key}": [\n${body}\n  ]\n}\n`);
}

function main(): void {
  const version = cdkVersion();
  const { rows, prefixes, suffixes, warnings } = generateServices();
  const old = readJson<Record<string, unknown>>("services.json");
  write(
    "services.json",
    {
      $comment: old.$comment,
      sources: old.sources,
      generated: { by: "scripts/catalog-generate.ts", [CDK_PACKAGE]: version },
      regionalPrefixes: prefixes,
      regionalSuffixes: suffixes,
    },
    "services",
    rows,
  );
  const oldRegions = readJson<Record<string, unknown>>("regions.json");
  write(
    "regions.json",
    {
      $comment: oldRegions.$comment,
      sources: oldRegions.sources,
      generated: { by: "scripts/catalog-generate.ts", [CDK_PACKAGE]: version },
    },
    "regions",
    generateRegions(),
  );
  const oldAliases = readJson<Record<string, unknown>>("aliases.json");
  write(
    "aliases.json",
    { $comment: oldAliases.$comment, generated: { by: "scripts/catalog-generate.ts", [CDK_PACKAGE]: version } },
    "aliases",
    generateAliases(rows, warnings),
  );
  for (const w of warnings) console.warn(`warning: ${w}`);
  console.log(`services: ${rows.length}, regions with prefix exceptions: ${Object.keys(prefixes).length}`);
}

main();
