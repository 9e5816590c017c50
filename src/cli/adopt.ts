/**
 * `vpce adopt [--format table|json]`: the matching of the inventories' existing endpoints with the plan. A
 * conflict AWS would refuse at apply is an error: the rows still show it (action `conflict`), the diagnostics
 * say why, and the exit code is 1, as for synth, which writes nothing while a conflict stands.
 */
import { hasErrors, summarize } from "../diagnostics";
import { runPipeline } from "../pipeline";
import { adoptionRows, renderAdoptionTable } from "../report/adoption";
import { EXIT, printTerminalDiagnostics, specsPath, type Io } from "./io";

export function adoptCommand(opts: {
  specs?: string;
  format: "table" | "json";
  /** Every warning on its own (`--all-diagnostics`); default: grouped by code and VPC. */
  allDiagnostics?: boolean;
  io: Io;
}): number {
  const { io } = opts;
  const r = runPipeline(specsPath({ explicit: opts.specs, env: io.env }).path, { env: io.env });
  if (opts.format === "json") io.out(JSON.stringify(r.draft ? adoptionRows(r.draft) : [], null, 2));
  else if (r.draft) io.out(renderAdoptionTable({ plan: r.draft }));
  printTerminalDiagnostics({ diagnostics: r.diagnostics, plan: r.draft, all: opts.allDiagnostics, io });
  const failed = hasErrors(r.diagnostics) || !r.draft;
  io.err(`vpce: ${summarize(r.diagnostics)}${failed ? "; resolve the errors before synth or apply." : ""}`);
  return failed ? EXIT.invalid : EXIT.ok;
}
