/**
 * `vpce discover`: reads Route 53 Resolver query logs (and VPC Flow Logs), proposes per subnet the services it
 * called that its spec does not request yet, and with `--write` adds them to the specs. The readers and the
 * matching are pure (src/discover/); this file does the I/O, the streams and the exit codes.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { serviceForHostname } from "../catalog/private-dns";
import { existingEndpointLookup } from "../discover/existing";
import { formatDiagnostic, hasErrors, summarize } from "../diagnostics";
import { Discovery, requestedSets, type DiscoverResult, type Proposal } from "../discover/discover";
import { expandPaths, isProblem, readLogChunks, type LogReadProblem } from "../discover/files";
import { parseFlowLog, parseFlowLogFormat, type FlowLogResult } from "../discover/flow-log";
import { parseResolverLog, type LineProblem } from "../discover/resolver-log";
import type { SubnetAddition } from "../discover/write";
import { displayPath } from "../input/load";
import type { SpecModel } from "../input/spec-model";
import { runPipeline } from "../pipeline";
import { PRICES } from "../planner/pricing";
import { EXIT, printTerminalDiagnostics, specsPath, UsageError, type Io } from "./io";

export interface DiscoverOptions {
  readonly specs?: string;
  readonly resolverLogs: readonly string[];
  readonly flowLogs?: readonly string[];
  /** A `${field} ...` format for flow log files without a header line. */
  readonly flowLogFormat?: string;
  readonly format: "table" | "json";
  readonly write: boolean;
  /** Every warning on its own (`--all-diagnostics`); default: grouped by code and VPC. */
  readonly allDiagnostics?: boolean;
  readonly io: Io;
}

/** A flow log window shorter than this is called a short sample: a day's traffic pattern is not in it. */
const SHORT_WINDOW_SECONDS = 24 * 3600;

/** Malformed lines printed per file; the rest are counted. */
const SHOWN_PROBLEMS_PER_FILE = 20;

export function discoverCommand(o: DiscoverOptions): number {
  const { io } = o;
  const format = o.flowLogFormat !== undefined ? parseFlowLogFormat(o.flowLogFormat) : undefined;
  if (format && "error" in format)
    throw new UsageError(
      `--flow-log-format: ${format.error}. Give the format the flow log was created with, such as ` +
        '"${version} ${vpc-id} ${srcaddr} ${dstaddr} ${bytes} ${start} ${end} ${log-status}".',
    );
  const resolverFiles = logFiles({ option: "--resolver-logs", paths: o.resolverLogs });
  const flowFiles = o.flowLogs ? logFiles({ option: "--flow-logs", paths: o.flowLogs }) : undefined;

  const specs = specsPath({ explicit: o.specs, env: io.env });
  const r = runPipeline(specs.path, { env: io.env });
  if (!r.plan) {
    printTerminalDiagnostics({ diagnostics: r.diagnostics, all: o.allDiagnostics, io });
    io.err(`vpce: ${summarize(r.diagnostics)}; nothing discovered (the specs must be valid).`);
    return EXIT.invalid;
  }

  const dumps = r.dumps;
  const discovery = new Discovery({
    specs: r.models,
    serviceOf: ({ hostname, region }) => serviceForHostname({ hostname, region, dump: dumps.get(region) })?.serviceId,
    existing: existingEndpointLookup({ specs: r.models, inventories: r.inventories }),
  });
  // file by file, so that no more than one file's records are held: every query first, then the flows
  const read = new ReadState();
  readEach({
    files: resolverFiles,
    read,
    parse: parseResolverLog,
    use: (p) => p.records.forEach((q) => discovery.addQuery(q)),
  });
  let empty = 0;
  if (flowFiles)
    readEach<FlowLogResult>({
      files: flowFiles,
      read,
      parse: (part, before) =>
        parseFlowLog({ ...part, fields: format?.fields, ...(before ? { continues: before.format } : {}) }),
      use: (p) => {
        p.records.forEach((f) => discovery.addFlow(f));
        empty += p.empty;
        if (p.window) discovery.addFlowWindow(p.window);
      },
    });
  read.print(io);
  const result = discovery.result({ flows: flowFiles !== undefined });
  if (o.format === "json") io.out(JSON.stringify(result.proposals, null, 2));
  else io.out(renderTable(result));
  printSummary({ result, problems: read.total, files: resolverFiles.length, empty, io });
  return o.write ? writeProposals({ proposals: result.proposals, models: r.models, specs, io }) : EXIT.ok;
}

