/**
 * Loading: find the spec files, read them as UTF-8, parse YAML with positions.
 * The loader does the I/O and the parsing and records what it found as facts
 * (`LoadSubject`); the load rules (src/rules/load/) judge those facts and say
 * what is wrong. A file goes on to the next stage only when no load rule
 * reported an error on it. Never throws for a user error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Document, LineCounter, Node, Pair } from "yaml";
import type { Diagnostic, Position } from "../diagnostics";
import { LOAD_RULES } from "../rules/load";
import { MAX_SPEC_BYTES } from "../rules/load/file-too-large";
import { MAX_ALIAS_COUNT } from "../rules/load/yaml-alias-limit";
import { MAX_DEPTH, MAX_SCAN_DEPTH } from "../rules/load/yaml-syntax";
import { runRules } from "../rules/run";
import { offsetOf, readFastYaml, type FastDocument, type FastNode, type FastPair } from "./fast-yaml";

/**
 * The `yaml` library, loaded on first use: most spec files are read by readFastYaml, and loading the library
 * costs ~35 ms of CPU that a small synth would otherwise pay.
 */
export function yamlLib(): typeof import("yaml") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yaml ??= require("yaml") as typeof import("yaml"));
}
let yaml: typeof import("yaml") | undefined;

// The limits belong to the rules that judge them; the loader needs them to stop reading early.
export { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_SCAN_DEPTH, MAX_SPEC_BYTES };

/** What listing the specs folder found. */
export interface SpecFolderFacts {
  /** The folder as shown to the user. */
  readonly shown: string;
  readonly missing?: boolean;
  readonly notAFolder?: boolean;
  /** Why the folder could not be listed. */
  readonly listError?: string;
  /** How many *.yaml / *.yml files it holds (when it could be listed). */
  readonly specFiles?: number;
}

/** An error or warning of the YAML parser: its code, its message, where it points. */
export interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly pos: Position;
}

/** What reading and parsing one spec file found; each step is recorded only when the one before could run. */
export interface SpecFileFacts {
  /** Path as shown to the user. */
  readonly file: string;
  readonly size?: number;
  /** Why the file could not be read (errno code, else the message). */
  readonly readError?: string;
  /** The first byte that is not valid UTF-8 (no byte when the file ends inside a character). */
  readonly invalidUtf8?: { readonly offset: number; readonly byte?: number; readonly pos: Position };
  /** Where the raw text nests deeper than MAX_SCAN_DEPTH (it is then not parsed). */
  readonly nestingAt?: Position;
  readonly yamlErrors: readonly YamlProblem[];
  readonly yamlWarnings: readonly YamlProblem[];
  /**
   * The document's root, when the parser read it without error or warning;
   * `depth` (counted up to MAX_DEPTH + 1) for a mapping.
   */
  readonly root?: {
    readonly kind: "empty" | "mapping" | "list" | "scalar";
    readonly pos: Position;
    readonly depth?: number;
  };
  /** Why expanding the document's aliases failed (too many nodes, undefined anchor). */
  readonly aliasError?: string;
}

/** The subject of the load rules: the folder and its files as read. */
export interface LoadSubject {
  readonly folder?: SpecFolderFacts;
  readonly files: readonly SpecFileFacts[];
}

export type PathSegment = string | number;

/** A parsed YAML file with the means to point into it: the library's document, or the fast reader's tree. */
export class SourceFile {
  constructor(
    /** Path as shown to the user. */
    readonly file: string,
    /** Absolute path, to resolve relative references (policy files). */
    readonly absPath: string,
    private readonly parsed:
      { readonly doc: Document.Parsed; readonly lines: LineCounter } | { readonly fast: FastDocument },
  ) {}

  /** The library's document, when the library read the file. */
  get doc(): Document.Parsed | undefined {
    return "doc" in this.parsed ? this.parsed.doc : undefined;
  }

