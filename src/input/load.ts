/**
 * Loading: find the spec files, read them as UTF-8, parse YAML with positions.
 * Never throws for a user error: every problem becomes a diagnostic.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from "yaml";
import { diag, type Diagnostic, type Position } from "../diagnostics";

/** Files larger than this are refused before parsing (a spec is a few KiB). */
export const MAX_SPEC_BYTES = 1024 * 1024;
/** Aliases a document may expand (YAML alias bombs). */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting accepted (the format needs 6). */
export const MAX_DEPTH = 32;

export type PathSegment = string | number;

/** A parsed YAML file with the means to point into it. */
export class SourceFile {
  constructor(
    /** Path as shown to the user. */
    readonly file: string,
    /** Absolute path, to resolve relative references (policy files). */
    readonly absPath: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  positionOfOffset(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, col };
  }

  /**
   * Position of the value at `segments` (or of its key, for `key: true`).
   * Falls back to the deepest existing ancestor, so a missing field points at its parent.
   */
  positionOf(segments: readonly PathSegment[], opts: { key?: boolean } = {}): Position {
    let node: unknown = this.doc.contents;
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
}

export interface LoadResult {
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Every `*.yaml` / `*.yml` below `dir`, recursively, sorted by path. */
export function findSpecFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if ((entry.isFile() || entry.isSymbolicLink()) && /\.ya?ml$/i.test(entry.name)) out.push(full);
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

export function loadSpecDir(dir: string): LoadResult {
  const shown = displayPath(dir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    return {
      sources: [],
      diagnostics: [
        diag({
          code: "SPECS_DIR_MISSING",
          file: shown,
          message: `the specs folder "${shown}" does not exist.`,
          hint: "Point --specs or VPCE_SPECS at the folder that holds your *.yaml specs.",
        }),
      ],
    };
  }
  if (!stat.isDirectory()) {
    return {
      sources: [],
      diagnostics: [
        diag({
          code: "SPECS_DIR_MISSING",
          file: shown,
          message: `"${shown}" is not a folder.`,
          hint: "--specs and VPCE_SPECS take a folder of *.yaml specs.",
        }),
      ],
    };
  }
  let files: string[];
  try {
    files = findSpecFiles(dir);
  } catch (e) {
    return {
      sources: [],
      diagnostics: [
        diag({
          code: "FILE_UNREADABLE",
          file: shown,
          message: `cannot list the specs folder: ${(e as Error).message}`,
        }),
      ],
    };
  }
  if (files.length === 0) {
    return {
      sources: [],
      diagnostics: [
        diag({
          code: "NO_SPECS",
          file: shown,
          message: `no *.yaml or *.yml spec in "${shown}".`,
          hint: "Add a spec (see README, 'Spec reference') or point --specs at another folder.",
        }),
      ],
    };
  }
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const r = loadSpecFile(f);
    if (r.source) sources.push(r.source);
    diagnostics.push(...r.diagnostics);
  }
  return { sources, diagnostics };
}

export function loadSpecFile(absPath: string): { source?: SourceFile; diagnostics: Diagnostic[] } {
  const file = displayPath(absPath);
  let bytes: Buffer;
  try {
    const size = fs.statSync(absPath).size;
    if (size > MAX_SPEC_BYTES) {
      return {
        diagnostics: [
          diag({
            code: "FILE_TOO_LARGE",
            file,
            message: `the file is ${size} bytes; specs are limited to ${MAX_SPEC_BYTES} bytes.`,
            hint: "Split the spec into several files (one stack each).",
          }),
        ],
      };
    }
    bytes = fs.readFileSync(absPath);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return {
      diagnostics: [
        diag({
          code: "FILE_UNREADABLE",
          file,
          message: `cannot read the file (${err.code ?? err.message}).`,
          hint: "Check the file's permissions.",
        }),
      ],
    };
  }
  return parseSpecText(bytes, file, absPath);
}

/** Parses bytes as a UTF-8 YAML spec. Exposed for tests. */
export function parseSpecText(
  bytes: Buffer,
  file: string,
  absPath: string,
): { source?: SourceFile; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, bad).toString("utf8");
    const line = before.split("\n").length;
    const col = before.length - before.lastIndexOf("\n");
    return {
      diagnostics: [
        diag({
          code: "FILE_NOT_UTF8",
          file,
          pos: { line, col },
          message: `byte 0x${bytes[bad]?.toString(16).padStart(2, "0")} at offset ${bad} is not valid UTF-8.`,
          hint: "Save the spec as UTF-8.",
        }),
      ],
    };
  }
  const lines = new LineCounter();
  const deep = scanNesting(text);
  if (deep) {
    const before = text.slice(0, deep.offset);
    const line = before.split("\n").length;
    return {
      diagnostics: [
        diag({
          code: "YAML_SYNTAX",
          file,
          pos: { line, col: deep.offset - before.lastIndexOf("\n") },
          message: `the document nests more than ${MAX_SCAN_DEPTH} levels deep here; specs need at most ${MAX_DEPTH}.`,
          hint: "Check for unbalanced [ or { brackets, or list items (- ) piled on one line.",
        }),
      ],
    };
  }
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    version: "1.2",
  });
  const source = new SourceFile(file, absPath, doc, lines);
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ? { line: e.linePos[0].line, col: e.linePos[0].col } : source.positionOfOffset(e.pos[0]);
    const code = e.code === "DUPLICATE_KEY" ? "YAML_DUPLICATE_KEY" : "YAML_SYNTAX";
    diagnostics.push(
      diag({
        code,
        file,
        pos,
        ...explainYamlError(firstLine(e.message)),
        ...(code === "YAML_DUPLICATE_KEY"
          ? { hint: "Each key may appear once in a mapping; remove or merge the repeated one." }
          : {}),
      }),
    );
  }
  // The parser only warns about tags and directives it cannot resolve (`!custom`, `!!js/function`,
  // `!!float` outside YAML 1.2, `%FOO`) and then reads the value as a plain string: a spec must not
  // mean something other than what it says, so these are errors.
  for (const w of doc.warnings) {
    const pos = w.linePos?.[0] ? { line: w.linePos[0].line, col: w.linePos[0].col } : source.positionOfOffset(w.pos[0]);
    diagnostics.push(
      diag({
        code: "YAML_SYNTAX",
        file,
        pos,
        message: `${firstLine(w.message)}.`,
        hint:
          w.code === "TAG_RESOLVE_FAILED"
            ? "Specs use plain YAML 1.2 values: remove the tag (quote the value if it must stay a string)."
            : "Remove the directive: specs are plain YAML 1.2.",
      }),
    );
  }
  if (diagnostics.length > 0) return { diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return {
      diagnostics: [
        diag({
          code: "EMPTY_SPEC",
          file,
          pos: { line: 1, col: 1 },
          message: "the file is empty.",
          hint: "A spec needs at least version, region and vpcs; remove the file if it is not a spec.",
        }),
      ],
    };
  }
  if (!isMap(doc.contents)) {
    const kind = isSeq(doc.contents) ? "a list" : "a scalar value";
    return {
      diagnostics: [
        diag({
          code: "NOT_A_MAPPING",
          file,
          pos: source.positionOfOffset(doc.contents.range?.[0] ?? 0),
          message: `the spec is ${kind}; a spec is a mapping with version, region and vpcs.`,
        }),
      ],
    };
  }
  const depth = nodeDepth(doc.contents, 0);
  if (depth > MAX_DEPTH) {
    return {
      diagnostics: [
        diag({
          code: "YAML_SYNTAX",
          file,
          pos: { line: 1, col: 1 },
          message: `the document nests ${depth} levels deep; specs need at most ${MAX_DEPTH}.`,
        }),
      ],
    };
  }
  return { source, diagnostics };
}