/** Every file the paths name; a path that does not exist is a usage error, like an unknown option. */
function logFiles(opts: { option: string; paths: readonly string[] }): string[] {
  const { files, problems } = expandPaths(opts.paths);
  if (problems.length > 0) throw new UsageError(`${opts.option} "${problems[0].file}": ${problems[0].message}.`);
  if (files.length === 0) throw new UsageError(`${opts.option} names no file (the folders given are empty).`);
  return files;
}

/** What reading the log files found besides their records: the malformed lines, the first ones of each file kept. */
class ReadState {
  /** Per file: how many problems, the first SHOWN_PROBLEMS_PER_FILE of them, and why it was not read to its end. */
  private readonly perFile = new Map<string, { count: number; shown: LineProblem[]; failed?: LogReadProblem }>();
  /** Files that are `aws logs filter-log-events` output: their problems are numbered by event. */
  readonly eventFiles = new Set<string>();
  total = 0;

  add(problems: readonly LineProblem[]): void {
    for (const p of problems) {
      const f = this.perFile.get(p.file) ?? { count: 0, shown: [] };
      if (f.shown.length < SHOWN_PROBLEMS_PER_FILE) f.shown.push(p);
      f.count++;
      this.perFile.set(p.file, f);
      this.total++;
    }
  }

  /** The file could not be read, or not to its end: said whatever the file's malformed lines before. */
  fail(p: LogReadProblem): void {
    const f = this.perFile.get(p.file) ?? { count: 0, shown: [] };
    this.perFile.set(p.file, { ...f, failed: p });
    this.total++;
  }

  /** Each kept problem with its file and line (or event), then how many more each file had. */
  print(io: Io): void {
    for (const [file, { count, shown, failed }] of this.perFile) {
      const unit = this.eventFiles.has(file) ? "event" : "line";
      for (const p of shown) {
        const where = unit === "event" ? `${file}: event ${p.line}` : `${file}:${p.line}`;
        io.err(`${where}: warning: ${p.message}; ${unit} skipped.`);
      }
      if (count > shown.length) io.err(`${file}: warning: ${count - shown.length} more malformed ${unit}s skipped.`);
      if (failed?.afterLine !== undefined)
        io.err(`${file}: warning: ${failed.message} after ${unit} ${failed.afterLine}; the rest of the file skipped.`);
      else if (failed) io.err(`${file}: warning: ${failed.message}; file skipped.`);
    }
  }
}

/**
 * Each file read, parsed and used a part at a time (readLogChunks), so that one part's records are held; `parse`
 * gets the file's part before, parsed, when there was one. A file that cannot be read (bad gzip) is a problem of its
 * own, the rest go on; one that fails midway keeps what its parts before gave.
 */
function readEach<T extends { problems: LineProblem[] }>(opts: {
  files: readonly string[];
  read: ReadState;
  parse: (part: { file: string; lines: readonly string[]; firstLine: number }, before?: T) => T;
  use: (parsed: T) => void;
}): void {
  for (const file of opts.files) {
    let before: T | undefined;
    const r = readLogChunks({
      file,
      onLines: (lines, firstLine) => {
        const parsed = opts.parse({ file, lines, firstLine }, before);
        opts.read.add(parsed.problems);
        opts.use(parsed);
        before = parsed;
      },
    });
    if (isProblem(r)) opts.read.fail(r);
    else if (r.events) opts.read.eventFiles.add(file);
  }
}