  /** The file as plain data, when the fast reader read it. */
  get fastData(): unknown {
    return "fast" in this.parsed ? this.parsed.fast.data : undefined;
  }

  positionOfOffset(offset: number): Position {
    if ("doc" in this.parsed) {
      const { line, col } = this.parsed.lines.linePos(offset);
      return { line, col };
    }
    // the line starts the fast reader recorded while reading (the library's LineCounter gives the same)
    const starts = this.parsed.fast.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  }

  /**
   * Position of the value at `segments` (or of its key, for `key: true`).
   * Falls back to the deepest existing ancestor, so a missing field points at its parent.
   */
  positionOf(segments: readonly PathSegment[], opts: { key?: boolean } = {}): Position {
    if ("fast" in this.parsed) return this.fastPositionOf(this.parsed.fast, segments, opts);
    const { isMap, isPair, isScalar, isSeq } = yamlLib();
    let node: unknown = this.parsed.doc.contents;
    let lastPair: Pair | undefined;
    let best: Position = { line: 1, col: 1 };
    const setBest = (n: unknown) => {
      const range = (n as Node | null)?.range;
      if (range) best = this.positionOfOffset(range[0]);
    };
    setBest(node);
    for (const seg of segments) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return best;
        lastPair = pair;
        node = pair.value;
        setBest(pair.value ?? pair.key);
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
        lastPair = undefined;
        if (node === undefined) return best;
        setBest(node);
      } else {
        return best;
      }
    }
    if (opts.key && lastPair && isPair(lastPair)) setBest(lastPair.key);
    return best;
  }

  /**
   * positionOf over the fast reader's tree: the same walk (keys are plain strings there, values never empty). It
   * follows offsets and turns only the last into a line and column.
   */
  private fastPositionOf(fast: FastDocument, segments: readonly PathSegment[], opts: { key?: boolean }): Position {
    let node: FastNode = fast.root;
    let lastPair: FastPair | undefined;
    for (const seg of segments) {
      if (typeof node === "number") {
        return this.positionOfOffset(node);
      } else if (node.kind === "map") {
        const key = typeof seg === "string" ? seg : String(seg);
        // a loop, not find(): no closure per step (every VPC and subnet of a model is located)
        let pair: FastPair | undefined;
        for (const p of node.pairs)
          if (p.key === key) {
            pair = p;
            break;
          }
        if (!pair) return this.positionOfOffset(node.offset);
        lastPair = pair;
        node = pair.value;
      } else if (typeof seg === "number") {
        const item: FastNode | undefined = node.items[seg];
        if (item === undefined) return this.positionOfOffset(node.offset);
        lastPair = undefined;
        node = item;
      } else {
        return this.positionOfOffset(node.offset);
      }
    }
    return this.positionOfOffset(opts.key && lastPair ? lastPair.keyOffset : offsetOf(node));
  }
}

