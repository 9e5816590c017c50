/**
 * The `vpce` command: commander parses the arguments (per-command help,
 * suggestions for mistyped commands and options); `run` returns the exit code
 * and never exits the process. Exit codes: see EXIT.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import {
  aliasesOf,
  allBundles,
  allRegions,
  allServices,
  getRegion,
  getService,
  serviceName,
  serviceNames,
} from "../catalog";
import { summarize } from "../diagnostics";
import { runPipeline, type PipelineResult } from "../pipeline";
import { PRICES } from "../planner/pricing";
import { round2 } from "../report/cost";
import { closest } from "../suggest";
import { EXIT, guarded, outParts, outputWidth, printTerminalDiagnostics, specsPath, UsageError, type Io } from "./io";

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The code of each command and report, loaded when it runs: a run needs one command's, and loading every command's
 * (synth, diff, discover, adopt, stacks, atlantis, the markdown and plan reports) cost each run about 10 ms.
 */
const load = {
  adopt: () => require("./adopt") as typeof import("./adopt"),
  atlantis: () => require("./atlantis") as typeof import("./atlantis"),
  discover: () => require("./discover") as typeof import("./discover"),
  diff: () => require("./diff") as typeof import("./diff"),
  stacks: () => require("./stacks") as typeof import("./stacks"),
  synth: () => require("./synth") as typeof import("./synth"),
  markdown: () => require("../report/markdown") as typeof import("../report/markdown"),
  planReport: () => require("../report/plan-report") as typeof import("../report/plan-report"),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export { EXIT, UsageError, type Io } from "./io";

const FOOTER = `
Specs: --specs DIR or --specs FILE.yaml, else VPCE_SPECS, else specs/.
Streams: results on stdout; diagnostics and the summary line on stderr (JSON carries its diagnostics).
Warnings on stderr are grouped by code and VPC (errors never): --all-diagnostics (or VPCE_ALL_DIAGNOSTICS=1)
prints each.
Exit codes: 0 ok, 1 invalid spec (nothing written), 2 usage error, 3 internal error, 4 changes found (diff).`;

interface Options {
  specs?: string;
  json?: boolean;
  out?: string;
  format?: "table" | "json" | "markdown";
  /** GB per endpoint per month for the markdown's data cost; undefined when not given. */
  gbPerMonth?: number;
  /** Markdown: the most characters the output may take. */
  maxChars?: number;
  why?: boolean;
  /** false when the deprecated --no-reasons was given. */
  reasons?: boolean;
  region?: string;
  bundles?: boolean;
  /** --all-diagnostics: every warning on its own line on stderr, not grouped by VPC and code. */
  allDiagnostics?: boolean;
}

/** Runs `vpce <argv>`; returns the exit code. */
export function run(argv: readonly string[], io: Io): number {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (command) => {
    code = command();
  });
  return guarded(io, () => {
    try {
      program.parse([...argv], { from: "user" });
      return code;
    } catch (e) {
      if (!(e instanceof CommanderError)) throw e;
      // --help and --version exit 0; `vpce` alone prints the help to stderr and is a usage error like any other.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
  });
}

function buildProgram(io: Io, then: (command: () => number) => void): Command {
  const program = new Command("vpce")
    .description("Plans least-privilege VPC endpoints from YAML specs and synthesizes Terraform JSON.")
    .version(packageVersion(), "-V, --version")
    // Settings before .command(): every command inherits them.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, "")),
      writeErr: (s) => io.err(s.replace(/\n$/, "")),
      outputError: (s) => io.err(`vpce: ${usageMessage(s)}`),
    })
    .showSuggestionAfterError()
    .addHelpText("after", FOOTER);
  const allDiagnostics = () =>
    new Option(
      "--all-diagnostics",
      "print every warning on its own (default: grouped by code and VPC; errors always one by one)",
    );
  const specs = () =>
    new Option("--specs <path>", "a folder of specs, or one spec file (default: VPCE_SPECS, else specs/)");
  const command = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .showHelpAfterError(`Run "vpce ${name} --help" for its options.`)
      .addHelpText("after", FOOTER);

  command("validate", "check every spec; print errors and warnings")
    .addOption(specs())
    .option("--json", "machine-readable diagnostics on stdout")
    .addOption(allDiagnostics())
    .action((o: Options) => then(() => validate(o, io)));
  command("synth", "write Terraform JSON stacks")
    .addOption(specs())
    .option("--out <dir>", "output folder", "cdktf.out")
    .option("--hcl", "write cdk.tf (HCL) instead of cdk.tf.json")
    .option("--module", "also write each stack as a module into <out>/modules/<stack>/")
    .option("--stack <names...>", "write only these stacks (and those related to them); the others stay as they are")
    .option(
      "--changed-since <ref>",
      "write only the stacks whose inputs (spec, policy files, region dump, inventories, cdktf.json) changed since " +
        "this git ref (and those related)",
    )
    .option(
      "--no-cache",
      "with --stack or --changed-since, load every spec, not only those changed since the spec cache in <out>/.vpce " +
        "(written anew either way)",
    )
    .addOption(allDiagnostics())
    .action(
      (o: Options & { hcl?: boolean; module?: boolean; stack?: string[]; changedSince?: string; cache: boolean }) =>
        then(() =>
          load.synth().synthesize({
            specsDir: o.specs,
            outDir: o.out,
            hcl: o.hcl,
            module: o.module,
            stacks: o.stack,
            changedSince: o.changedSince,
            cache: o.cache,
            allDiagnostics: o.allDiagnostics,
            io,
          }),
        ),
    );
  command("plan", "the planned endpoints, why, and what they cost")
    .addOption(specs())
    .addOption(
      new Option("--format <format>", "output format (markdown: for a pull-request comment)")
        .choices(["table", "json", "markdown"])
        .default("table"),
    )
    .addOption(
      new Option(
        "--gb-per-month <N>",
        "markdown: GB through each endpoint per month, priced beside NAT (default 0)",
      ).argParser(gigabytes),
    )
    .addOption(maxChars())
    .option("--why", "add why each endpoint is planned as it is (table)")
    .addOption(allDiagnostics())
    // Deprecated: the reasons are left out unless --why; still accepted so that scripts keep working.
    .addOption(new Option("--no-reasons").hideHelp())
    .action((o: Options) => then(() => plan(o, io)));
  command("adopt", "existing endpoints (inventory/): which the plan adopts, what the first apply changes, conflicts")
    .addOption(specs())
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .addOption(allDiagnostics())
    .action((o: Options) =>
      then(() =>
        load.adopt().adoptCommand({
          specs: o.specs,
          format: o.format === "json" ? "json" : "table",
          allDiagnostics: o.allDiagnostics,
          io,
        }),
      ),
    );
  command("diff", "what changes between the specs at a git ref and the working tree; exit 4 when something does")
    .addOption(specs())
    .requiredOption("--base <ref>", "the git ref to compare with (a branch, tag or commit of the specs' repository)")
    .addOption(
      new Option("--format <format>", "output format (markdown: for a pull-request comment)")
        .choices(["table", "json", "markdown"])
        .default("table"),
    )
    .addOption(maxChars())
    .addOption(allDiagnostics())
    .action((o: Options & { base: string }) =>
      then(() => {
        if (o.maxChars !== undefined && o.format !== "markdown")
          throw new UsageError("--max-chars applies to --format markdown only.");
        return load.diff().diffCommand({
          specs: o.specs,
          base: o.base,
          format: o.format ?? "table",
          maxChars: o.maxChars,
          allDiagnostics: o.allDiagnostics,
          io,
        });
      }),
    );
  command("catalog", "the services (or bundles) for a region")
    .option("--region <region>", "AWS region (default: AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1)")
    .option("--json", "machine-readable rows on stdout")
    .option("--bundles", "the bundles instead of the services")
    .action((o: Options) => then(() => catalog(o, io)));
  command("discover", "services each subnet called (Resolver query logs, flow logs) that its spec does not request")
    .addOption(specs())
    .requiredOption("--resolver-logs <paths...>", "Route 53 Resolver query log files or folders (.gz read too)")
    .option("--flow-logs <paths...>", "VPC Flow Log files or folders: bytes and the NAT cost per service")
    .option("--flow-log-format <format>", 'flow log files without a header line: "${field} ..." (default: version 2)')
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("--write", "add the proposed services to the specs (comments and layout kept)")
    .addOption(allDiagnostics())
    .action((o: Options & { resolverLogs: string[]; flowLogs?: string[]; flowLogFormat?: string; write?: boolean }) =>
      then(() =>
        load.discover().discoverCommand({
          specs: o.specs,
          resolverLogs: o.resolverLogs,
          flowLogs: o.flowLogs,
          flowLogFormat: o.flowLogFormat,
          format: o.format === "json" ? "json" : "table",
          write: o.write === true,
          allDiagnostics: o.allDiagnostics,
          io,
        }),
      ),
    );
  command("stacks", "the stacks: working folder, spec, region, account, backend (a CI matrix with --json)")
    .addOption(specs())
    .option("--out <dir>", "the output folder synth writes to", "cdktf.out")
    .option("--json", "machine-readable rows on stdout")
    .addOption(allDiagnostics())
    .action((o: Options) =>
      then(() =>
        load.stacks().stacksCommand({
          specs: o.specs,
          outDir: o.out ?? "cdktf.out",
          json: o.json === true,
          allDiagnostics: o.allDiagnostics,
          io,
        }),
      ),
    );
  command("atlantis", "an Atlantis repo config (atlantis.yaml) with one project per stack, on stdout")
    .addOption(specs())
    .option("--out <dir>", "the output folder synth writes to", "cdktf.out")
    .addOption(allDiagnostics())
    .action((o: Options) =>
      then(() =>
        load
          .atlantis()
          .atlantisCommand({ specs: o.specs, outDir: o.out ?? "cdktf.out", allDiagnostics: o.allDiagnostics, io }),
      ),
    );
  program.showHelpAfterError('Run "vpce --help" for the commands.');
  return program;
}

