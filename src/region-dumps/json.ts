/**
 * Strict JSON (RFC 8259) with the position of any value, so that problems in a
 * region dump or an inventory can name a line and column. The value is
 * JSON.parse's ("__proto__" a key like any other); jsonc-parser (comments and
 * trailing commas refused) says in words where a document stops being JSON, and
 * finds the positions asked for. This module adds what a reader needs around
 * them: a nesting limit checked before parsing (jsonc-parser recurses per level
 * and would overflow the stack), and errors as words with a line and column.
 */
import type { Node, ParseError } from "jsonc-parser";

/** jsonc-parser, loaded when a dump is read (most runs have none). */
function jsonc(): typeof import("jsonc-parser") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("jsonc-parser") as typeof import("jsonc-parser");
}
import type { Position } from "../diagnostics";

/** Deepest nesting accepted in a dump (describe-vpc-endpoint-services output nests 4 levels). */
export const MAX_JSON_DEPTH = 64;

/** Where each value starts, by JSON Pointer (`""` is the root, `/ServiceDetails/3/ServiceName`). */
export interface JsonPositions {
  get(pointer: string): Position | undefined;
}

export type ParsedJson =
  | { readonly value: unknown; readonly positions: JsonPositions }
  | { readonly error: { readonly message: string; readonly pos: Position } };

/** Offset -> 1-based line and column (UTF-16 code units); the lines are found at the first call. */
function positionsOf(text: string): (offset: number) => Position {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - lineStarts[lo] + 1 };
  };
}

/** The offset of the first bracket that opens more than MAX_JSON_DEPTH + 1 containers; linear, strings skipped. */
function tooDeepAt(text: string): number | undefined {
  let open = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      // the root is level 0: values below MAX_JSON_DEPTH containers are accepted
      if (++open > MAX_JSON_DEPTH + 1) return i;
    } else if (c === 93 || c === 125) open--;
  }
  return undefined;
}

function describe(text: string, offset: number): string {
  return offset >= text.length ? "end of file" : JSON.stringify(text[offset]);
}

/** jsonc-parser's error codes in words. */
function explain(text: string, e: ParseError): string {
  const found = describe(text, e.offset);
  // by name: the enum is a const enum, which isolated modules cannot read
  switch (jsonc().printParseErrorCode(e.error)) {
    case "PropertyNameExpected":
      return `expected a property name but found ${found}`;
    case "ColonExpected":
      return `expected ":" but found ${found}`;
    case "CommaExpected":
      return `expected "," but found ${found}`;
    case "CloseBraceExpected":
      return `expected "," or "}" but found ${found}`;
    case "CloseBracketExpected":
      return `expected "," or "]" but found ${found}`;
    case "EndOfFileExpected":
      return `unexpected ${found} after the JSON value`;
    case "InvalidCommentToken":
    case "UnexpectedEndOfComment":
      return "a comment (JSON has none)";
    case "UnexpectedEndOfString":
      return "unterminated string";
    case "InvalidNumberFormat":
    case "UnexpectedEndOfNumber":
      return "invalid number";
    case "InvalidUnicode":
      return "invalid \\u escape";
    case "InvalidEscapeCharacter":
      return "invalid escape in string";
    case "InvalidCharacter":
      return "control character in string";
    default:
      return `unexpected ${found}`;
  }
}

