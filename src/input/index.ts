/**
 * The spec stage: folder -> parsed files -> the fields stage's rules on each
 * file -> a model of each file without errors -> the across-files stage's
 * rules on the well-formed parts of every parsed file. Every diagnostic of
 * every file is returned.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { hasErrors, type Diagnostic } from "../diagnostics";
import { ACROSS_FILES_RULES } from "../rules/across-files";
import { FIELD_RULES } from "../rules/fields";
import { runRules } from "../rules/run";
import { buildModel } from "./build-model";
import {
  displayPath,
  loadSpecReads,
  readSpecBytes,
  readSpecFolder,
  toData,
  type SourceFile,
  type SpecBytes,
} from "./load";
import { specSummary, type PolicyStamp, type SpecSummary } from "./spec-summary";
import { policyRoot, type DumpFacts, type PolicyRoot } from "./resolve";
import type { SpecModel } from "./spec-model";
import { fieldSubject, type ResolvedFile } from "./subjects";

export interface SpecStageResult {
  /** The models of the specs loaded without errors, in file order. */
  models: SpecModel[];
  diagnostics: Diagnostic[];
  /** Every spec file read, in file order, when SpecOptions.known was given; else empty. */
  files: SpecFileResult[];
}

/** What the stage found of one spec file, loaded now or known from before (SpecOptions.known). */
export interface SpecFileResult {
  /** Absolute path. */
  readonly path: string;
  /** SHA-256 of its bytes, hex; absent when they could not be read. */
  readonly digest?: string;
  /** Its load and fields findings (never the across-files ones). */
  readonly diagnostics: readonly Diagnostic[];
  /** Its summary, when it has no error. */
  readonly summary?: SpecSummary;
  /** Its model, when it was loaded and has no error. */
  readonly model?: SpecModel;
  /** Its status when it was read (or found unchanged): the cache's stamp. */
  readonly stat?: fs.Stats;
  /** What an earlier run found, when its bytes and inputs are the same and it was not loaded again. */
  readonly known?: KnownSpec;
}

/** A spec file as an earlier run found it, on the same bytes and inputs: its findings and summary. */
export interface KnownSpec {
  /** Its load and fields findings. */
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: SpecSummary;
  /** The policy files it read, as they were then. */
  readonly policies: readonly PolicyStamp[];
  /** How many gateway endpoints its plan has (the region-wide quota counts them). */
  readonly gateways: number;
}

export interface SpecOptions {
  /** What the region dump of a region says beyond the catalog (its service ids and zones), if one was recorded. */
  readonly dumpFacts?: (region: string) => DumpFacts | undefined;
  /**
   * Folders besides the specs folder that policy files may come from
   * (VPCE_POLICY_DIRS); relative ones are taken from the working directory.
   */
  readonly policyDirs?: readonly string[];
  /**
   * What an earlier run found of a file with these bytes, when nothing it read has changed since (the synth's spec
   * cache); such a file is not loaded unless `scope` asks for it. Given, every file is hashed and summarized.
   */
  readonly known?: (file: {
    readonly path: string;
    readonly shown: string;
    readonly digest: string;
  }) => KnownSpec | undefined;
  /**
   * What an earlier run found of a file whose status (size, times, inode) says it has not changed since, asked
   * before reading it: the file is then not read (nor hashed) unless `scope` wants it loaded, and `digest` is the
   * earlier run's. Optional.
   */
  readonly unchanged?: (file: {
    readonly path: string;
    readonly shown: string;
    readonly stat: fs.Stats;
  }) => (KnownSpec & { readonly digest: string }) | undefined;
  /**
   * The known files to load after all (absolute paths), given every spec's summary and the files loaded anyway:
   * those whose findings depend on the others'. Not called when a file loaded has an error: every file is then
   * loaded, as without `known`.
   */
  readonly scope?: (opts: {
    readonly summaries: readonly SpecSummary[];
    readonly loaded: ReadonlySet<string>;
  }) => ReadonlySet<string>;
}

/**
 * Loads and validates the specs of `dir` (a folder, or one spec file). With `known`, a file found unchanged is not
 * loaded: its findings are the earlier run's, and the across-files rules see the files loaded, which `scope` makes
 * every file whose findings could differ (see specsToLoad).
 */
