/**
 * The spec stage: folder -> parsed files -> the fields stage's rules on each
 * file -> a model of each file without errors -> the across-files stage's
 * rules on the well-formed parts of every parsed file. Every diagnostic of
 * every file is returned.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { hasErrors, type Diagnostic } from "../diagnostics";
import { ACROSS_FILES_RULES } from "../rules/across-files";
import { FIELD_RULES } from "../rules/fields";
import { runRules } from "../rules/run";
import { buildModel } from "./build-model";
import { loadSpecDir, toData, type SourceFile } from "./load";
import { policyRoot, type DumpFacts, type PolicyRoot } from "./resolve";
import type { SpecModel } from "./spec-model";
import { fieldSubject, type ResolvedFile } from "./subjects";

export interface SpecStageResult {
  models: SpecModel[];
  diagnostics: Diagnostic[];
}

export interface SpecOptions {
  /** What the region dump of a region says beyond the catalog (its service ids and zones), if one was recorded. */
  readonly dumpFacts?: (region: string) => DumpFacts | undefined;
  /**
   * Folders besides the specs folder that policy files may come from
   * (VPCE_POLICY_DIRS); relative ones are taken from the working directory.
   */
  readonly policyDirs?: readonly string[];
}

export function loadSpecs(dir: string, opts: SpecOptions = {}): SpecStageResult {
  const loaded = loadSpecDir(dir);
  const diagnostics = [...loaded.diagnostics];
  const models: SpecModel[] = [];
  const files: ResolvedFile[] = [];
  // `--specs` may name one spec file: its policy files live beside it, in its folder
  const specsFolder = isFile(dir) ? path.dirname(dir) : dir;
  const policyRoots = [specsFolder, ...(opts.policyDirs ?? [])].flatMap((d) => policyRoot(path.resolve(d)) ?? []);
  for (const source of loaded.sources) {
    const r = checkSource({ source, dumpFacts: opts.dumpFacts, policyRoots });
    diagnostics.push(...r.diagnostics);
    if (r.file) files.push(r.file);
    if (r.model) models.push(r.model);
  }
  diagnostics.push(...runRules(ACROSS_FILES_RULES, { files, singleFile: isFile(dir) }));
  return { models, diagnostics };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

interface CheckSourceOptions {
  readonly source: SourceFile;
  readonly dumpFacts?: (region: string) => DumpFacts | undefined;
  readonly policyRoots: readonly PolicyRoot[];
}

/** One parsed file through the fields stage: its facts, and its model when it has no error. */
function checkSource({ source, dumpFacts, policyRoots }: CheckSourceOptions): {
  file?: ResolvedFile;
  model?: SpecModel;
  diagnostics: Diagnostic[];
} {
  const conv = toData(source);
  if (conv.data === undefined) return { diagnostics: conv.diagnostics };
  const subject = fieldSubject({ source, data: conv.data, dumpFacts, policyRoots });
  const diagnostics = runRules(FIELD_RULES, subject);
  const file = { source, facts: subject.facts };
  if (hasErrors(diagnostics) || !subject.resolved) return { file, diagnostics };
  return { file, model: buildModel({ source, resolved: subject.resolved }), diagnostics };
}

export type { SpecModel } from "./spec-model";