export interface LoadResult {
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

/** The name of a spec file. */
export const SPEC_FILE = /\.ya?ml$/i;

/**
 * Every `*.yaml` / `*.yml` below `dir`, recursively, sorted by path; a `.git` folder is not entered (a specs
 * repository's root is its specs folder, and its objects are hundreds of folders: half the listing's time in a CI).
 */
export function findSpecFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".git") walk(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && SPEC_FILE.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Path shown to users: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

/** One file as read: its facts, and the parsed file when parsing could run. */
interface ReadFile {
  readonly facts: SpecFileFacts;
  readonly source?: SourceFile;
}

/** Runs the load rules over what was read; keeps the parsed files no rule reported an error on. */
function judge(folder: SpecFolderFacts | undefined, read: readonly ReadFile[]): LoadResult {
  const diagnostics = runRules(LOAD_RULES, { folder, files: read.map((r) => r.facts) });
  const failed = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
  const sources = read.flatMap((r) => (r.source && !failed.has(r.facts.file) ? [r.source] : []));
  return { sources, diagnostics };
}

/** Lists the folder (or takes the one spec file); the spec files in it when it could be listed. */
export function readSpecFolder(dir: string): { folder: SpecFolderFacts; files: string[] } {
  const shown = displayPath(dir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    return { folder: { shown, missing: true }, files: [] };
  }
  // One spec file given instead of a folder: that file alone (the CLI refuses other files before loading).
  if (stat.isFile() && SPEC_FILE.test(dir)) return { folder: { shown, specFiles: 1 }, files: [dir] };
  if (!stat.isDirectory()) return { folder: { shown, notAFolder: true }, files: [] };
  try {
    const files = findSpecFiles(dir);
    return { folder: { shown, specFiles: files.length }, files };
  } catch (e) {
    return { folder: { shown, listError: (e as Error).message }, files: [] };
  }
}

/** A spec file's bytes as read, or the facts of why they were not (unreadable, too large). */
export type SpecBytes =
  | {
      readonly file: string;
      readonly absPath: string;
      readonly size: number;
      readonly bytes: Buffer;
      /** The file's status, taken before reading it. */
      readonly stat: fs.Stats;
    }
  | { readonly file: string; readonly absPath: string; readonly facts: SpecFileFacts };

/** Reads a spec file; `stat`: its status, when already taken (before reading, so that a later change shows). */
export function readSpecBytes(absPath: string, stat?: fs.Stats): SpecBytes {
  const file = displayPath(absPath);
  let size: number;
  try {
    const st = stat ?? fs.statSync(absPath);
    size = st.size;
    // not read at all: the size alone is refused (file-too-large)
    if (size > MAX_SPEC_BYTES) return { file, absPath, facts: { file, size, yamlErrors: [], yamlWarnings: [] } };
    const bytes = fs.readFileSync(absPath);
    // grown past the limit since its status was taken (by a caller, earlier): refused on what was read
    if (bytes.length > MAX_SPEC_BYTES)
      return { file, absPath, facts: { file, size: bytes.length, yamlErrors: [], yamlWarnings: [] } };
    return { file, absPath, size: bytes.length, bytes, stat: st };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { file, absPath, facts: { file, readError: err.code ?? err.message, yamlErrors: [], yamlWarnings: [] } };
  }
}

/**
 * Files' bytes through the load rules together, with the folder's when given: the folder's findings, and per file
 * (in order) its findings and its parsed file when no load rule reported an error on it.
 */
export function loadSpecReads(opts: { reads: readonly SpecBytes[]; folder?: SpecFolderFacts }): {
  folder: Diagnostic[];
  files: Array<{ source?: SourceFile; diagnostics: Diagnostic[] }>;
} {
  const r = judge(opts.folder, opts.reads.map(parseSpecBytes));
  const sources = new Map(r.sources.map((s) => [s.file, s]));
  const byFile = new Map<string, Diagnostic[]>(opts.reads.map((f) => [f.file, []]));
  const folder: Diagnostic[] = [];
  for (const d of r.diagnostics) (byFile.get(d.file) ?? folder).push(d);
  return {
    folder,
    files: opts.reads.map((f) => {
      const source = sources.get(f.file);
      return { ...(source ? { source } : {}), diagnostics: byFile.get(f.file) ?? [] };
    }),
  };
}

function parseSpecBytes(read: SpecBytes): ReadFile {
  if (!("bytes" in read)) return { facts: read.facts };
  const r = readSpecText({ bytes: read.bytes, file: read.file, absPath: read.absPath });
  return { ...r, facts: { ...r.facts, size: read.size } };
}

/** Parses bytes as a UTF-8 YAML spec. Exposed for tests. */
export function parseSpecText(opts: { bytes: Buffer; file: string; absPath: string }): {
  source?: SourceFile;
  diagnostics: Diagnostic[];
} {
  const r = judge(undefined, [readSpecText(opts)]);
  return { ...(r.sources[0] ? { source: r.sources[0] } : {}), diagnostics: r.diagnostics };
}

/** Strict UTF-8, the BOM dropped; one decoder for every file (a decode without `stream` keeps no state). */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes and parses, recording each step's facts; stops where the next step cannot run. */
function readSpecText(opts: { bytes: Buffer; file: string; absPath: string }): ReadFile {
  const { bytes, file, absPath } = opts;
  const none = { file, yamlErrors: [], yamlWarnings: [] };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, bad).toString("utf8");
    const line = before.split("\n").length;
    const col = before.length - before.lastIndexOf("\n");
    return { facts: { ...none, invalidUtf8: { offset: bad, byte: bytes[bad], pos: { line, col } } } };
  }
  // The fast reader first (it stops at MAX_READ_DEPTH). A text it reads nesting within MAX_DEPTH, with no more
  // brackets than MAX_SCAN_DEPTH (the scan counts those of plain scalars too), needs no scan: its lines nest no
  // deeper than its nodes, a quarter of MAX_SCAN_DEPTH (a test holds this). The scan, a pass over every character,
  // runs for every other text, before the library parses it, as it did before the reader.
  const fast = readFastYaml(text);
  const depth = fast ? fastDepth(fast.root, 0) : undefined;
  if (depth === undefined || depth > MAX_DEPTH || !fewBrackets(text)) {
    const deep = scanNesting(text);
    if (deep) {
      const before = text.slice(0, deep.offset);
      const line = before.split("\n").length;
      return { facts: { ...none, nestingAt: { line, col: deep.offset - before.lastIndexOf("\n") } } };
    }
  }
  if (fast && depth !== undefined) {
    const source = new SourceFile(file, absPath, { fast });
    const root = { kind: "mapping" as const, pos: source.positionOfOffset(fast.root.offset) };
    return { facts: { file, yamlErrors: [], yamlWarnings: [], root: { ...root, depth } }, source };
  }
  const { doc, lines } = parseYamlDocument(text);
  const source = new SourceFile(file, absPath, { doc, lines });
  const problem = (p: (typeof doc.errors)[number] | (typeof doc.warnings)[number]): YamlProblem => ({
    code: p.code,
    message: p.message,
    pos: p.linePos?.[0] ? { line: p.linePos[0].line, col: p.linePos[0].col } : source.positionOfOffset(p.pos[0]),
  });
  const yamlErrors = doc.errors.map(problem);
  const yamlWarnings = doc.warnings.map(problem);
  const facts: SpecFileFacts = { file, yamlErrors, yamlWarnings };
  if (yamlErrors.length > 0 || yamlWarnings.length > 0) return { facts, source };
  return { facts: { ...facts, root: rootOf(doc, source) }, source };
}