export function loadSpecs(dir: string, opts: SpecOptions = {}): SpecStageResult {
  const { folder, files: paths } = readSpecFolder(dir);
  // `--specs` may name one spec file: its policy files live beside it, in its folder
  const single = isFile(dir);
  const specsFolder = single ? path.dirname(dir) : dir;
  const policyRoots = [specsFolder, ...(opts.policyDirs ?? [])].flatMap((d) => policyRoot(path.resolve(d)) ?? []);
  const summarize = opts.known !== undefined;
  const results: SpecFileResult[] = [];
  const resolved = new Map<string, ResolvedFile>();
  /** Files through the load rules together (as one folder), then each through the fields stage, into `results`. */
  const load = (reads: ReadonlyArray<{ read: SpecBytes; digest?: string; at: number }>, withFolder: boolean) => {
    const loaded = loadSpecReads({ reads: reads.map((r) => r.read), ...(withFolder ? { folder } : {}) });
    reads.forEach(({ read, digest, at }, i) => {
      const { source, diagnostics } = loaded.files[i];
      const checked = source ? checkSource({ source, dumpFacts: opts.dumpFacts, policyRoots }) : undefined;
      const model = checked?.model;
      results[at] = {
        path: read.absPath,
        ...(digest !== undefined ? { digest } : {}),
        ...("stat" in read ? { stat: read.stat } : {}),
        diagnostics: checked ? [...diagnostics, ...checked.diagnostics] : diagnostics,
        ...(model ? { model, ...(summarize ? { summary: specSummary(model) } : {}) } : {}),
      };
      if (checked?.file) resolved.set(read.absPath, checked.file);
    });
    return loaded.folder;
  };
  const now: Array<{ read: SpecBytes; digest?: string; at: number }> = [];
  // known files, read only if `scope` wants them loaded
  const waiting: Array<{ path: string; read?: SpecBytes; digest: string; at: number }> = [];
  paths.forEach((p, at) => {
    const stat = opts.unchanged ? statOf(p) : undefined;
    const same = stat ? opts.unchanged?.({ path: p, shown: displayPath(p), stat }) : undefined;
    if (same) {
      const { digest, diagnostics, summary } = same;
      results[at] = { path: p, digest, stat, diagnostics, summary, known: same };
      waiting.push({ path: p, digest, at });
      return;
    }
    const read = readSpecBytes(p, stat);
    const digest = summarize && "bytes" in read ? sha256(read.bytes) : undefined;
    const known = digest !== undefined ? opts.known?.({ path: p, shown: read.file, digest }) : undefined;
    if (known && digest !== undefined) {
      const { diagnostics, summary } = known;
      results[at] = { path: p, digest, ...("stat" in read ? { stat: read.stat } : {}), diagnostics, summary, known };
      waiting.push({ path: p, read, digest, at });
    } else now.push({ read, ...(digest !== undefined ? { digest } : {}), at });
  });
  const diagnostics = load(now, true);
  if (waiting.length > 0) {
    const failed = results.some((r) => !r.known && hasErrors(r.diagnostics));
    const loaded = new Set(now.map((r) => r.read.absPath));
    const summaries = results.flatMap((r) => (r.summary ? [r.summary] : []));
    const wanted = failed ? undefined : opts.scope?.({ summaries, loaded });
    // a file known by its status is read now: written since, its bytes are not what the scope was decided on,
    // and every known file is loaded (as without a cache)
    const reread = (w: (typeof waiting)[number]) => {
      if (w.read) return { read: w.read, digest: w.digest, at: w.at, same: true };
      const read = readSpecBytes(w.path);
      const digest = "bytes" in read ? sha256(read.bytes) : undefined;
      return { read, ...(digest !== undefined ? { digest } : {}), at: w.at, same: digest === w.digest };
    };
    const again = new Map(waiting.filter((w) => !wanted || wanted.has(w.path)).map((w) => [w.path, reread(w)]));
    const all = [...again.values()].every((a) => a.same) ? [] : waiting.filter((w) => !again.has(w.path));
    load([...again.values(), ...all.map(reread)], false);
  }
  const models: SpecModel[] = [];
  for (const r of results) {
    diagnostics.push(...r.diagnostics);
    if (r.model) models.push(r.model);
  }
  // in file order, as the rules report
  const files = paths.flatMap((p) => resolved.get(p) ?? []);
  diagnostics.push(...runRules(ACROSS_FILES_RULES, { files, singleFile: single }));
  return { models, diagnostics, files: summarize ? results : [] };
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function isFile(p: string): boolean {
  return statOf(p)?.isFile() === true;
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
