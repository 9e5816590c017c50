/**
 * Route 53 Resolver query logs, as AWS documents them ("Values that appear in VPC Resolver query logs",
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs-format.html): one JSON object per
 * query and line, as delivered to CloudWatch Logs, S3 (gzipped) and Firehose. A line of a CloudWatch Logs export
 * to S3 carries the ingestion timestamp before the object (`2024-05-01T10:00:00.000Z {...}`): that prefix is
 * dropped. Pure: lines in, records and per-line problems out.
 */
import ipaddr from "ipaddr.js";

/** One DNS query as the log records it, normalized: lower case name without the root dot, canonical addresses. */
export interface QueryRecord {
  readonly file: string;
  readonly line: number;
  readonly vpcId?: string;
  readonly region?: string;
  /** Milliseconds since the epoch; undefined when the timestamp does not parse. */
  readonly time?: number;
  readonly name: string;
  readonly type?: string;
  readonly rcode?: string;
  /** The querying address (IPv4 or IPv6, canonical text). */
  readonly srcaddr: string;
  /** The addresses the answer holds (A and AAAA records), canonical text. */
  readonly addresses: readonly string[];
}

/** A line that is not a query record: where and why. */
export interface LineProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** An ISO 8601 timestamp and whitespace before a JSON object: a line of a CloudWatch Logs export. */
const EXPORT_PREFIX = /^\d{4}-\d\d-\d\dT[0-9:.]+Z?\s+(?=\{)/;

/** The records and the malformed lines of one file's lines; blank lines are neither. */
export function parseResolverLog(opts: {
  file: string;
  lines: readonly string[];
  /** The number of the first line (default 1): the lines are a later part of the file. */
  firstLine?: number;
}): {
  records: QueryRecord[];
  problems: LineProblem[];
} {
  const records: QueryRecord[] = [];
  const problems: LineProblem[] = [];
  const firstLine = opts.firstLine ?? 1;
  opts.lines.forEach((text, i) => {
    if (text.trim() === "") return;
    const r = parseRecord({ text: text.trim().replace(EXPORT_PREFIX, ""), file: opts.file, line: firstLine + i });
    if ("message" in r) problems.push(r);
    else records.push(r);
  });
  return { records, problems };
}

function parseRecord(opts: { text: string; file: string; line: number }): QueryRecord | LineProblem {
  const { file, line } = opts;
  const bad = (message: string): LineProblem => ({ file, line, message });
  let data: unknown;
  try {
    data = JSON.parse(opts.text);
  } catch {
    return bad("not a JSON object");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return bad("not a JSON object");
  const o = data as Record<string, unknown>;
  if (typeof o.query_name !== "string" || o.query_name === "") return bad('no "query_name" string');
  if (typeof o.srcaddr !== "string") return bad('no "srcaddr" string');
  const srcaddr = canonicalAddress(o.srcaddr);
  if (!srcaddr) return bad(`"srcaddr" ${JSON.stringify(o.srcaddr)} is not an IP address`);
  if (o.answers !== undefined && !Array.isArray(o.answers)) return bad('"answers" is not a list');
  const addresses: string[] = [];
  for (const a of (o.answers as unknown[] | undefined) ?? []) {
    if (typeof a !== "object" || a === null) return bad('an entry of "answers" is not an object');
    const { Rdata, Type } = a as Record<string, unknown>;
    if (Type !== "A" && Type !== "AAAA") continue; // CNAME, PTR...: not an address
    const addr = typeof Rdata === "string" ? canonicalAddress(Rdata) : undefined;
    if (!addr) return bad(`an ${Type} answer's "Rdata" ${JSON.stringify(Rdata)} is not an IP address`);
    addresses.push(addr);
  }
  const time = typeof o.query_timestamp === "string" ? Date.parse(o.query_timestamp) : NaN;
  return {
    file,
    line,
    ...(typeof o.vpc_id === "string" && o.vpc_id !== "" ? { vpcId: o.vpc_id } : {}),
    ...(typeof o.region === "string" ? { region: o.region } : {}),
    ...(Number.isFinite(time) ? { time } : {}),
    name: o.query_name.toLowerCase().replace(/\.$/, ""),
    ...(typeof o.query_type === "string" ? { type: o.query_type } : {}),
    ...(typeof o.rcode === "string" ? { rcode: o.rcode } : {}),
    srcaddr,
    addresses,
  };
}

/** Addresses repeat across millions of log lines: each distinct text is parsed once (up to this many). */
const MEMO_LIMIT = 1_000_000;
const memo = new Map<string, string | undefined>();

/** Canonical text of an IPv4 or IPv6 address (IPv4-mapped IPv6 becomes IPv4); undefined for anything else. */
export function canonicalAddress(text: string): string | undefined {
  if (memo.has(text)) return memo.get(text);
  const canonical = parseAddress(text);
  if (memo.size < MEMO_LIMIT) memo.set(text, canonical);
  return canonical;
}

function parseAddress(text: string): string | undefined {
  const t = text.trim();
  if (!ipaddr.isValid(t)) return undefined;
  // ipaddr.isValid admits IPv4 forms like "10.1" or octal; logs write four decimal parts
  if (!t.includes(":") && !ipaddr.IPv4.isValidFourPartDecimal(t)) return undefined;
  return ipaddr.process(t).toString();
}
