/**
 * A fast reader for the plain YAML specs are written in: block mappings and sequences by indentation, plain and
 * quoted scalars, one-line flow lists and mappings of scalars, comments. It returns what the `yaml` library
 * would (the same data, the same node offsets) or `undefined` for anything else, which then goes to the `yaml`
 * library: anchors, aliases, tags, block scalars, multi-line scalars, escapes, empty values, documents markers,
 * tabs, CRLF, keys that are not plain strings, duplicate keys, any number that is not a plain decimal. So every
 * YAML error and warning still comes from the library, and a file it reads here is one it reads without either.
 *
 * Why: the library (a full YAML 1.2 parser with a concrete syntax tree) took ~2 ms per 7 KB spec and ~200 ms
 * cold for the first files, the largest part of `vpce validate` and of a small synth. Checked against the
 * library on every example, fixture and generated spec (__tests__/input/fast-yaml.test.ts).
 */

/**
 * A node with where it starts (what the library calls `range[0]`). A scalar is its offset alone: its value is in the
 * data, and a spec has hundreds of thousands of scalars (an object each was a tenth of the reader's time and memory).
 */
export type FastNode =
  | { readonly kind: "map"; readonly offset: number; readonly pairs: readonly FastPair[] }
  | { readonly kind: "seq"; readonly offset: number; readonly items: readonly FastNode[] }
  | number;

/** Where a node starts. */
export function offsetOf(node: FastNode): number {
  return typeof node === "number" ? node : node.offset;
}

export interface FastPair {
  readonly key: string;
  readonly keyOffset: number;
  readonly value: FastNode;
}

export interface FastDocument {
  /** The root mapping (a spec is one; any other root goes to the library). */
  readonly root: Extract<FastNode, { readonly kind: "map" }>;
  /** The document as plain data, as the library's toJS gives it. */
  readonly data: Record<string, unknown>;
  /** Where each line of the text starts (every line, blank ones too): positions are searched in it. */
  readonly lineStarts: Int32Array;
}

/**
 * The deepest block nesting the reader follows (specs need MAX_DEPTH, 32): deeper documents are the library's, which
 * load.ts scans for nesting first. Reading stays a few hundred stack frames deep at most.
 */
export const MAX_READ_DEPTH = 64;

/** Thrown inside the reader: the text is outside what it reads, the library takes it. */
class Outside extends Error {}
const outside = (): never => {
  throw new Outside();
};

/**
 * The lines with content, as three columns (typed arrays, no object per line): the column of the first character
 * of the content (`indent`), the offset of the content (`start`; moved past `- ` when a sequence item's content is
 * read as a node) and the offset of the end of the line (`end`: the `\n` or the text's end).
 */
interface Lines {
  count: number;
  indent: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Where every line starts, blank and comment lines too, and how many there are. */
  lineStarts: Int32Array;
  lineCount: number;
}

/**
 * The columns of the text being read, one set for every read (a read is never interrupted by another): arrays made
 * per file were a tenth of reading one, and the file's lines had to be counted first to size them.
 */
const scratchLines: Lines = {
  count: 0,
  indent: new Int32Array(1024),
  start: new Int32Array(1024),
  end: new Int32Array(1024),
  lineStarts: new Int32Array(1024),
  lineCount: 0,
};