/**
 * Commander's error text in vpce's style: `error: unknown option '--formt'\n(Did you mean --format?)`
 * becomes `unknown option "--formt". Did you mean "--format"?`; every message ends with a full stop or question
 * mark, options and values in double quotes.
 */
export function usageMessage(text: string): string {
  const [first, ...more] = text
    .trim()
    .replace(/^error: /, "")
    .split("\n");
  let message = first
    .replace(/^option '(.+)' argument missing$/, 'option "$1" needs a value')
    .replace(/'([^']*)'/g, '"$1"');
  if (!/[.?!]$/.test(message)) message += ".";
  const hint = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(more.join(" ").trim());
  if (hint)
    message += ` Did you mean ${hint[1]
      .split(", ")
      .map((x) => `"${x}"`)
      .join(", ")}?`;
  return message;
}

function suggestText(word: string, options: string[]): string {
  const s = closest(word, options);
  return s.length ? ` Did you mean ${s.map((x) => `"${x}"`).join(", ")}?` : "";
}

/** `explain`: whether the command shows the endpoints' reasons (PlanOptions.explain); those that do not skip them. */
function pipeline(o: Options, io: Io, opts: { explain: boolean }) {
  return runPipeline(specsPath({ explicit: o.specs, env: io.env }).path, { env: io.env, explain: opts.explain });
}

