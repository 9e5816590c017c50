/**
 * Reading log files for `vpce discover`: paths may name files or folders (every file below a folder, sorted, as
 * S3 delivers logs in a tree of prefixes); a file starting with the gzip magic bytes is decompressed (S3 delivery
 * of Resolver query logs and of flow logs writes `.gz` objects), whatever its name says.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { StringDecoder } from "node:string_decoder";
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

/**
 * Why a path could not be read, or not to its end: missing or unreadable, a gzip stream that does not decompress, a
 * Parquet file, a JSON document too large to read whole, a line too long for a string.
 */
export interface LogReadProblem {
  readonly file: string;
  readonly message: string;
  /** Read up to this line (or event), whose lines were used: the rest of the file is skipped. */
  readonly afterLine?: number;
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

/**
 * How many bytes of a log file are turned into lines at a time: a log file can be larger than the longest string
 * V8 makes (512 MiB; reading it whole was an internal error), and one part's records at a time is what a reader
 * holds.
 */
const CHUNK_BYTES = 16 * 2 ** 20;

/** A JSON document is parsed whole: past this many bytes no string holds it (V8's longest string, in UTF-16). */
const MAX_JSON_BYTES = 2 ** 29 - 24;

/** How much of a file's start says what it is: gzip, Parquet, or `filter-log-events` output (by its first line). */
const PEEK_BYTES = 64 * 2 ** 10;

/**
 * A log file's lines, handed to `onLines` in order, a part at a time (`firstLine`: the number of the first, from 1);
 * gunzipped when it is gzip (decompressed whole: Node has no synchronous stream). The JSON output of `aws logs
 * filter-log-events` is read whole: its events' messages are the lines, numbered by event (`events`). A file that
 * cannot be read is a problem, with no line handed; one that fails midway is a problem after the lines handed
 * (`afterLine`). What `onLines` throws is not a reading problem: it is thrown on.
 */
export function readLogChunks(opts: {
  file: string;
  onLines: (lines: string[], firstLine: number) => void;
  /** Bytes per part (default 16 MiB); tests make it small. */
  chunkBytes?: number;
  /** The largest JSON document read whole (default: what a string holds); tests make it small. */
  maxJsonBytes?: number;
}): { events?: boolean } | LogReadProblem {
  const { file, onLines } = opts;
  const chunkBytes = opts.chunkBytes ?? CHUNK_BYTES;
  const kind = fileKind({ file, maxJsonBytes: opts.maxJsonBytes ?? MAX_JSON_BYTES });
  if ("message" in kind) return kind;
  if ("events" in kind) {
    onLines(kind.events, 1);
    return { events: true };
  }
  const { source } = kind;
  try {
    // Buffer's decoding, a part at a time (a character split between parts is kept for the next): invalid bytes
    // become U+FFFD, a BOM is kept (a malformed first line)
    const decoder = new StringDecoder("utf8");
    let carry = "";
    let next = 1;
    for (;;) {
      let bytes: Buffer;
      let text: string;
      try {
        bytes = source.read(chunkBytes);
        text = carry + (bytes.length > 0 ? decoder.write(bytes) : decoder.end());
      } catch (e) {
        const message = readFailure(e);
        return next > 1 ? { file, message, afterLine: next - 1 } : { file, message };
      }
      if (bytes.length === 0) {
        onLines([text], next);
        return {};
      }
      const parts = text.split("\n");
      carry = parts.pop() as string;
      // a line ends at \n, and a \r before it is not part of it (\r?\n)
      const lines = parts.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
      onLines(lines, next);
      next += lines.length;
    }
  } finally {
    source.close();
  }
}

/**
 * What a log file is: bytes to read as lines (its start read already, gunzipped when gzip), the events of
 * `filter-log-events` output, or why it cannot be read.
 */
function fileKind(opts: {
  file: string;
  maxJsonBytes: number;
}): { source: ByteSource } | { events: string[] } | LogReadProblem {
  const { file } = opts;
  let opened: ByteSource;
  try {
    opened = fileSource(file);
  } catch (e) {
    return { file, message: errnoText(e) };
  }
  let source = opened;
  // the file stays open only when its own bytes are read on as lines
  let keepOpen = false;
  try {
    let head = source.read(PEEK_BYTES);
    if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) {
      let bytes: Buffer;
      try {
        bytes = zlib.gunzipSync(Buffer.concat([head, source.rest()]));
      } catch (e) {
        return e instanceof RangeError
          ? { file, message: `larger decompressed than a buffer holds (${e.message}): decompress or split it` }
          : { file, message: `not a valid gzip file (${(e as Error).message})` };
      }
      source = bufferSource(bytes);
      head = source.read(PEEK_BYTES);
    }
    // flow logs delivered to S3 as Parquet (a choice at creation): columnar binary, not lines
    if (head.subarray(0, 4).toString("latin1") === "PAR1")
      return { file, message: "a Parquet file: vpce reads flow logs in the text format (the default) only" };
    if (looksLikeEventsJson(head.subarray(0, head.indexOf(10) + 1 || head.length).toString("utf8"))) {
      const size = head.length + source.remaining();
      if (size > opts.maxJsonBytes)
        return {
          file,
          message: `a JSON document of ${size} bytes, too large to read whole: export the events in parts`,
        };
      const whole = Buffer.concat([head, source.rest()]);
      const events = cloudWatchEvents(whole.toString("utf8"));
      return events ? { events } : { source: bufferSource(whole) };
    }
    keepOpen = source === opened;
    return { source: prefixed(head, source) };
  } catch (e) {
    return { file, message: readFailure(e) };
  } finally {
    if (!keepOpen) opened.close();
  }
}