/** The yaml library's reading of a spec (YAML 1.2, strict, unique keys), with its line counter. */
export function parseYamlDocument(text: string): { doc: Document.Parsed; lines: LineCounter } {
  const { LineCounter, parseDocument } = yamlLib();
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    version: "1.2",
  });
  return { doc, lines };
}

/** The text holds at most MAX_SCAN_DEPTH opening brackets (`[`, `{`), counted by searches, not per character. */
function fewBrackets(text: string): boolean {
  let n = 0;
  for (const open of ["[", "{"])
    for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) if (++n > MAX_SCAN_DEPTH) return false;
  return true;
}

/** nodeDepth over the fast reader's tree. */
function fastDepth(node: FastNode, depth: number): number {
  if (depth > MAX_DEPTH) return depth;
  if (typeof node === "number") return depth;
  let max = depth + 1;
  const children = node.kind === "map" ? node.pairs.length : node.items.length;
  for (let i = 0; i < children && max <= MAX_DEPTH; i++) {
    const child = node.kind === "map" ? node.pairs[i].value : node.items[i];
    max = Math.max(max, fastDepth(child, depth + 1));
  }
  return max;
}

function rootOf(doc: Document.Parsed, source: SourceFile): NonNullable<SpecFileFacts["root"]> {
  const { isMap, isScalar, isSeq } = yamlLib();
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { kind: "empty", pos: { line: 1, col: 1 } };
  const pos = source.positionOfOffset(root.range?.[0] ?? 0);
  if (isMap(root)) return { kind: "mapping", pos, depth: nodeDepth(root, 0) };
  return { kind: isSeq(root) ? "list" : "scalar", pos };
}