function printSummary(opts: { result: DiscoverResult; problems: number; files: number; empty?: number; io: Io }): void {
  const { summary: s, proposals } = opts.result;
  const { io } = opts;
  const names = s.outsideCatalog.awsNames.slice(0, 5).map((n) => `${n.name} (${n.queries})`);
  io.err(
    `vpce: ${s.queries} queries in ${opts.files} file(s); ${opts.problems} malformed line(s) skipped; ` +
      `${s.unmatched.queries} from ${s.unmatched.addresses} address(es) outside any known subnet; ` +
      `${s.outsideCatalog.queries} for names of no catalog service` +
      (names.length > 0
        ? ` (AWS names: ${names.join(", ")}${s.outsideCatalog.awsNames.length > 5 ? ", ..." : ""})`
        : "") +
      `; ${s.alreadyRequested} for services the subnet requests.`,
  );
  if (s.unmatched.unknownVpcs.length > 0)
    io.err(
      `vpce: queries from VPCs no spec describes: ${s.unmatched.unknownVpcs
        .map((v) => `${v.vpcId} (${v.queries})`)
        .join(", ")}; check the VPCs' id in the specs.`,
    );
  for (const v of s.viaEndpoint)
    io.err(
      `vpce: ${v.stack}/${v.vpc}: ${v.service} reached through an existing endpoint` +
        `${v.endpointId ? ` (${v.endpointId})` : ""} (${v.queries} queries): not proposed.`,
    );
  if (s.flows)
    io.err(
      `vpce: ${s.flows.records} flow record(s), ${opts.empty ?? 0} without data, ${s.flows.duplicates} seen twice, ` +
        `${s.flows.attributed} attributed to a proposed service; ` +
        (s.flows.windowSeconds !== undefined
          ? `bytes scaled to a month from a ${hours(s.flows.windowSeconds)} window` +
            (s.flows.windowSeconds < SHORT_WINDOW_SECONDS
              ? " (less than a day: the monthly figures extrapolate a short sample)."
              : ".")
          : "no time window (no start and end): bytes are not scaled to a month."),
    );
  const subnets = new Set(proposals.map((p) => `${p.file}|${p.vpc}|${p.subnet}`)).size;
  io.err(`vpce: ${proposals.length} service(s) to add in ${subnets} subnet(s).`);
  if (proposals.some((p) => p.type === "Interface"))
    io.err(
      `vpce: a new interface endpoint also costs $${(PRICES.interfacePerAzHour * PRICES.hoursPerMonth).toFixed(2)} ` +
        "per AZ and month, once per VPC (gateway endpoints nothing): vpce plan prices the specs with these services.",
    );
}

function hours(seconds: number): string {
  return seconds >= 7200 ? `${(seconds / 3600).toFixed(1)} h` : `${Math.round(seconds / 60)} min`;
}

/** The proposals as a table: one row per subnet and service. */
export function renderTable(result: DiscoverResult): string {
  const { proposals } = result;
  if (proposals.length === 0) return "No service to add: every service the logs show is requested by its subnet.";
  const withBytes = proposals.some((p) => p.bytes !== undefined);
  const withCost = proposals.some((p) => p.natUsdPerMonth !== undefined);
  const head = [
    "stack",
    "vpc",
    "subnet",
    "service",
    "type",
    "queries",
    ...(withBytes ? ["bytes"] : []),
    ...(withCost ? ["GB/month", "NAT $/month", "endpoint data $/month"] : []),
  ];
  const rows = proposals.map((p) => [
    p.stack,
    p.vpc,
    p.subnet,
    p.key,
    p.type.toLowerCase(),
    String(p.queries),
    ...(withBytes ? [String(p.bytes ?? 0)] : []),
    ...(withCost
      ? [p.gbPerMonth ?? 0, p.natUsdPerMonth ?? 0, p.endpointDataUsdPerMonth ?? 0].map((x) => x.toFixed(2))
      : []),
  ]);
  const numeric = (i: number) => i >= 5;
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)].join("\n");
}

/** The subnet's indexes from its field path (`vpcs[0].subnets[2]`). */
function subnetIndexes(p: string): { vpcIndex: number; subnetIndex: number } {
  const m = /^vpcs\[(\d+)\]\.subnets\[(\d+)\]$/.exec(p);
  if (!m) throw new Error(`unexpected subnet path ${p}`);
  return { vpcIndex: Number(m[1]), subnetIndex: Number(m[2]) };
}

/**
 * Adds the proposals to the spec files. The edited texts are validated first, with every other file of the specs,
 * in a copy of the specs folder: when any error remains nothing is written (exit 1).
 */
