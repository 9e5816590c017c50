/**
 * The fast reader against the `yaml` library: wherever it reads a text, the library reads it without error or
 * warning, to the same data, and every field (value and key) is at the same line and column. Texts: the examples,
 * the fixtures, generated spec sets, hand-written edge cases, and single-character mutations of the examples.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { MAX_READ_DEPTH, readFastYaml } from "../../src/input/fast-yaml";
import {
  MAX_DEPTH,
  parseSpecText,
  parseYamlDocument as library,
  scanNesting,
  SourceFile,
  type PathSegment,
} from "../../src/input/load";
import { specSetArb } from "../property/arbitraries";
import { BASE, ROOT } from "../helpers";

/** Every path into the data (maps and lists), and one past each list's end and one unknown key per map. */
function paths(data: unknown, at: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [at];
  if (Array.isArray(data)) {
    data.forEach((v, i) => out.push(...paths(v, [...at, i])));
    out.push([...at, data.length]);
  } else if (data !== null && typeof data === "object") {
    for (const [k, v] of Object.entries(data)) out.push(...paths(v, [...at, k]));
    out.push([...at, "no-such-key"]);
  }
  return out;
}

/** Whether the fast reader agrees with the library on `text`; true as well when it leaves the text to the library. */
function agrees(text: string): { read: boolean } {
  const fast = readFastYaml(text);
  if (!fast) return { read: false };
  const lib = library(text);
  expect(lib.doc.errors).toEqual([]);
  expect(lib.doc.warnings).toEqual([]);
  const data = lib.doc.toJS();
  expect(fast.data).toEqual(data);
  const viaLib = new SourceFile("f.yaml", "/f.yaml", lib);
  const viaFast = new SourceFile("f.yaml", "/f.yaml", { fast });
  for (const p of paths(data)) {
    expect({ p, pos: viaFast.positionOf(p) }).toEqual({ p, pos: viaLib.positionOf(p) });
    expect({ p, key: viaFast.positionOf(p, { key: true }) }).toEqual({ p, key: viaLib.positionOf(p, { key: true }) });
  }
  return { read: true };
}

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: false })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => /\.ya?ml$/.test(f) && !f.includes("node_modules"));
}

test("the examples and the fixtures: read, and as the library reads them", () => {
  const files = [...yamlFiles(path.join(ROOT, "specs")), ...yamlFiles(path.join(ROOT, "__tests__"))];
  expect(files.length).toBeGreaterThan(5);
  let read = 0;
  for (const f of files) if (agrees(fs.readFileSync(f, "utf8")).read) read++;
  // the examples are plain YAML: every one of them takes the fast path
  for (const f of yamlFiles(path.join(ROOT, "specs")))
    expect({ f, read: !!readFastYaml(fs.readFileSync(f, "utf8")) }).toEqual({ f, read: true });
  expect(read).toBeGreaterThan(0);
});

test("generated spec sets (as the property tests write them): all read, all as the library reads them", () => {
  const sets = fc.sample(specSetArb, { seed: 7, numRuns: 60 });
  for (const set of sets) for (const f of set.files) expect(agrees(stringify(f.doc)).read).toBe(true);
});

describe("edge cases", () => {
  const read: Array<[string, string]> = [
    ["flow lists and mappings", "a: [x, y.z,  w ]\nb: { k: v, n: 1 }\nc: []\nd: {}\n"],
    ["quoted entries in flow", "a: { k: \"4711\", m: 'x: y' }\nb: ['a', \"b c\"]\n"],
    ["a list at its key's indentation", "a:\n- x\n- y\nb: 1\n"],
    ["nested list items and maps in items", "a:\n  - - x\n    - y\n  - k: v\n    m:\n      - 1\n"],
    ["comments everywhere", "# head\na: b # tail\n  # deep comment\nc:\n  # inside\n  - d # x\n"],
    ["quotes", "a: 'it''s'\nb: \"x y\"\nc: ''\nd: 'a: b # c'\n"],
    ["scalars the core schema types", "a: 0\nb: 12\nc: true\nd: False\ne: null\nf: ~\ng: NULL\n"],
    [
      "strings that look numeric but are not numbers",
      "a: 10.20.0.0/16\nb: 1.2.3\nc: 0123abc\nd: v1.2\ne: 123456789012\n",
    ],
    ["keys with colons and dots", "vpce:owner: a\necr.api: b\na/b: c\n"],
    ["a hash inside a scalar", "a: x#y\nb: http://example.com/#frag\n"],
    ["unicode", "a: é ü 😀\nb: [ä]\n"],
    ["no final newline", "a: b"],
  ];
  test.each(read)("read: %s", (_, text) => {
    expect(agrees(text).read).toBe(true);
  });
  const left: Array<[string, string]> = [
    ["anchors and aliases", "a: &x 1\nb: *x\n"],
    ["tags", "a: !!str 1\n"],
    ["block scalars", "a: |\n  x\n"],
    ["multi-line plain scalars", "a: x\n  y\n"],
    ["escapes", 'a: "x\\ny"\n'],
    ["empty values", "a:\nb: 1\n"],
    ["duplicate keys", "a: 1\na: 2\n"],
    ["tabs", "a:\t1\n"],
    ["CRLF", "a: 1\r\nb: 2\r\n"],
    ["document markers", "---\na: 1\n"],
    ["floats and signed numbers", "a: 1.5\n"],
    ["hex", "a: 0x1F\n"],
    ["octal", "a: 0o17\n"],
    ["a negative number", "a: -1\n"],
    ["inconsistent indentation", "a:\n    b: 1\n  c: 2\n"],
    ["a list root", "- a\n"],
    ["a scalar root", "hello\n"],
    ["an empty file", ""],
    ["a comment-only file", "# x\n"],
    ["a flow list over two lines", "a: [x,\n  y]\n"],
    ["nested flow", "a: [[x]]\n"],
    ["a quoted flow entry holding a comma", "a: ['x, y']\n"],
    ["a trailing comma", "a: [x,]\n"],
    ["a quoted key", '"a": 1\n'],
    ["a key with spaces", "a b: 1\n"],
    ["a value with ': '", "a: b: c\n"],
    ["merge keys", "<<: {a: 1}\n"],
    ["a non-string key", "1: a\n"],
    ["__proto__", "__proto__: 1\n"],
    ["a quote never closed", "a: 'x\n"],
    ["text after a quoted scalar", "a: 'x' y\n"],
    ["an indented first line", "  a: 1\n"],
  ];
  test.each(left)("left to the library: %s", (_, text) => {
    expect(readFastYaml(text)).toBeUndefined();
  });
});