/**
 * Nesting the raw text shows before parsing, coarser than MAX_DEPTH (plain
 * scalars may hold brackets): the YAML parser recurses per level, and about
 * 1 MiB of `[` took seconds, hundreds of MB and finally aborted node with an
 * out-of-memory error. Linear, no allocation per character.
 */
export function scanNesting(text: string): { offset: number } | undefined {
  // character codes, not one-character strings: this reads every character of every spec
  const NL = 10;
  const SPACE = 32;
  let flow = 0;
  let quote = 0;
  let comment = false;
  let lineStart = true;
  const indents: number[] = [];
  const at = (j: number) => text.charCodeAt(j); // NaN past the end, like text[j] was undefined
  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (c === NL) {
      comment = false;
      lineStart = true;
      continue;
    }
    if (comment) continue;
    if (quote !== 0) {
      if (quote === 34 && c === 92)
        i++; // a backslash in double quotes escapes the next character
      else if (c === quote) quote = 0;
      continue;
    }
    if (lineStart && flow === 0) {
      // block structure: indentation levels plus list/key indicators piled on the line
      let j = i;
      while (at(j) === SPACE) j++;
      const indent = j - i;
      let piled = 0;
      // `-`, `?` or `:` followed by a space or a tab
      while ((at(j) === 45 || at(j) === 63 || at(j) === 58) && (at(j + 1) === SPACE || at(j + 1) === 9)) {
        piled++;
        j += 2;
        while (at(j) === SPACE) j++;
      }
      if (at(j) !== NL && at(j) !== 35 && j < text.length) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        if (indents.length + piled > MAX_SCAN_DEPTH) return { offset: j };
      }
      lineStart = false;
      i = j - 1;
      continue;
    }
    lineStart = false;
    if (c === 35 && (i === 0 || /\s/.test(text[i - 1]))) comment = true;
    else if ((c === 34 || c === 39) && (i === 0 || /[\s[{,:]/.test(text[i - 1])))
      quote = c; // a quote opens a scalar, not inside `don't`
    else if (c === 91 || c === 123) {
      if (++flow > MAX_SCAN_DEPTH) return { offset: i };
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return undefined;
}

/** Converts the parsed document to plain data, bounding alias expansion. */
export function toData(source: SourceFile): { data?: unknown; diagnostics: Diagnostic[] } {
  // the fast reader's data: built while reading, no alias to expand
  if (source.doc === undefined) return { data: source.fastData, diagnostics: [] };
  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const facts: SpecFileFacts = {
      file: source.file,
      yamlErrors: [],
      yamlWarnings: [],
      aliasError: (e as Error).message,
    };
    return { diagnostics: runRules(LOAD_RULES, { files: [facts] }) };
  }
  return { data, diagnostics: [] };
}

function nodeDepth(node: unknown, depth: number): number {
  const { isMap, isPair, isSeq } = yamlLib();
  if (depth > MAX_DEPTH) return depth;
  if (isMap(node) || isSeq(node)) {
    let max = depth + 1;
    for (const item of node.items as unknown[]) {
      const child = isPair(item) ? item.value : item;
      max = Math.max(max, nodeDepth(child, depth + 1));
      if (max > MAX_DEPTH) break;
    }
    return max;
  }
  return depth;
}

function firstInvalidUtf8(bytes: Buffer): number {
  // Binary search the longest prefix that decodes.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
