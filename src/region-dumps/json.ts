/**
 * Strict JSON (RFC 8259) with the position of every value, so that problems
 * in a region dump can name a line and column. The parsing is jsonc-parser's
 * (comments and trailing commas refused); this module adds what a dump reader
 * needs around it: a nesting limit checked before parsing (jsonc-parser
 * recurses per level and would overflow the stack), "__proto__" kept as data,
 * and errors as words with a line and column.
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

export type ParsedJson =
  | {
      readonly value: unknown;
      /** Start of each value by JSON Pointer (`""` is the root, `/ServiceDetails/3/ServiceName`). */
      readonly positions: ReadonlyMap<string, Position>;
    }
  | { readonly error: { readonly message: string; readonly pos: Position } };

function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Offset -> 1-based line and column (UTF-16 code units). */
function positionsOf(text: string): (offset: number) => Position {
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset) => {
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
  const errors: ParseError[] = [];
  const root = jsonc().parseTree(src, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    if (!first) return fail(`unexpected ${describe(src, 0)}`, 0);
    // anything after a complete value, whatever token it starts (jsonc-parser calls "x" an invalid symbol)
    if (root && first.offset >= root.offset + root.length)
      return fail(`unexpected ${describe(src, first.offset)} after the JSON value`, first.offset);
    return fail(explain(src, first), first.offset);
  }
  const positions = new Map<string, Position>();
  const valueOf = (node: Node, pointer: string): unknown => {
    positions.set(pointer, at(node.offset));
    if (node.type === "object") {
      const obj: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = String(keyNode.value);
        // defineProperty: a "__proto__" key is data, never the object's prototype
        Object.defineProperty(obj, key, {
          value: valueOf(valueNode, `${pointer}/${pointerToken(key)}`),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return obj;
    }
    if (node.type === "array") return (node.children ?? []).map((child, i) => valueOf(child, `${pointer}/${i}`));
    return node.value;
  };
  return { value: valueOf(root, ""), positions };
}