/**
 * Nesting the raw text shows before parsing, coarser than MAX_DEPTH (plain
 * scalars may hold brackets): the YAML parser recurses per level, and about
 * 1 MiB of `[` took seconds, hundreds of MB and finally aborted node with an
 * out-of-memory error. Linear, no allocation per character.
 */
export const MAX_SCAN_DEPTH = 128;

export function scanNesting(text: string): { offset: number } | undefined {
  let flow = 0;
  let quote: string | undefined;
  let comment = false;
  let lineStart = true;
  const indents: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      comment = false;
      lineStart = true;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (quote === '"' && c === "\\") i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (lineStart && flow === 0) {
      // block structure: indentation levels plus list/key indicators piled on the line
      let j = i;
      while (text[j] === " ") j++;
      const indent = j - i;
      let piled = 0;
      while ((text[j] === "-" || text[j] === "?" || text[j] === ":") && (text[j + 1] === " " || text[j + 1] === "\t")) {
        piled++;
        j += 2;
        while (text[j] === " ") j++;
      }
      if (text[j] !== "\n" && text[j] !== "#" && j < text.length) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        if (indents.length + piled > MAX_SCAN_DEPTH) return { offset: j };
      }
      lineStart = false;
      i = j - 1;
      continue;
    }
    lineStart = false;
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) comment = true;
    else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1])))
      quote = c; // a quote opens a scalar, not inside `don't`
    else if (c === "[" || c === "{") {
      if (++flow > MAX_SCAN_DEPTH) return { offset: i };
    } else if ((c === "]" || c === "}") && flow > 0) flow--;
  }
  return undefined;
}

/** Converts the parsed document to plain data, bounding alias expansion. */
export function toData(source: SourceFile): { data?: unknown; diagnostics: Diagnostic[] } {
  try {
    return { data: source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics: [] };
  } catch (e) {
    return {
      diagnostics: [
        diag({
          code: "YAML_ALIAS_LIMIT",
          file: source.file,
          pos: { line: 1, col: 1 },
          message: `${firstLine((e as Error).message)}.`,
          hint: `Aliases may expand to at most ${MAX_ALIAS_COUNT} nodes; write the values out.`,
        }),
      ],
    };
  }
}

function nodeDepth(node: unknown, depth: number): number {
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

/** Messages of the YAML parser that name its API or its internals, in the user's words. */
function explainYamlError(message: string): { message: string; hint?: string } {
  if (/multiple documents/i.test(message)) {
    return {
      message: "the file holds more than one YAML document (a line with ---); a spec is one document.",
      hint: "Put each spec in a file of its own (one file, one stack).",
    };
  }
  if (/call stack|too much recursion/i.test(message)) {
    return {
      message: `the document nests too deeply to read (specs need at most ${MAX_DEPTH} levels).`,
      hint: "Check for unbalanced [ or { brackets.",
    };
  }
  return { message };
}

function firstLine(s: string): string {
  return s.split("\n")[0].trim();
}
