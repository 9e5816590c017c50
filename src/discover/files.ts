/**
 * Reading log files for `vpce discover`: paths may name files or folders (every file below a folder, sorted, as
 * S3 delivers logs in a tree of prefixes); a file starting with the gzip magic bytes is decompressed (S3 delivery
 * of Resolver query logs and of flow logs writes `.gz` objects), whatever its name says.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { compareStrings } from "../order";

/** One log file's lines, numbered from 1, without line ends. */
export interface LogText {
  /** The path as the user gave it (or below the folder they gave). */
  readonly file: string;
  readonly lines: readonly string[];
  /**
   * The file is the JSON output of `aws logs filter-log-events` or `get-log-events`: `lines` are its events'
   * messages, numbered by event from 1.
   */
  readonly events?: boolean;
}

/** Why a path could not be read: missing, unreadable, or a gzip stream that does not decompress. */
export interface LogReadProblem {
  readonly file: string;
  readonly message: string;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Every file a list of paths names: files as given, folders expanded recursively in a stable order. */
export function expandPaths(paths: readonly string[]): { files: string[]; problems: LogReadProblem[] } {
  const files: string[] = [];
  const problems: LogReadProblem[] = [];
  const walk = (p: string): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      problems.push({ file: p, message: errnoText(e) });
      return;
    }
    if (stat.isDirectory())
      for (const name of fs.readdirSync(p).sort(compareStrings)) if (!name.startsWith(".")) walk(path.join(p, name));
    if (stat.isFile()) files.push(p);
  };
  for (const p of paths) walk(p);
  return { files, problems };
}

/** The text of one log file, gunzipped when it is gzip. */
export function readLogFile(file: string): LogText | LogReadProblem {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { file, message: errnoText(e) };
  }
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    try {
      bytes = zlib.gunzipSync(bytes);
    } catch (e) {
      return { file, message: `not a valid gzip file (${(e as Error).message})` };
    }
  }
  // flow logs delivered to S3 as Parquet (a choice at creation): columnar binary, not lines
  if (bytes.subarray(0, 4).toString("latin1") === "PAR1")
    return { file, message: "a Parquet file: vpce reads flow logs in the text format (the default) only" };
  const text = bytes.toString("utf8");
  const events = cloudWatchEvents(text);
  return events ? { file, lines: events, events: true } : { file, lines: text.split(/\r?\n/) };
}

/**
 * The messages of `aws logs filter-log-events` / `get-log-events` JSON output (`{"events": [{"message": ...}]}`),
 * or undefined for any other text. Only a text that starts with `{` alone on its line (the CLI's pretty JSON) or
 * whose first line is such an object is parsed whole: a file of one query object per line is not.
 */
function cloudWatchEvents(text: string): string[] | undefined {
  const first = text.slice(0, text.indexOf("\n") + 1 || text.length).trim();
  if (first !== "{" && !(first.startsWith("{") && first.includes('"events"'))) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const events = (data as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return undefined;
  // an event without a message string stays visible: as its JSON, which no log format reads (a malformed line)
  return events.map((e) => (typeof (e as { message?: unknown })?.message === "string" ? e.message : JSON.stringify(e)));
}

export function isProblem(x: LogText | LogReadProblem): x is LogReadProblem {
  return (x as LogReadProblem).message !== undefined;
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file or folder" : (code ?? (e as Error).message);
}
