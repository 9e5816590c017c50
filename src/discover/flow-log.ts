/**
 * VPC Flow Logs in the text format, as AWS documents them ("Flow log records",
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html): one record per line, fields separated
 * by single spaces, `-` where a field does not apply. The default format is the version 2 fields in order; a custom
 * format is a list of `${field}` in the order the flow log was created with. Files delivered to S3 (gzipped) start
 * with a header line naming the fields ("Flow log files",
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-path.html); CloudWatch Logs events carry no header:
 * their format is the default or the one `--flow-log-format` gives. NODATA and SKIPDATA records carry no flow.
 */
import type { LineProblem } from "./resolver-log";
import { canonicalAddress } from "./resolver-log";

/** The default format: the version 2 fields, in order. */
export const DEFAULT_FLOW_FIELDS = [
  "version",
  "account-id",
  "interface-id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "packets",
  "bytes",
  "start",
  "end",
  "action",
  "log-status",
] as const;

/** Every field of the "Available fields" table (versions 2 to 8): a header line names only these. */
export const KNOWN_FLOW_FIELDS: ReadonlySet<string> = new Set([
  ...DEFAULT_FLOW_FIELDS,
  "vpc-id",
  "subnet-id",
  "instance-id",
  "tcp-flags",
  "type",
  "pkt-srcaddr",
  "pkt-dstaddr",
  "region",
  "az-id",
  "sublocation-type",
  "sublocation-id",
  "pkt-src-aws-service",
  "pkt-dst-aws-service",
  "flow-direction",
  "traffic-path",
  "ecs-cluster-arn",
  "ecs-cluster-name",
  "ecs-container-instance-arn",
  "ecs-container-instance-id",
  "ecs-container-id",
  "ecs-second-container-id",
  "ecs-service-name",
  "ecs-task-definition-arn",
  "ecs-task-arn",
  "ecs-task-id",
  "reject-reason",
  "resource-id",
  "encryption-status",
]);

/** The fields a record needs to count bytes between two addresses. */
const NEEDED = ["srcaddr", "dstaddr", "bytes"] as const;

/** One flow: bytes between two addresses in a capture window. */
export interface FlowRecord {
  readonly srcaddr: string;
  readonly dstaddr: string;
  readonly bytes: number;
  /** Capture window, seconds since the epoch, when the format has them. */
  readonly start?: number;
  readonly end?: number;
  readonly vpcId?: string;
  /** The rest of the 5-tuple as written, `-` where the format has no such field: with the addresses and the start,
   * it tells one flow recorded on two interfaces (the instance's and the NAT gateway's) from two flows. */
  readonly ports: string;
}

export interface FlowLogResult {
  readonly records: FlowRecord[];
  readonly problems: LineProblem[];
  /** NODATA / SKIPDATA records, and records with `-` where an address or the bytes would be. */
  readonly empty: number;
  /** The earliest start and latest end of any record, NODATA included (they show the log was running). */
  readonly window?: { readonly start: number; readonly end: number };
  /** The format after these lines, for the file's next part (parseFlowLog's `continues`). */
  readonly format: FlowFormatState;
}

/** Where a file's reading stands: its format, and whether its first line (a header or not) has been read. */
export interface FlowFormatState {
  readonly fields: readonly string[];
  readonly started: boolean;
}

/**
 * Parses a `--flow-log-format` value: `${field}` tokens separated by spaces, as given to CreateFlowLogs.
 * Returns the field names, or why the text is not such a format.
 */
export function parseFlowLogFormat(text: string): { fields: string[] } | { error: string } {
  const tokens = text.trim().split(/\s+/);
  const fields: string[] = [];
  for (const t of tokens) {
    const m = /^\$\{([a-z0-9-]+)\}$/.exec(t);
    if (!m) return { error: `"${t}" is not a \${field} token` };
    if (!KNOWN_FLOW_FIELDS.has(m[1])) return { error: `"${m[1]}" is not a flow log field` };
    fields.push(m[1]);
  }
  const missing = NEEDED.filter((f) => !fields.includes(f));
  if (missing.length > 0) return { error: `the format has no ${missing.join(", ")}: bytes per address need them` };
  return { fields };
}