test("single-character mutations of the examples: where read, as the library reads them", () => {
  const texts = [BASE, ...yamlFiles(path.join(ROOT, "specs")).map((f) => fs.readFileSync(f, "utf8"))];
  const chars = [" ", ":", "-", "#", "'", '"', "[", "]", "{", "}", ",", "\n", "0", "a", "."];
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: texts.length - 1 }),
      fc.nat(),
      fc.constantFrom(...chars),
      fc.constantFrom("insert", "replace", "delete"),
      (t, at, ch, how) => {
        const text = texts[t];
        const i = at % (text.length + 1);
        const mutated =
          how === "insert"
            ? text.slice(0, i) + ch + text.slice(i)
            : how === "replace"
              ? text.slice(0, i) + ch + text.slice(i + 1)
              : text.slice(0, i) + text.slice(i + 1);
        const fast = readFastYaml(mutated);
        if (!fast) return;
        const lib = library(mutated);
        // the library may still warn on what it reads; the reader must never read such a text
        expect(lib.doc.errors.length + lib.doc.warnings.length).toBe(0);
        agrees(mutated);
      },
    ),
    { seed: 11, numRuns: 800 },
  );
});

describe("nesting", () => {
  /** `depth` block mappings, each under the one before. */
  const nested = (depth: number) =>
    Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}k${i}:${i === depth - 1 ? " x" : ""}`).join("\n") + "\n";

  test("the reader follows MAX_READ_DEPTH block levels and leaves deeper documents to the library", () => {
    expect(readFastYaml(nested(MAX_READ_DEPTH))).toBeDefined();
    expect(readFastYaml(nested(MAX_READ_DEPTH + 1))).toBeUndefined();
    // piled list indicators nest one level each: refused, not a stack overflow
    expect(readFastYaml(`a:\n${"- ".repeat(100_000)}1\n`)).toBeUndefined();
  });

  // load.ts skips the nesting scan for what the reader reads within MAX_DEPTH: the scan must have found nothing there
  test("a text the reader reads nesting within MAX_DEPTH never trips the nesting scan", () => {
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "large", withCrossShrink: true },
        fc.constantFrom("x", "a b", 1, true),
        fc.array(tie("value"), { minLength: 1, maxLength: 3 }),
        fc.dictionary(fc.constantFrom("a", "b", "key"), tie("value"), { minKeys: 1, maxKeys: 3 }),
      ),
    }));
    const depthOf = (v: unknown): number =>
      v !== null && typeof v === "object" ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("a", "b"), value, { minKeys: 1 }), fc.boolean(), (doc, flow) => {
        const text = stringify(doc, { collectionStyle: flow ? "any" : "block" });
        if (readFastYaml(text) === undefined || 1 + depthOf(Object.values(doc)) > MAX_DEPTH) return;
        expect(scanNesting(text)).toBeUndefined();
      }),
      { seed: 3, numRuns: 400 },
    );
    // at the edge, piled indicators included: MAX_DEPTH levels of lists, one indicator each on one line
    const piled = `a:\n${"- ".repeat(MAX_DEPTH - 1)}x\n`;
    const lists = MAX_DEPTH / 2 - 1;
    const mixed = `a:\n${"- ".repeat(lists)}b:\n${nested(lists).replace(/^/gm, " ".repeat(2 * lists + 2))}`;
    for (const text of [piled, nested(MAX_DEPTH), mixed]) {
      expect(readFastYaml(text)).toBeDefined();
      expect(scanNesting(text)).toBeUndefined();
    }
  });
});

test("files of more lines than the reader's first columns hold (1,024), one after another, as the library", () => {
  const long = (n: number, k: string) => `${k}:\n${Array.from({ length: n }, (_, i) => `  - item${i}`).join("\n")}\n`;
  for (const text of [long(3000, "a"), long(10, "b"), long(5000, "c"), BASE]) expect(agrees(text).read).toBe(true);
});

test("brackets in plain scalars past the nesting scan's count: refused as before the reader skipped the scan", () => {
  const text = `${BASE}tags:\n  note: a${"[".repeat(MAX_DEPTH * 4 + 1)}\n`;
  expect(readFastYaml(text)).toBeDefined();
  expect(scanNesting(text)).toBeDefined();
  const r = parseSpecText({ bytes: Buffer.from(text), file: "a.yaml", absPath: "/tmp/a.yaml" });
  expect(r.diagnostics.map((d) => d.code)).toEqual(["YAML_SYNTAX"]);
});

test("a plain scalar ending in a no-break space keeps it, as the library reads it", () => {
  expect(agrees("a: app\u00a0\nb: x\u3000 # c\n").read).toBe(true);
});
