/**
 * The spec stage: folder -> parsed files -> the fields stage's rules on each
 * file -> a model of each file without errors -> the across-files stage's
 * rules on those models. Every diagnostic of every file is returned.
 */
import { hasErrors, type Diagnostic } from "../diagnostics";
import { ACROSS_FILES_RULES } from "../rules/across-files";
import { FIELD_RULES } from "../rules/fields";
import { runRules } from "../rules/run";
import { buildModel } from "./build-model";
import { loadSpecDir, toData, type SourceFile } from "./load";
import type { DumpZones } from "./resolve";
import type { SpecModel } from "./spec-model";
import { fieldSubject } from "./subjects";

export interface SpecStageResult {
  models: SpecModel[];
  diagnostics: Diagnostic[];
}

export interface SpecOptions {
  /** Service ids a region dump lists for a region (services newer than the catalog are valid there). */
  readonly dumpIds?: (region: string) => ReadonlySet<string> | undefined;
  /** Zones a region dump names for a region (they count as known zones there). */
  readonly dumpZones?: (region: string) => DumpZones | undefined;
}

export function loadSpecs(dir: string, opts: SpecOptions = {}): SpecStageResult {
  const loaded = loadSpecDir(dir);
  const diagnostics = [...loaded.diagnostics];
  const models: SpecModel[] = [];
  for (const source of loaded.sources) {
    const r = checkSource(source, opts);
    diagnostics.push(...r.diagnostics);
    if (r.model) models.push(r.model);
  }
  diagnostics.push(...runRules(ACROSS_FILES_RULES, { models }));
  return { models, diagnostics };
}

/** One parsed file through the fields stage; its model when it has no error. */
export function checkSource(
  source: SourceFile,
  opts: SpecOptions = {},
): { model?: SpecModel; diagnostics: Diagnostic[] } {
  const conv = toData(source);
  if (conv.data === undefined) return { diagnostics: conv.diagnostics };
  const subject = fieldSubject({ source, data: conv.data, dumpIds: opts.dumpIds, dumpZones: opts.dumpZones });
  const diagnostics = runRules(FIELD_RULES, subject);
  if (hasErrors(diagnostics) || !subject.resolved) return { diagnostics };
  return { model: buildModel({ source, resolved: subject.resolved }), diagnostics };
}

export type { SpecModel } from "./spec-model";