/** A column twice as long, its values kept (a file with more lines than the columns hold). */
function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Anything the reader leaves to the library, found by one scan before reading. */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\u2028\u2029&*!|>%@`\\]/;

export function readFastYaml(text: string): FastDocument | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  const lines = scratchLines;
  lines.count = 0;
  lines.lineCount = 0;
  let pos = 0;
  while (pos <= text.length) {
    if (lines.lineCount === lines.lineStarts.length) lines.lineStarts = grown(lines.lineStarts);
    lines.lineStarts[lines.lineCount++] = pos;
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 32) i++;
    // blank and comment-only lines say nothing (at any indentation)
    if (i < end && text.charCodeAt(i) !== 35) {
      // document markers and directives are the library's
      if (i === pos && (text.startsWith("---", i) || text.startsWith("...", i))) return undefined;
      if (lines.count === lines.indent.length) {
        lines.indent = grown(lines.indent);
        lines.start = grown(lines.start);
        lines.end = grown(lines.end);
      }
      lines.indent[lines.count] = i - pos;
      lines.start[lines.count] = i;
      lines.end[lines.count] = end;
      lines.count++;
    }
    pos = end + 1;
  }
  if (lines.count === 0 || lines.indent[0] !== 0) return undefined;
  try {
    const reader = new Reader(text, lines);
    const root = reader.node(0);
    if (typeof root === "number" || root.kind !== "map" || reader.next < lines.count) return undefined;
    return {
      root,
      data: reader.data as Record<string, unknown>,
      lineStarts: lines.lineStarts.slice(0, lines.lineCount),
    };
  } catch (e) {
    if (e instanceof Outside) return undefined;
    throw e;
  }
}

/** Keys the reader takes: plain strings (no indicator first, no spaces, nothing the core schema makes a non-string). */
const KEY = /^[A-Za-z_$/][A-Za-z0-9_.$/:-]*$/;
/** Plain scalars that the core schema might read as something else than a string; the reader takes only a few. */
const MAYBE_NOT_STRING = /^(?:[-+.~0-9]|(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$)/;
const PLAIN_FIRST_REFUSED = new Set([..."-?:,[]{}#&*!|>'\"%@`<="]);

class Reader {
  next = 0;
  /** Block nodes open now (node() calls): past MAX_READ_DEPTH the text is the library's. */
  private depth = 0;
  /**
   * The plain data of the node the last read returned (what the library's toJS gives): each read returns the node
   * and leaves its data here, so no pair of the two is allocated per node.
   */
  data: unknown = undefined;
  constructor(
    private readonly text: string,
    private readonly lines: Lines,
  ) {}

  /** The block node starting at the next line, whose indentation must be `indent`. */
  node(indent: number): FastNode {
    const n = this.next;
    if (n >= this.lines.count || this.lines.indent[n] !== indent || this.depth === MAX_READ_DEPTH) outside();
    // (an outside() below ends the whole read: the count needs no unwinding then)
    this.depth++;
    const node = this.isSeqItem(n) ? this.seq(indent) : this.map(indent);
    this.depth--;
    return node;
  }

  /** Line `n` is a sequence item (`- ...` or a lone `-`). */
  private isSeqItem(n: number): boolean {
    const start = this.lines.start[n];
    return (
      this.text.charCodeAt(start) === 45 && (start + 1 === this.lines.end[n] || this.text.charCodeAt(start + 1) === 32)
    );
  }

  private map(indent: number): FastNode {
    const { lines, text } = this;
    const pairs: FastPair[] = [];
    const data: Record<string, unknown> = {};
    const offset = lines.start[this.next];
    while (this.next < lines.count) {
      const n = this.next;
      if (lines.indent[n] < indent) break;
      if (lines.indent[n] > indent || this.isSeqItem(n)) outside();
      const start = lines.start[n];
      const end = lines.end[n];
      const colon = keyEnd(text, start, end);
      const key = text.slice(start, colon);
      if (!KEY.test(key) || key.length > 1000 || MAYBE_NOT_STRING.test(key) || key === "__proto__") outside();
      if (Object.prototype.hasOwnProperty.call(data, key)) outside(); // a duplicate: the library's error
      let v = colon + 1;
      while (v < end && text.charCodeAt(v) === 32) v++;
      this.next++;
      let value: FastNode;
      if (v === end || text.charCodeAt(v) === 35) {
        // the value is the block below: deeper, or a sequence at the key's own indentation
        const below = this.next;
        if (below >= lines.count) outside();
        if (lines.indent[below] > indent) value = this.node(lines.indent[below]);
        else if (lines.indent[below] === indent && this.isSeqItem(below)) value = this.seq(indent);
        else value = outside();
      } else {
        value = this.inline(v, end);
        this.noContinuation(indent);
      }
      pairs.push({ key, keyOffset: start, value });
      data[key] = this.data;
    }
    this.data = data;
    return { kind: "map", offset, pairs };
  }

