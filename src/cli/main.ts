/**
 * The `vpce` command: argument parsing (node:util parseArgs, strict) and exit
 * codes. 0: fine; 1: a spec is invalid; 2: usage error; 3: internal error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { aliasesOf, allBundles, allRegions, allServices, getRegion, serviceName, serviceNames } from "../catalog";
import { formatDiagnostic, summarize, type Diagnostic } from "../diagnostics";
import { runPipeline, specsDir } from "../pipeline";
import { renderJson, renderTable } from "../report/plan-report";
import { closest } from "../suggest";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

export class UsageError extends Error {}

const USAGE = `Usage: vpce <command> [options]

Commands:
  validate [--specs DIR] [--json]           check every spec; print errors and warnings
  synth [--specs DIR] [--out DIR]           write Terraform JSON stacks (default cdktf.out)
  plan [--specs DIR] [--format table|json] [--no-reasons]
                                            the planned endpoints, why, and what they cost
  catalog [--region R] [--json] [--bundles] the services (or bundles) for a region

Specs: --specs DIR, else VPCE_SPECS, else specs/.
Exit codes: 0 ok, 1 invalid spec, 2 usage error.`;

const COMMANDS: Record<
  string,
  { options: NonNullable<ParseArgsConfig["options"]>; run: (v: Record<string, unknown>, io: Io) => number }
> = {
  validate: { options: { specs: { type: "string" }, json: { type: "boolean" } }, run: validate },
  synth: { options: { specs: { type: "string" }, out: { type: "string" } }, run: synth },
  plan: {
    options: { specs: { type: "string" }, format: { type: "string" }, "no-reasons": { type: "boolean" } },
    run: plan,
  },
  catalog: {
    options: { region: { type: "string" }, json: { type: "boolean" }, bundles: { type: "boolean" } },
    run: catalog,
  },
};

export function run(argv: readonly string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === "--version") {
      io.out(packageVersion());
      return EXIT.ok;
    }
    const cmd = COMMANDS[command];
    if (!cmd) throw new UsageError(`unknown command "${command}".${suggestText(command, Object.keys(COMMANDS))}`);
    let values: Record<string, unknown>;
    try {
      ({ values } = parseArgs({
        args: [...rest],
        options: { ...cmd.options, help: { type: "boolean", short: "h" } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (e) {
      const known = Object.keys(cmd.options).map((o) => `--${o}`);
      const m = /'(--?[^']+)'/.exec((e as Error).message);
      throw new UsageError(
        `${(e as Error).message.replace(/\. To specify.*$/, "")}${m ? suggestText(m[1], known) : ""}`,
      );
    }
    if (values.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    return cmd.run(values, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`vpce: ${e.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    io.err(`vpce: internal error (please report it): ${(e as Error).stack ?? String(e)}`);
    return EXIT.internal;
  }
}

function suggestText(word: string, options: string[]): string {
  const s = closest(word, options);
  return s.length ? ` Did you mean ${s.map((x) => `"${x}"`).join(", ")}?` : "";
}

function pipeline(values: Record<string, unknown>, io: Io) {
  return runPipeline(specsDir(values.specs as string | undefined, io.env), { env: io.env });
}

function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
}

function validate(values: Record<string, unknown>, io: Io): number {
  const r = pipeline(values, io);
  if (values.json) io.out(JSON.stringify({ valid: r.plan !== undefined, diagnostics: r.diagnostics }, null, 2));
  else {
    printDiagnostics(r.diagnostics, io);
    io.err(`vpce: ${summarize(r.diagnostics)}${r.plan ? ` in ${r.plan.stacks.length} stack(s)` : ""}`);
  }
  return r.plan ? EXIT.ok : EXIT.invalid;
}

function synth(values: Record<string, unknown>, io: Io): number {
  const r = pipeline(values, io);
  printDiagnostics(r.diagnostics, io);
  if (!r.plan) {
    io.err(`vpce: ${summarize(r.diagnostics)}; nothing was written.`);
    return EXIT.invalid;
  }
  // cdktf is loaded only here: validate/plan/catalog stay light.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { synthToDir } = require("../constructs/synth") as typeof import("../constructs/synth");
  const written = synthToDir(r.plan, (values.out as string | undefined) ?? "cdktf.out");
  for (const s of written.removed)
    io.err(`vpce: stack ${s} has no spec any more: removed its stack files from ${written.outdir}/stacks/${s}`);
  io.err(`vpce: ${written.written.length} stack(s) written to ${written.outdir} (${summarize(r.diagnostics)})`);
  return EXIT.ok;
}

function plan(values: Record<string, unknown>, io: Io): number {
  const format = (values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json")
    throw new UsageError(`--format ${format} is not supported; use table or json.`);
  const r = pipeline(values, io);
  if (!r.plan) {
    printDiagnostics(r.diagnostics, io);
    io.err(`vpce: ${summarize(r.diagnostics)}; no plan.`);
    return EXIT.invalid;
  }
  io.out(
    format === "json"
      ? renderJson(r.plan, r.diagnostics)
      : renderTable(r.plan, r.diagnostics, { reasons: !values["no-reasons"] }),
  );
  return EXIT.ok;
}

function catalog(values: Record<string, unknown>, io: Io): number {
  if (values.bundles) {
    const bundles = allBundles();
    if (values.json) io.out(JSON.stringify(bundles, null, 2));
    else for (const b of bundles) io.out(`${b.id}: ${b.services.join(", ")}\n    ${b.description} (${b.source})`);
    return EXIT.ok;
  }
  const regionName =
    (values.region as string | undefined) ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? "us-east-1";
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
  if (values.json) io.out(JSON.stringify(rows, null, 2));
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

/** The version in package.json (dist/src/cli -> project root). */
function packageVersion(): string {
  return (
    JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8")) as { version: string }
  ).version;
}
