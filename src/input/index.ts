/**
 * The spec stage: folder -> parsed, schema-checked, semantically checked,
 * normalized models. Files with errors yield no model; every diagnostic of
 * every file is returned.
 */
import { diag, type Diagnostic } from "../diagnostics";
import { loadSpecDir, toData, type SourceFile } from "./load";
import type { SpecModel } from "./spec-model";
import type { Spec } from "./schema";
import { buildModel } from "./semantic";
import { validateSchema } from "./validate-schema";

export interface SpecStageResult {
  models: SpecModel[];
  diagnostics: Diagnostic[];
}

export interface SpecOptions {
  /** Service ids a region dump lists for a region (services newer than the catalog are valid there). */
  readonly dumpIds?: (region: string) => ReadonlySet<string> | undefined;
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
  diagnostics.push(...checkDuplicateStacks(models));
  diagnostics.push(...checkIdsAcrossFiles(models));
  return { models, diagnostics };
}

export function checkSource(
  source: SourceFile,
  opts: SpecOptions = {},
): { model?: SpecModel; diagnostics: Diagnostic[] } {
  const conv = toData(source);
  if (conv.data === undefined) return { diagnostics: conv.diagnostics };
  const schemaDiags = validateSchema(source, conv.data);
  if (schemaDiags.length > 0) return { diagnostics: schemaDiags };
  const spec = conv.data as Spec;
  return buildModel(source, spec, opts.dumpIds?.(spec.region) ?? new Set());
}

/** Two files naming the same stack would write one folder twice. */
export function checkDuplicateStacks(models: readonly SpecModel[]): Diagnostic[] {
  const first = new Map<string, SpecModel>();
  const out: Diagnostic[] = [];
  for (const m of models) {
    const prev = first.get(m.stack.toLowerCase());
    if (prev) {
      out.push(
        diag({
          code: "DUPLICATE_STACK",
          file: m.file,
          pos: m.stackPos,
          path: "stack",
          message: `stack ${JSON.stringify(m.stack)} is also produced by ${prev.file}.`,
          hint: "Every spec file is one stack: give one of them another `stack:` name or file name.",
        }),
      );
    } else first.set(m.stack.toLowerCase(), m);
  }
  return out;
}

/**
 * One VPC (or subnet) described in two spec files would get two endpoints per
 * service from two stacks: private DNS conflicts, route tables twice. Each is
 * described by one file; other files must not repeat it.
 */
export function checkIdsAcrossFiles(models: readonly SpecModel[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, { file: string; line: number }>();
  for (const m of models) {
    const ids = m.vpcs.flatMap((v) => [
      { id: v.id, at: v },
      ...v.subnets.map((s) => ({ id: s.id, at: s as { path: string; pos: { line: number; col: number } } })),
    ]);
    for (const { id, at } of ids) {
      const prev = first.get(id);
      if (prev && prev.file !== m.file) {
        out.push(
          diag({
            code: "DUPLICATE_ID",
            file: m.file,
            pos: at.pos,
            path: at.path,
            message: `${id} is also described in ${prev.file} (line ${prev.line}); two stacks would create endpoints for it twice.`,
            hint: "Describe each VPC in one spec file (one stack); put all its subnets there.",
          }),
        );
      } else if (!prev) first.set(id, { file: m.file, line: at.pos.line });
    }
  }
  return out;
}

export type { SpecModel } from "./spec-model";