function writeProposals(opts: {
  proposals: readonly Proposal[];
  models: readonly SpecModel[];
  specs: { path: string; file: boolean };
  io: Io;
}): number {
  const { io } = opts;
  if (opts.proposals.length === 0) {
    io.err("vpce: --write: nothing to add; no file changed.");
    return EXIT.ok;
  }
  const edits = new Map<SpecModel, string>();
  for (const model of opts.models) {
    const mine = opts.proposals.filter((p) => p.file === model.file);
    if (mine.length === 0) continue;
    const additions: SubnetAddition[] = [];
    for (const vpc of model.vpcs)
      for (const subnet of vpc.subnets) {
        const services = mine.filter((p) => p.vpc === vpc.name && p.subnet === subnet.name).map((p) => p.key);
        if (services.length > 0) additions.push({ ...subnetIndexes(subnet.path), services });
      }
    const text = fs.readFileSync(model.source.absPath, "utf8");
    const edited = specWriter().addServices({ text, additions });
    if ("error" in edited) {
      io.err(`${model.file}: error: cannot add the services: ${edited.error}. No file changed.`);
      return EXIT.invalid;
    }
    edits.set(model, edited.text);
  }
  if (!validates({ edits, specs: opts.specs, proposals: opts.proposals, io })) return EXIT.invalid;
  for (const [model, text] of edits) {
    fs.writeFileSync(model.source.absPath, text);
    const mine = opts.proposals.filter((p) => p.file === model.file);
    for (const subnet of new Set(mine.map((p) => `${p.vpc}/${p.subnet}`)))
      io.err(
        `${model.file}: ${subnet}: added ${mine
          .filter((p) => `${p.vpc}/${p.subnet}` === subnet)
          .map((p) => p.key)
          .join(", ")}.`,
      );
  }
  io.err(
    `vpce: --write: added ${opts.proposals.length} service(s) to ${edits.size} file(s): ` +
      `${[...edits.keys()].map((m) => m.file).join(", ")}.`,
  );
  return EXIT.ok;
}

/** The specs with the edits, validated and planned in a temporary copy; prints the errors when there are any. */
function validates(opts: {
  edits: ReadonlyMap<SpecModel, string>;
  specs: { path: string; file: boolean };
  proposals: readonly Proposal[];
  io: Io;
}): boolean {
  const root = opts.specs.file ? path.dirname(opts.specs.path) : opts.specs.path;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vpce-discover-"));
  try {
    const copy = path.join(tmp, "specs");
    // what the pipeline reads: the specs and the policy files beside them (JSON), not .git or terraform folders
    fs.cpSync(root, copy, {
      recursive: true,
      dereference: true,
      filter: (src) => !/^(\.git|\.terraform|node_modules|cdktf\.out)$/.test(path.basename(src)),
    });
    const shown = new Map<string, string>();
    for (const [model, text] of opts.edits) {
      const target = path.join(copy, path.relative(root, model.source.absPath));
      fs.writeFileSync(target, text);
      shown.set(displayPath(target), model.file);
    }
    const r = runPipeline(opts.specs.file ? path.join(copy, path.basename(opts.specs.path)) : copy, {
      env: opts.io.env,
    });
    if (hasErrors(r.diagnostics) || !r.plan) {
      for (const d of r.diagnostics.filter((x) => x.severity === "error"))
        opts.io.err(formatDiagnostic({ ...d, file: shown.get(d.file) ?? d.file }));
      opts.io.err("vpce: --write: the specs would be invalid with these services; no file changed.");
      return false;
    }
    // every proposal must now be requested by its subnet, or a second run would propose it again
    const requested = requestedSets(r.models);
    for (const p of opts.proposals) {
      const subnet = r.models
        .find((m) => shown.get(m.file) === p.file)
        ?.vpcs.find((v) => v.name === p.vpc)
        ?.subnets.find((s) => s.name === p.subnet);
      if (!subnet || !requested.subnet.get(subnet)?.has(p.service))
        throw new Error(`--write: ${p.file} ${p.vpc}/${p.subnet} does not request ${p.service} after the edit`);
    }
    return true;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The spec editor, loaded when --write edits specs: it loads the yaml library, which every other command (this
 * module is loaded by every command, synth included) starts without.
 */
function specWriter(): typeof import("../discover/write") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../discover/write") as typeof import("../discover/write");
}