  private seq(indent: number): FastNode {
    const { lines, text } = this;
    const items: FastNode[] = [];
    const data: unknown[] = [];
    const offset = lines.start[this.next];
    while (this.next < lines.count) {
      const n = this.next;
      if (lines.indent[n] < indent || (lines.indent[n] === indent && !this.isSeqItem(n))) break;
      if (lines.indent[n] > indent) outside();
      const end = lines.end[n];
      let c = lines.start[n] + 1;
      while (c < end && text.charCodeAt(c) === 32) c++;
      if (c === end || text.charCodeAt(c) === 35) outside(); // an empty item or a nested block below: rare
      let item: FastNode;
      if (this.isInlineNode(c, end)) {
        this.next++;
        item = this.inline(c, end);
        this.noContinuation(indent);
      } else {
        // `- key: value` or `- - x`: the item is a block node whose first line starts after the dash
        const column = c - (lines.start[n] - lines.indent[n]);
        lines.indent[n] = column;
        lines.start[n] = c;
        item = this.node(column);
      }
      items.push(item);
      data.push(this.data);
    }
    this.data = data;
    return { kind: "seq", offset, items };
  }

  /** The content at `c` is one inline value (a scalar or a flow collection), not a key or a nested item. */
  private isInlineNode(c: number, end: number): boolean {
    const ch = this.text[c];
    if (ch === "[" || ch === "{" || ch === "'" || ch === '"') return true;
    if (ch === "-" && (c + 1 === end || this.text[c + 1] === " ")) return false;
    return keyEndOrNone(this.text, c, end) === undefined;
  }

  /** A line after an inline value that is deeper than its key continues the value: the library's. */
  private noContinuation(indent: number): void {
    if (this.next < this.lines.count && this.lines.indent[this.next] > indent) outside();
  }

