/**
 * parseJsonWithPositions (region dumps and inventories): the value is JSON's, and every value's position is where
 * jsonc-parser's own tree puts it, whether it is found by the shallow scan (entries) or from the tree (their
 * fields); a document is refused with jsonc-parser's words.
 */
import fc from "fast-check";
import { findNodeAtLocation, parseTree, type Node, type ParseError } from "jsonc-parser";
import { parseJsonWithPositions } from "../../src/region-dumps/json";

/** Every path to a value of `v`, the root's included. */
function pathsOf(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => pathsOf(x, [...at, i]))];
  if (v && typeof v === "object") return [at, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, k]))];
  return [at];
}

const pointer = (path: Array<string | number>) =>
  path.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

function lineCol(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, col: offset - before.lastIndexOf("\n") };
}

describe("parseJsonWithPositions", () => {
  test("values and positions agree with jsonc-parser's tree at every depth (property, 200 runs)", () => {
    // keys with `/` and `~` (escaped in pointers), nesting past the shallow scan, any indentation
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("a/b", "~0", "VpcEndpoints", "__proto__"));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.boolean()),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const parsed = parseJsonWithPositions(text);
        if (!("value" in parsed)) throw new Error(parsed.error.message);
        expect(parsed.value).toEqual(JSON.parse(text));
        const root = parseTree(text) as Node;
        for (const path of pathsOf(JSON.parse(text))) {
          const node = findNodeAtLocation(root, path) as Node;
          expect(parsed.positions.get(pointer(path))).toEqual(lineCol(text, node.offset));
        }
        expect(parsed.positions.get("/no such key")).toBeUndefined();
      }),
      { numRuns: 200, seed: 1212 },
    );
  });

  test("a key given twice: its last value, at the last value's position (the shallow scan and the tree)", () => {
    const text = '{"a": 1,\n "a": {"b": [5, 6]}}';
    const parsed = parseJsonWithPositions(text);
    if (!("value" in parsed)) throw new Error(parsed.error.message);
    expect(parsed.value).toEqual({ a: { b: [5, 6] } });
    expect(parsed.positions.get("/a")).toEqual({ line: 2, col: 7 });
    expect(parsed.positions.get("/a/b/1")).toEqual({ line: 2, col: 17 });
  });

  test('"__proto__" is a key like any other, never the prototype', () => {
    const parsed = parseJsonWithPositions('{"a": [1, {"__proto__": {"x": 2}}]}');
    if (!("value" in parsed)) throw new Error(parsed.error.message);
    const item = (parsed.value as { a: Array<Record<string, unknown>> }).a[1];
    expect(Object.keys(item)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(parsed.positions.get("/a/1/__proto__")).toEqual({ line: 1, col: 25 });
  });

  test("JSON.parse and jsonc-parser (no comments, no trailing commas) accept the same documents (property)", () => {
    // short texts from JSON's characters and whitespace it has not: what one accepts and the other refuses
    const char = fc.constantFrom(...'{}[]":,.0123456789eE+-tfnrulas\\/ \t\n\r\u000b\u000c\u00a0\u2028\ufeff\u0001');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 12 }).map((cs) => cs.join("")),
        (text) => {
          let json = true;
          try {
            JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
          } catch {
            json = false;
          }
          const errors: ParseError[] = [];
          const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
          parseTree(src, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
          const jsonc = errors.length === 0;
          expect(json).toBe(jsonc);
          // the readers accept what jsonc-parser accepts, whatever reads the value
          expect("value" in parseJsonWithPositions(text)).toBe(jsonc);
        },
      ),
      { numRuns: 3000, seed: 99 },
    );
  });

  test.each([
    ['{"a": 1,}', 'expected a property name but found "}" at line 1, column 9'],
    ['{"a": 1} x', 'unexpected "x" after the JSON value at line 1, column 10'],
    ["", "unexpected end of file at line 1, column 1"],
    ['{"a": 1 // no\n}', "a comment (JSON has none) at line 1, column 9"],
  ])("%j is refused: %s", (text, message) => {
    const parsed = parseJsonWithPositions(text);
    expect("error" in parsed && parsed.error.message).toBe(message);
  });
});