function printDiagnostics(opts: { r: PipelineResult; o: Options; io: Io }): void {
  printTerminalDiagnostics({
    diagnostics: opts.r.diagnostics,
    plan: opts.r.plan,
    all: opts.o.allDiagnostics,
    io: opts.io,
  });
}

function validate(o: Options, io: Io): number {
  const r = pipeline(o, io, { explain: false });
  if (o.json) io.out(JSON.stringify({ valid: r.plan !== undefined, diagnostics: r.diagnostics }, null, 2));
  else printDiagnostics({ r, o, io });
  io.err(`vpce: ${summarize(r.diagnostics)}${r.plan ? ` in ${r.plan.stacks.length} stack(s)` : ""}`);
  return r.plan ? EXIT.ok : EXIT.invalid;
}

/** `--max-chars N`: how much of a pull-request comment a markdown report may take. */
function maxChars(): Option {
  return new Option(
    "--max-chars <N>",
    "markdown: the most characters the report may take (default: GitHub's comment limit for plan, none for diff)",
  ).argParser((value: string) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1000)
      throw new InvalidArgumentError("Give a whole number of characters, 1000 or more.");
    return Number(value);
  });
}

/** `--gb-per-month`: a non-negative decimal number of GB. */
function gigabytes(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value.trim()))
    throw new InvalidArgumentError("Give a number of GB, 0 or more, such as 500 or 12.5.");
  return Number(value);
}

function plan(o: Options, io: Io): number {
  if (o.reasons === false) io.err("vpce: --no-reasons is deprecated: reasons are shown only with --why.");
  if (o.gbPerMonth !== undefined && o.format !== "markdown")
    throw new UsageError("--gb-per-month applies to --format markdown only; the table and JSON show hourly costs.");
  if (o.maxChars !== undefined && o.format !== "markdown")
    throw new UsageError("--max-chars applies to --format markdown only.");
  // the reasons are in the JSON, and in the table with --why only
  const r = pipeline(o, io, { explain: o.format === "json" || o.why === true });
  // indented for a terminal, compact when piped to a file or a program
  const indent = io.columns === undefined ? undefined : 2;
  if (o.format === "json")
    outParts(io, load.planReport().jsonParts({ plan: r.plan, diagnostics: r.diagnostics, indent }));
  else if (o.format === "markdown")
    io.out(
      load
        .markdown()
        .renderMarkdown({ plan: r.plan, diagnostics: r.diagnostics, gbPerMonth: o.gbPerMonth ?? 0, limit: o.maxChars }),
    );
  else {
    if (r.plan)
      outParts(io, load.planReport().tableParts({ plan: r.plan, width: outputWidth(io), why: o.why === true }));
    printDiagnostics({ r, o, io });
  }
  io.err(`vpce: ${summarize(r.diagnostics)}${r.plan ? ` in ${r.plan.stacks.length} stack(s)` : "; no plan."}`);
  return r.plan ? EXIT.ok : EXIT.invalid;
}