  /** One scalar or one-line flow collection from `c` to the end of the line (a comment may follow). */
  private inline(c: number, end: number): FastNode {
    const { text } = this;
    const ch = text[c];
    if (ch === "[" || ch === "{") {
      const inLine = text.slice(c, end).indexOf(ch === "[" ? "]" : "}");
      if (inLine < 0) outside();
      const close = c + inLine;
      this.restIsComment(close + 1, end);
      return ch === "[" ? this.flowSeq(c, close) : this.flowMap(c, close);
    }
    if (ch === "'" || ch === '"') {
      const q = this.quoted(c, end);
      this.restIsComment(q.after, end);
      return q.node;
    }
    // one walk of the line (a search to the end of the text would make a file quadratic): the value ends before a
    // comment (` #`) and its trailing spaces; a `:` before a space or the value's end makes it a mapping, the library's
    let last = c;
    for (let i = c; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 32) {
        if (text.charCodeAt(i + 1) === 35) break;
        continue;
      }
      if (ch === 58 && (i + 1 === end || text.charCodeAt(i + 1) === 32)) outside();
      last = i + 1;
    }
    return this.plain(text.slice(c, last), c);
  }

  private restIsComment(from: number, end: number): void {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    if (i < end && !(this.text[i] === "#" && i > from)) outside();
  }

  private quoted(c: number, end: number): { node: FastNode; after: number } {
    const { text } = this;
    const q = text[c];
    let i = c + 1;
    let value = "";
    for (;;) {
      const inLine = text.slice(i, end).indexOf(q);
      if (inLine < 0) outside();
      const close = i + inLine;
      value += text.slice(i, close);
      // '' inside single quotes is one quote; double quotes with escapes are refused before reading
      if (q === "'" && text[close + 1] === "'") {
        value += "'";
        i = close + 2;
        continue;
      }
      this.data = value;
      return { node: c, after: close + 1 };
    }
  }

  /** `[a, b]` on one line: scalars only; an empty entry (`[a,,b]`, `[a,]`) is the library's. */
  private flowSeq(open: number, close: number): FastNode {
    const items: FastNode[] = [];
    const data: unknown[] = [];
    for (const entry of this.flowEntries(open, close)) {
      items.push(this.flowScalar(entry.start, entry.end));
      data.push(this.data);
    }
    this.data = data;
    return { kind: "seq", offset: open, items };
  }

  /** `{ k: v, ... }` on one line: plain keys, scalar values. */
  private flowMap(open: number, close: number): FastNode {
    const pairs: FastPair[] = [];
    const data: Record<string, unknown> = {};
    for (const entry of this.flowEntries(open, close)) {
      const inEntry = this.text.slice(entry.start, entry.end).indexOf(": ");
      if (inEntry < 0) outside();
      const sep = entry.start + inEntry;
      const key = this.text.slice(entry.start, sep);
      if (!KEY.test(key) || MAYBE_NOT_STRING.test(key) || key === "__proto__") outside();
      if (Object.prototype.hasOwnProperty.call(data, key)) outside();
      let v = sep + 1;
      while (v < entry.end && this.text.charCodeAt(v) === 32) v++;
      pairs.push({ key, keyOffset: entry.start, value: this.flowScalar(v, entry.end) });
      data[key] = this.data;
    }
    this.data = data;
    return { kind: "map", offset: open, pairs };
  }

  /** The entries between the brackets, trimmed; `[]` has none. */
  private flowEntries(open: number, close: number): Array<{ start: number; end: number }> {
    const { text } = this;
    const inner = text.slice(open + 1, close);
    // nested collections and comments inside are the library's; a quoted entry holding a comma is split here
    // and then has no closing quote within its entry, so it goes to the library too
    if (/[[\]{}#]/.test(inner)) outside();
    if (inner.trim() === "") return [];
    const out: Array<{ start: number; end: number }> = [];
    let from = open + 1;
    for (const part of inner.split(",")) {
      const lead = part.length - part.trimStart().length;
      const value = part.trim();
      if (value === "") outside();
      out.push({ start: from + lead, end: from + lead + value.length });
      from += part.length + 1;
    }
    return out;
  }

  private flowScalar(start: number, end: number): FastNode {
    const ch = this.text[start];
    if (ch === "'" || ch === '"') {
      const q = this.quoted(start, end);
      if (q.after !== end) outside();
      return q.node;
    }
    const raw = this.text.slice(start, end);
    if (raw.includes(":")) outside();
    return this.plain(raw, start);
  }

  /** A plain scalar as the core schema reads it: strings, plain decimals, booleans and null; else the library's. */
  private plain(raw: string, offset: number): FastNode {
    this.data = plainValue(raw);
    return offset;
  }
}

/** The colon ending the key of a `key: value` line, or the library's when the line has none. */
function keyEnd(text: string, start: number, end: number): number {
  const at = keyEndOrNone(text, start, end);
  return at === undefined ? outside() : at;
}

function keyEndOrNone(text: string, start: number, end: number): number | undefined {
  for (let at = start; at < end; at++)
    if (text.charCodeAt(at) === 58 && (at + 1 === end || text.charCodeAt(at + 1) === 32)) return at;
  return undefined;
}

/** The core schema's number forms (yaml/dist/schema/core: int, intOct, intHex, float, floatExp, floatNaN). */
const CORE_NUMBER = [
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
];

/** The value of a plain scalar as the core schema reads it: strings, plain decimals, booleans and null. */
function plainValue(raw: string): string | number | boolean | null {
  if (raw === "") outside();
  // most values start with a letter that begins no other type (names, ids, services): strings at once
  const first = raw.charCodeAt(0) | 32;
  if (first >= 97 && first <= 122 && first !== 110 && first !== 116 && first !== 102) return raw;
  if (PLAIN_FIRST_REFUSED.has(raw[0])) outside();
  if (!MAYBE_NOT_STRING.test(raw)) return raw;
  if (/^(?:0|[1-9][0-9]{0,14})$/.test(raw)) return Number(raw);
  if (/^(?:[Tt]rue|TRUE)$/.test(raw)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(raw)) return false;
  if (/^(?:~|[Nn]ull|NULL)$/.test(raw)) return null;
  // any other number form of the core schema (signs, floats, octal, hex, .inf, .nan) is the library's
  if (CORE_NUMBER.some((r) => r.test(raw))) outside();
  return raw;
}