/** A line naming only field names (lower case words with dashes), at least one of them a known field. */
function headerFields(line: string): string[] | undefined {
  const tokens = line.trim().split(/\s+/);
  if (!tokens.every((t) => /^[a-z][a-z0-9-]*$/.test(t))) return undefined;
  return tokens.some((t) => KNOWN_FLOW_FIELDS.has(t)) ? tokens : undefined;
}

/**
 * The flows of one file. `fields` is the format when the file has no header line (default: the default format);
 * a header line, where there is one, wins.
 */
export function parseFlowLog(opts: {
  file: string;
  lines: readonly string[];
  fields?: readonly string[];
  /** The number of the first line (default 1): the lines are a later part of the file. */
  firstLine?: number;
  /** The format of the file's part before (its result's `format`): the lines continue it. */
  continues?: FlowFormatState;
}): FlowLogResult {
  const { file } = opts;
  const records: FlowRecord[] = [];
  const problems: LineProblem[] = [];
  let fields: readonly string[] = opts.continues?.fields ?? opts.fields ?? DEFAULT_FLOW_FIELDS;
  let empty = 0;
  let start = Infinity;
  let end = -Infinity;
  let first = !opts.continues?.started;
  const firstLine = opts.firstLine ?? 1;
  // field positions, looked up once per format rather than once per record
  let positions = new Map<string, number>();
  const at = (f: string): number => {
    let k = positions.get(f);
    if (k === undefined) positions.set(f, (k = fields.indexOf(f)));
    return k;
  };
  opts.lines.forEach((text, i) => {
    if (text.trim() === "") return;
    const line = firstLine + i;
    if (first) {
      first = false;
      const header = headerFields(text);
      if (header) {
        const missing = NEEDED.filter((f) => !header.includes(f));
        if (missing.length > 0)
          problems.push({ file, line, message: `the header names no ${missing.join(", ")}: the file is skipped` });
        fields = missing.length > 0 ? [] : header;
        positions = new Map();
        return;
      }
    }
    if (fields.length === 0) return;
    const values = text.trim().split(/\s+/);
    if (values.length !== fields.length) {
      problems.push({ file, line, message: `${values.length} fields where the format has ${fields.length}` });
      return;
    }
    const get = (f: string): string | undefined => {
      const k = at(f);
      return k < 0 ? undefined : values[k];
    };
    const window = ["start", "end"].map((f) => get(f));
    for (const w of window)
      if (w !== undefined && w !== "-" && !/^\d+$/.test(w)) {
        problems.push({ file, line, message: `"${w}" is not a time in seconds` });
        return;
      }
    const [s, e] = window.map((w) => (w === undefined || w === "-" ? undefined : Number(w)));
    const status = get("log-status");
    const raw = NEEDED.map((f) => get(f) as string);
    if (status === "NODATA" || status === "SKIPDATA" || raw.includes("-")) {
      empty++;
    } else {
      const [src, dst] = raw.slice(0, 2).map((a) => canonicalAddress(a));
      if (!src || !dst) {
        problems.push({ file, line, message: `"${src ? raw[1] : raw[0]}" is not an IP address` });
        return;
      }
      if (!/^\d+$/.test(raw[2])) {
        problems.push({ file, line, message: `bytes "${raw[2]}" is not a whole number` });
        return;
      }
      const vpcId = get("vpc-id");
      records.push({
        srcaddr: src,
        dstaddr: dst,
        bytes: Number(raw[2]),
        ...(s !== undefined ? { start: s } : {}),
        ...(e !== undefined ? { end: e } : {}),
        ...(vpcId && vpcId !== "-" ? { vpcId } : {}),
        ports: ["srcport", "dstport", "protocol"].map((f) => get(f) ?? "-").join(" "),
      });
    }
    if (s !== undefined) start = Math.min(start, s);
    if (e !== undefined) end = Math.max(end, e);
  });
  return {
    records,
    problems,
    empty,
    ...(start <= end ? { window: { start, end } } : {}),
    format: { fields, started: !first },
  };
}