/** AZs the bundle listing prices optional endpoints at: three, the usual spread of a production VPC. */
const BUNDLE_COST_AZS = 3;

/**
 * Monthly hours of one endpoint of the service at the reference prices (planner/pricing.ts): an interface
 * endpoint has one ENI per AZ; a service whose default type is Gateway (s3, dynamodb) costs nothing.
 */
function monthlyAt(opts: { serviceId: string; azs: number }): number {
  const s = getService(opts.serviceId);
  if (!s || s.types[0] === "Gateway") return PRICES.gatewayPerHour * PRICES.hoursPerMonth;
  return round2(opts.azs * PRICES.interfacePerAzHour * PRICES.hoursPerMonth);
}

function bundleRows(): object[] {
  return allBundles().map((b) => ({
    id: b.id,
    description: b.description,
    services: b.services,
    optional: b.optional.map((x) => ({
      service: x.service,
      when: x.when,
      monthlyUsdAt3Azs: monthlyAt({ serviceId: x.service, azs: BUNDLE_COST_AZS }),
    })),
    source: b.source,
    sources: b.sources,
    ...(b.note ? { note: b.note } : {}),
  }));
}

function printBundles(io: Io): void {
  for (const b of allBundles()) {
    io.out(`${b.id}: ${b.services.join(", ")}`);
    io.out(`    ${b.description} (${b.source})`);
    const width = Math.max(0, ...b.optional.map((x) => x.service.length));
    for (const x of b.optional) {
      const cost = monthlyAt({ serviceId: x.service, azs: BUNDLE_COST_AZS });
      const price = cost === 0 ? "gateway: free" : `+$${cost.toFixed(2)}/month at ${BUNDLE_COST_AZS} AZs`;
      io.out(`    optional ${x.service.padEnd(width)}  ${x.when} (${price})`);
    }
    if (b.note) io.out(`    note: ${b.note}`);
  }
  io.out(
    "Optional services are not part of a bundle: list them under the subnet's services to add them. " +
      `Prices: $${PRICES.interfacePerAzHour}/ENI-hour, ${PRICES.hoursPerMonth} h/month (us-east-1 reference).`,
  );
}

function catalog(o: Options, io: Io): number {
  if (o.bundles) {
    if (o.json) io.out(JSON.stringify(bundleRows(), null, 2));
    else printBundles(io);
    return EXIT.ok;
  }
  const regionName = o.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? "us-east-1";
  const region = getRegion(regionName);
  if (!region)
    throw new UsageError(
      `unknown region "${regionName}".${suggestText(
        regionName,
        allRegions().map((r) => r.name),
      )}`,
    );
  const rows = allServices().map((s) => ({
    id: s.id,
    serviceName: serviceName(s, region.name),
    serviceNames: serviceNames(s, region.name),
    types: [...s.types],
    port: s.port,
    policy: s.policy,
    privateDns: s.privateDns,
    aliases: aliasesOf(s.id),
    description: s.description,
  }));
  if (o.json) io.out(JSON.stringify(rows, null, 2));
  else {
    const lines = rows.map((r) => [
      r.id,
      [...new Set(Object.values(r.serviceNames))].join(" | "),
      r.types.join("+"),
      String(r.port),
      r.policy ? "" : "no endpoint policy",
    ]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...lines.map((l) => l[i].length)));
    io.out(`${rows.length} services in ${region.name} (${region.partition})`);
    for (const l of lines)
      io.out(
        l
          .map((c, i) => (i < 4 ? c.padEnd(widths[i]) : c))
          .join("  ")
          .trimEnd(),
      );
  }
  return EXIT.ok;
}

let version: string | undefined;

/** The version in package.json: the first package.json above this file (src/cli or dist/src/cli). */
function packageVersion(): string {
  version ??= findVersion();
  return version;
}

function findVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  }
  return "unknown";
}
