/** The log readers of `vpce discover` on the fixtures (AWS's documented formats) and on edge cases. */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import fc from "fast-check";
import { expandPaths, isProblem, readLogChunks, readLogFile } from "../../src/discover/files";
import { DEFAULT_FLOW_FIELDS, parseFlowLog, parseFlowLogFormat, type FlowLogResult } from "../../src/discover/flow-log";
import { canonicalAddress, parseResolverLog } from "../../src/discover/resolver-log";
import { tmpDir } from "../helpers";
import { CUSTOM_FLOW_FORMAT, FIXTURES } from "./fixtures";

const RESOLVER = path.join(FIXTURES, "resolver");
const FLOW = path.join(FIXTURES, "flow");

function read(file: string) {
  const t = readLogFile(file);
  if (isProblem(t)) throw new Error(t.message);
  return t;
}

describe("Resolver query logs", () => {
  const file = path.join(RESOLVER, "vpc-queries.log");
  const { records, problems } = parseResolverLog(read(file));

  test("every well-formed line is a record; the malformed ones are reported with file and line", () => {
    expect(records).toHaveLength(14);
    expect(problems).toEqual([
      { file, line: 12, message: "not a JSON object" },
      { file, line: 13, message: '"srcaddr" "10.30.1" is not an IP address' },
    ]);
  });

  test("names lose the root dot; answers keep A and AAAA addresses only; the VPC and time are read", () => {
    const s3 = records.find((r) => r.line === 5)!;
    expect(s3).toMatchObject({
      name: "invoices-2026.s3.eu-central-1.amazonaws.com",
      vpcId: "vpc-0a1b2c3d4e5f60718",
      srcaddr: "10.30.2.20",
      addresses: ["52.219.170.10"],
      time: Date.parse("2026-11-01T10:02:00Z"),
    });
    expect(records.find((r) => r.line === 15)!.addresses).toEqual([]); // PTR answer
  });

  test("IPv6 sources and AAAA answers in canonical form", () => {
    expect(records.find((r) => r.line === 4)).toMatchObject({
      srcaddr: "2001:db8:30:1a00::15",
      addresses: ["2a05:d014:0:100::1"],
    });
    expect(canonicalAddress("2001:DB8:30:1A00:0:0:0:15")).toBe("2001:db8:30:1a00::15");
    expect(canonicalAddress("::ffff:10.30.1.15")).toBe("10.30.1.15");
    expect(canonicalAddress("10.1")).toBeUndefined();
  });

  test("gzip (S3 delivery) and CloudWatch Logs export lines (a timestamp before the object)", () => {
    const r = parseResolverLog(read(path.join(RESOLVER, "export-000001.gz")));
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.line, x.name, x.srcaddr])).toEqual([
      [1, "sqs.eu-central-1.amazonaws.com", "10.30.1.15"],
      [2, "secretsmanager.eu-central-1.amazonaws.com", "10.30.1.16"],
    ]);
  });

  test("aws logs filter-log-events output: the events' messages, numbered by event", () => {
    const file = path.join(FIXTURES, "cloudwatch", "filter-log-events.json");
    const text = read(file);
    expect(text.events).toBe(true);
    const r = parseResolverLog(text);
    expect(r.records.map((x) => [x.line, x.name, x.srcaddr])).toEqual([
      [1, "sqs.eu-central-1.amazonaws.com", "10.30.2.21"],
      [3, "logs.eu-central-1.amazonaws.com", "10.30.2.21"],
    ]);
    expect(r.problems).toEqual([{ file, line: 2, message: "not a JSON object" }]);
  });

  test("a file of query objects, one per line, is never read as one JSON document", () => {
    expect(read(path.join(RESOLVER, "vpc-queries.log")).events).toBeUndefined();
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "one.json"), '{"events": [{"message": "x"}, {"timestamp": 1}]}');
    expect(readLogFile(path.join(dir, "one.json"))).toMatchObject({ lines: ["x", '{"timestamp":1}'], events: true });
  });

  test("close cases: blank lines and CRLF are no problem; an array, a missing name or a bad answer are", () => {
    const ok = JSON.stringify({ query_name: "sts.eu-west-1.amazonaws.com.", srcaddr: "10.0.0.1" });
    const r = parseResolverLog({
      file: "f",
      lines: [
        ok,
        "",
        "   ",
        "[]",
        JSON.stringify({ srcaddr: "10.0.0.1" }),
        JSON.stringify({ query_name: "x", srcaddr: "10.0.0.1", answers: [{ Rdata: "nope", Type: "A" }] }),
        JSON.stringify({ query_name: "x", srcaddr: "10.0.0.1", answers: {} }),
      ],
    });
    expect(r.records.map((x) => x.line)).toEqual([1]);
    expect(r.records[0].vpcId).toBeUndefined();
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [4, "not a JSON object"],
      [5, 'no "query_name" string'],
      [6, 'an A answer\'s "Rdata" "nope" is not an IP address'],
      [7, '"answers" is not a list'],
    ]);
  });
});