function readFailure(e: unknown): string {
  // a string past V8's longest (a line of more than 512 MiB)
  return e instanceof RangeError ? "a line longer than a string holds (512 MiB)" : errnoText(e);
}

/** The text of one log file, gunzipped when it is gzip: every line at once (readLogChunks), for tests. */
export function readLogFile(file: string): LogText | LogReadProblem {
  const lines: string[] = [];
  const r = readLogChunks({ file, onLines: (part) => part.forEach((l) => lines.push(l)) });
  if (isProblem(r)) return r;
  return r.events ? { file, lines, events: true } : { file, lines };
}

/** Bytes read in parts: from a file, or from a buffer (a gunzipped file). */
interface ByteSource {
  /** The next up to `n` bytes; empty at the end. */
  read(n: number): Buffer;
  /** Every byte not read yet. */
  rest(): Buffer;
  /** How many bytes are not read yet (a file: by its size when opened). */
  remaining(): number;
  close(): void;
}

function fileSource(file: string): ByteSource {
  const fd = fs.openSync(file, "r");
  let closed = false;
  let left: number;
  try {
    left = fs.fstatSync(fd).size;
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  const read = (n: number) => {
    const buf = Buffer.allocUnsafe(n);
    let got = 0;
    while (got < n) {
      const k = fs.readSync(fd, buf, got, n - got, null);
      if (k === 0) break;
      got += k;
    }
    left = Math.max(0, left - got);
    return buf.subarray(0, got);
  };
  return {
    read,
    rest: () => {
      const parts: Buffer[] = [];
      for (let b = read(CHUNK_BYTES); b.length > 0; b = read(CHUNK_BYTES)) parts.push(b);
      return Buffer.concat(parts);
    },
    remaining: () => left,
    close: () => {
      if (!closed) fs.closeSync(fd);
      closed = true;
    },
  };
}

function bufferSource(bytes: Buffer): ByteSource {
  let at = 0;
  return {
    read: (n) => bytes.subarray(at, (at = Math.min(bytes.length, at + n))),
    rest: () => bytes.subarray(at, (at = bytes.length)),
    remaining: () => bytes.length - at,
    close: () => undefined,
  };
}

/** `head` (read already to tell the file's kind), then the rest of `source`, in parts of the size asked. */
function prefixed(head: Buffer, source: ByteSource): ByteSource {
  let at = 0;
  return {
    read: (n) => (at < head.length ? head.subarray(at, (at = Math.min(head.length, at + n))) : source.read(n)),
    rest: () => Buffer.concat([head.subarray(at, (at = head.length)), source.rest()]),
    remaining: () => head.length - at + source.remaining(),
    close: () => source.close(),
  };
}

/**
 * Whether a file's first line says it is the JSON output of `aws logs filter-log-events` / `get-log-events`: `{`
 * alone on its line (the CLI's pretty JSON), or an object naming "events" (a file of one query object per line is
 * not).
 */
function looksLikeEventsJson(firstLine: string): boolean {
  const first = firstLine.trim();
  return first === "{" || (first.startsWith("{") && first.includes('"events"'));
}

/**
 * The messages of `aws logs filter-log-events` / `get-log-events` JSON output (`{"events": [{"message": ...}]}`),
 * or undefined for any other text (asked only of a file whose first line looks like it: looksLikeEventsJson).
 */
function cloudWatchEvents(text: string): string[] | undefined {
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

export function isProblem<T extends object>(x: T | LogReadProblem): x is LogReadProblem {
  return (x as LogReadProblem).message !== undefined;
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file or folder" : (code ?? (e as Error).message);
}
