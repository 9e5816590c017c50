/**
 * A strict JSON parser (RFC 8259) that remembers where each value starts, so
 * that problems in a region dump can name a line and column. JSON.parse gives
 * no position for syntax errors on every Node version; this one always does.
 */

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly col: number;
}

/** Deepest nesting accepted in a dump (describe-vpc-endpoint-services output nests 4 levels). */
export const MAX_JSON_DEPTH = 64;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly line: number,
    readonly col: number,
  ) {
    super(`${message} at line ${line}, column ${col}`);
    this.name = "JsonSyntaxError";
  }
}

export interface ParsedJson {
  readonly value: unknown;
  /** Start of each value by JSON Pointer (`""` is the root, `/ServiceDetails/3/ServiceName`). */
  readonly positions: ReadonlyMap<string, Position>;
}

function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function parseJsonWithPositions(text: string): ParsedJson {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = src === text ? 0 : 1;
  const positions = new Map<string, Position>();
  // Line starts, for offset -> line/column.
  const lineStarts: number[] = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const at = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - lineStarts[lo] + 1 };
  };
  let i = 0;
  const error = (message: string, offset = i): never => {
    const p = at(offset);
    throw new JsonSyntaxError(message, offset + shift, p.line, p.col);
  };
  const describe = (offset: number): string =>
    offset >= src.length ? "end of file" : `${JSON.stringify(src[offset])}`;
  const ws = () => {
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const expect = (ch: string) => {
    if (src[i] !== ch) error(`expected ${JSON.stringify(ch)} but found ${describe(i)}`);
    i++;
  };

  const parseString = (): string => {
    const start = i;
    expect('"');
    let out = "";
    let chunk = i;
    for (;;) {
      if (i >= src.length) error("unterminated string", start);
      const c = src.charCodeAt(i);
      if (c === 34) {
        out += src.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) error("control character in string");
      if (c === 92) {
        out += src.slice(chunk, i);
        const e = src[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          "\\": "\\",
          "/": "/",
          b: "\b",
          f: "\f",
          n: "\n",
          r: "\r",
          t: "\t",
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u") {
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) error("invalid \\u escape");
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          error("invalid escape in string");
        }
        chunk = i;
        continue;
      }
      i++;
    }
  };

  const parseValue = (pointer: string, depth: number): unknown => {
    ws();
    // real dumps nest 4 levels; recursion per level would overflow the stack on hostile input
    if (depth > MAX_JSON_DEPTH) error(`the document nests more than ${MAX_JSON_DEPTH} levels deep`);
    positions.set(pointer, at(i));
    const c = src[i];
    if (c === "{") {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (src[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (src[i] !== '"') error(`expected a property name but found ${describe(i)}`);
        const key = parseString();
        ws();
        expect(":");
        // defineProperty: a "__proto__" key is data, never the object's prototype
        Object.defineProperty(obj, key, {
          value: parseValue(`${pointer}/${pointerToken(key)}`, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        ws();
        if (src[i] === ",") {
          i++;
          continue;
        }
        if (src[i] === "}") {
          i++;
          return obj;
        }
        error(`expected "," or "}" but found ${describe(i)}`);
      }
    }
    if (c === "[") {
      i++;
      const arr: unknown[] = [];
      ws();
      if (src[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(`${pointer}/${arr.length}`, depth + 1));
        ws();
        if (src[i] === ",") {
          i++;
          continue;
        }
        if (src[i] === "]") {
          i++;
          return arr;
        }
        error(`expected "," or "]" but found ${describe(i)}`);
      }
    }
    if (c === '"') return parseString();
    const lit = /^(?:true|false|null)/.exec(src.slice(i, i + 5));
    if (lit) {
      i += lit[0].length;
      return lit[0] === "true" ? true : lit[0] === "false" ? false : null;
    }
    const num = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i, i + 64));
    if (num && num[0] !== "-") {
      i += num[0].length;
      return Number(num[0]);
    }
    return error(`unexpected ${describe(i)}`);
  };

  const value = parseValue("", 0);
  ws();
  if (i < src.length) error(`unexpected ${describe(i)} after the JSON value`);
  return { value, positions };
}