describe("VPC Flow Logs", () => {
  const s3File = fs.readdirSync(FLOW).find((f) => f.endsWith(".log.gz"))!;

  test("S3 delivery: gzip, a header line names the fields; NODATA is empty; a short line is malformed", () => {
    const file = path.join(FLOW, s3File);
    const r = parseFlowLog(read(file));
    expect(r.records).toHaveLength(6);
    expect(r.empty).toBe(1);
    expect(r.problems).toEqual([{ file, line: 9, message: "13 fields where the format has 14" }]);
    expect(r.window).toEqual({ start: 1793527200, end: 1793530800 });
    expect(r.records[0]).toEqual({
      srcaddr: "10.30.1.15",
      dstaddr: "3.126.0.11",
      bytes: 2000000,
      start: 1793527200,
      end: 1793527260,
      ports: "40522 443 6",
    });
    expect(r.records.find((x) => x.srcaddr.includes(":"))).toMatchObject({ dstaddr: "2a05:d014:0:100::1" });
  });

  test("CloudWatch Logs events of a custom format: the format from --flow-log-format, vpc-id read", () => {
    const fields = parseFlowLogFormat(CUSTOM_FLOW_FORMAT);
    if ("error" in fields) throw new Error(fields.error);
    const file = path.join(FLOW, "cloudwatch-custom.log");
    const r = parseFlowLog({ ...read(file), fields: fields.fields });
    expect(r.records.map((x) => [x.vpcId, x.srcaddr, x.bytes])).toEqual([
      ["vpc-0f9e8d7c6b5a40312", "10.30.1.15", 3000000],
      ["vpc-0a1b2c3d4e5f60718", "10.30.17.4", 1000000],
    ]);
    expect(r.problems).toEqual([{ file, line: 3, message: 'bytes "not-bytes" is not a whole number' }]);
  });

  test("without the format, the custom file read as the default format: every line malformed", () => {
    const r = parseFlowLog(read(path.join(FLOW, "cloudwatch-custom.log")));
    expect(r.records).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual(Array(3).fill("12 fields where the format has 14"));
  });

  test("the default format is the version 2 fields; a header without bytes skips the file", () => {
    expect(DEFAULT_FLOW_FIELDS).toHaveLength(14);
    const r = parseFlowLog({ file: "f", lines: ["version srcaddr dstaddr", "2 10.0.0.1 10.0.0.2"] });
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([{ file: "f", line: 1, message: "the header names no bytes: the file is skipped" }]);
  });

  test("`-` where an address or the bytes would be, and SKIPDATA, are empty records, not malformed", () => {
    const r = parseFlowLog({
      file: "f",
      lines: [
        "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - SKIPDATA",
        // AWS's "accepted traffic" example record
        "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 " +
          "1418530010 1418530070 ACCEPT OK",
      ],
    });
    expect(r.empty).toBe(1);
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.window).toEqual({ start: 1418530010, end: 1431280934 });
  });

  test("--flow-log-format: ${field} tokens of known fields, with srcaddr, dstaddr and bytes", () => {
    expect(parseFlowLogFormat("${srcaddr} ${dstaddr} ${bytes}")).toEqual({ fields: ["srcaddr", "dstaddr", "bytes"] });
    expect(parseFlowLogFormat("${srcaddr} dstaddr ${bytes}")).toEqual({ error: '"dstaddr" is not a ${field} token' });
    expect(parseFlowLogFormat("${srcaddr} ${dst} ${bytes}")).toEqual({ error: '"dst" is not a flow log field' });
    expect(parseFlowLogFormat("${srcaddr} ${dstaddr}")).toEqual({
      error: "the format has no bytes: bytes per address need them",
    });
  });
});

describe("files", () => {
  test("folders expand to their files in order; a missing path is a problem; bad gzip is a problem", () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, "b"));
    fs.writeFileSync(path.join(dir, "b", "2.log"), "x");
    fs.writeFileSync(path.join(dir, "a.log"), "y");
    fs.writeFileSync(path.join(dir, ".hidden"), "z");
    fs.writeFileSync(path.join(dir, "bad.gz"), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    const r = expandPaths([dir, path.join(dir, "missing.log")]);
    expect(r.files.map((f) => path.relative(dir, f))).toEqual(["a.log", "b/2.log", "bad.gz"]);
    expect(r.problems).toEqual([{ file: path.join(dir, "missing.log"), message: "no such file or folder" }]);
    expect(readLogFile(path.join(dir, "bad.gz"))).toMatchObject({
      message: expect.stringMatching(/^not a valid gzip/),
    });
    fs.writeFileSync(path.join(dir, "flows.parquet"), zlib.gzipSync(Buffer.from("PAR1\u0015\u0004PAR1", "latin1")));
    expect(readLogFile(path.join(dir, "flows.parquet"))).toMatchObject({ message: expect.stringMatching(/Parquet/) });
    fs.writeFileSync(path.join(dir, "c.gz"), zlib.gzipSync("one\r\ntwo\n"));
    expect(readLogFile(path.join(dir, "c.gz"))).toEqual({ file: path.join(dir, "c.gz"), lines: ["one", "two", ""] });
  });
});