export function parseJsonWithPositions(text: string): ParsedJson {
  // A BOM is not JSON but editors write one; positions are counted without it.
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const at = positionsOf(src);
  const fail = (message: string, offset: number): ParsedJson => {
    const pos = at(offset);
    return { error: { message: `${message} at line ${pos.line}, column ${pos.col}`, pos } };
  };
  const deep = tooDeepAt(src);
  if (deep !== undefined) return fail(`the document nests more than ${MAX_JSON_DEPTH} levels deep`, deep);
  // JSON.parse reads RFC 8259 JSON, as jsonc-parser without comments and trailing commas does (a test holds them
  // to the same documents), in a tenth of the time of jsonc-parser's tree (an inventory of 20,000 endpoints is
  // 17 MB); jsonc-parser says in words why a document is refused
  try {
    const value: unknown = JSON.parse(src);
    return { value, positions: lazyPositions({ src, at }) };
  } catch {
    const errors: ParseError[] = [];
    const root = treeOf(src, errors);
    const first = errors[0];
    // JSON.parse and jsonc-parser refuse the same documents (a test holds them to it): worded alike if they did not
    if (!first) return fail("not JSON", 0);
    // anything after a complete value, whatever token it starts (jsonc-parser calls "x" an invalid symbol)
    if (root && first.offset >= root.offset + root.length)
      return fail(`unexpected ${describe(src, first.offset)} after the JSON value`, first.offset);
    return fail(explain(src, first), first.offset);
  }
}

function treeOf(src: string, errors: ParseError[]): Node | undefined {
  return jsonc().parseTree(src, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
}

/** Values at most this deep (the root is 0) have their position from one scan: a reader's entries are at 2. */
const SHALLOW = 2;

/**
 * Positions found when first asked: those of the values at most SHALLOW deep from one pass of jsonc-parser's
 * scanner (no tree), deeper ones from the tree, built at the first such question (a bad entry's fields).
 */
function lazyPositions(opts: { src: string; at: (offset: number) => Position }): JsonPositions {
  const { src, at } = opts;
  let shallow: Map<string, number> | undefined;
  let root: Node | undefined;
  return {
    get(pointer) {
      if (pointer.split("/").length - 1 <= SHALLOW) {
        const offset = (shallow ??= shallowOffsets(src)).get(pointer);
        return offset === undefined ? undefined : at(offset);
      }
      root ??= treeOf(src, []);
      return root ? positionOf({ root, pointer, at }) : undefined;
    },
  };
}

/** The offsets of the values at most SHALLOW deep, by pointer (a key given twice: its last value's). */
function shallowOffsets(src: string): Map<string, number> {
  const offsets = new Map<string, number>();
  const stack: Array<{ pointer: string; array: boolean; next: number; key: string }> = [];
  // a value starts: its pointer and its offset, recorded when shallow; deeper, only its place in an array counts
  const begin = (offset: number): string => {
    const depth = stack.length;
    const parent = stack[depth - 1];
    if (depth > SHALLOW) {
      if (parent.array) parent.next++;
      return "";
    }
    const pointer = !parent ? "" : `${parent.pointer}/${parent.array ? parent.next++ : pointerToken(parent.key)}`;
    offsets.set(pointer, offset);
    return pointer;
  };
  const open = (array: boolean) => (offset: number) => {
    stack.push({ pointer: begin(offset), array, next: 0, key: "" });
  };
  jsonc().visit(
    src,
    {
      onObjectBegin: open(false),
      onArrayBegin: open(true),
      onObjectEnd: () => void stack.pop(),
      onArrayEnd: () => void stack.pop(),
      onObjectProperty: (name) => {
        stack[stack.length - 1].key = name;
      },
      onLiteralValue: (_value, offset) => void begin(offset),
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return offsets;
}

function pointerToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Where the value at `pointer` starts, found by walking the tree when asked: a reader asks for its entries and the
 * fields of bad ones, where a table of every value's position held a string and an object per value. A key given
 * twice points at its last value, the one the document's value holds (jsonc-parser's findNodeAtLocation takes the
 * first, so it is not used).
 */
function positionOf(opts: { root: Node; pointer: string; at: (offset: number) => Position }): Position | undefined {
  let node: Node | undefined = opts.root;
  if (opts.pointer !== "")
    for (const raw of opts.pointer.slice(1).split("/")) {
      const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      if (node.type === "object") {
        const props: Node[] = node.children ?? [];
        let found: Node | undefined;
        for (const prop of props) if (prop.children?.[0]?.value === token) found = prop.children[1];
        node = found;
      } else if (node.type === "array" && /^(0|[1-9]\d*)$/.test(token)) node = node.children?.[Number(token)];
      else node = undefined;
      if (!node) return undefined;
    }
  return opts.at(node.offset);
}