describe("log files read a part at a time (readLogChunks)", () => {
  /** Every line handed over, with the number it was handed with. */
  function chunked(file: string, chunkBytes: number) {
    const lines: Array<[number, string]> = [];
    const r = readLogChunks({
      file,
      chunkBytes,
      onLines: (part, first) => part.forEach((l, i) => lines.push([first + i, l])),
    });
    if (isProblem(r)) throw new Error(r.message);
    return lines;
  }

  test("any text in parts of any size gives the lines of the whole, numbered alike (property, 300 runs)", () => {
    // line ends (\n, \r\n, a lone \r), characters of 2, 3 and 4 bytes, a BOM, bytes that are no UTF-8, and a
    // first line that looks like filter-log-events output without being JSON; plain or gzip
    const piece = fc.constantFrom("a", "é", "€", "😀", "\n", "\r\n", "\r", "\ufeff", " ", "x\ty", "{", '"events"');
    const dir = tmpDir();
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        (pieces, junk, chunkBytes, gzip) => {
          const bytes = Buffer.concat([Buffer.from(pieces.join("")), Buffer.from(junk)]);
          const file = path.join(dir, "log.txt");
          fs.writeFileSync(file, gzip ? zlib.gzipSync(bytes) : bytes);
          const whole = bytes.toString("utf8").split(/\r?\n/);
          expect(chunked(file, chunkBytes)).toEqual(whole.map((l, i) => [i + 1, l]));
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  test("gzip is read in parts after decompressing, the same lines", () => {
    const file = path.join(RESOLVER, "export-000001.gz");
    const whole = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split(/\r?\n/);
    expect(chunked(file, 7)).toEqual(whole.map((l, i) => [i + 1, l]));
  });

  test("a flow log parsed part by part, its header in the first: the same records and problems as whole", () => {
    const file = path.join(
      FLOW,
      fs.readdirSync(FLOW).find((f) => f.endsWith(".log.gz"))!,
    );
    const whole = parseFlowLog(read(file));
    for (const chunkBytes of [5, 64, 200]) {
      let before: FlowLogResult | undefined;
      const parts: FlowLogResult[] = [];
      readLogChunks({
        file,
        chunkBytes,
        onLines: (lines, firstLine) => {
          before = parseFlowLog({ file, lines, firstLine, ...(before ? { continues: before.format } : {}) });
          parts.push(before);
        },
      });
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.flatMap((p) => p.records)).toEqual(whole.records);
      expect(parts.flatMap((p) => p.problems)).toEqual(whole.problems);
      expect(parts.reduce((n, p) => n + p.empty, 0)).toBe(whole.empty);
      const windows = parts.flatMap((p) => (p.window ? [p.window] : []));
      expect({
        start: Math.min(...windows.map((w) => w.start)),
        end: Math.max(...windows.map((w) => w.end)),
      }).toEqual(whole.window);
    }
  });

  test("a JSON document past the size read whole is a problem, not a crash; below it, its events", () => {
    const file = path.join(FIXTURES, "cloudwatch", "filter-log-events.json");
    const size = fs.statSync(file).size;
    expect(readLogChunks({ file, onLines: () => undefined, maxJsonBytes: size - 1 })).toEqual({
      file,
      message: `a JSON document of ${size} bytes, too large to read whole: export the events in parts`,
    });
    expect(readLogChunks({ file, onLines: () => undefined, maxJsonBytes: size })).toEqual({ events: true });
  });

  test("a file that looks like filter-log-events output and is not: read as lines, its file closed", () => {
    const dir = tmpDir();
    const file = path.join(dir, "pretty.json");
    fs.writeFileSync(file, '{\n  "notEvents": [1]\n}\n');
    const open = () => fs.readdirSync("/proc/self/fd").length;
    const before = open();
    for (let i = 0; i < 20; i++) expect(read(file).lines).toEqual(["{", '  "notEvents": [1]', "}", ""]);
    expect(open()).toBe(before);
  });

  test("a folder, a Parquet file, a bad gzip: problems, no line handed and nothing left open", () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "flow.parquet"), "PAR1....");
    fs.writeFileSync(path.join(dir, "bad.gz"), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    const before = fs.readdirSync("/proc/self/fd").length;
    for (const [name, message] of [
      [".", /^EISDIR$/],
      ["flow.parquet", /^a Parquet file/],
      ["bad.gz", /^not a valid gzip file/],
    ] as const) {
      const lines: string[] = [];
      const r = readLogChunks({ file: path.join(dir, name), onLines: (part) => lines.push(...part) });
      expect(isProblem(r) && r.message).toMatch(message);
      expect(lines).toEqual([]);
    }
    expect(fs.readdirSync("/proc/self/fd").length).toBe(before);
  });

  test("what onLines throws is thrown on, not taken for a file that cannot be read", () => {
    const file = path.join(RESOLVER, "vpc-queries.log");
    expect(() =>
      readLogChunks({
        file,
        onLines: () => {
          throw new Error("a bug in a parser");
        },
      }),
    ).toThrow("a bug in a parser");
  });
});
