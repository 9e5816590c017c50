/** Helpers of the markdown tests: Mermaid's own parser in a child process, and reading tables back. */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ROOT } from "../helpers";

const CHECKER = path.join(__dirname, "mermaid-check.cjs");

export interface Parsed {
  /** The checker's exit code: 0 every diagram parses, 1 one does not. */
  code: number | null;
  /** Per diagram: null when it parses, else Mermaid's message. */
  errors: (string | null)[];
  stderr: string;
}

/** Parses each diagram with Mermaid 11 (under jsdom) in one node child process. */
export function parseDiagrams(texts: readonly string[]): Parsed {
  const r = spawnSync(process.execPath, [CHECKER], {
    cwd: ROOT,
    input: JSON.stringify(texts),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, errors: r.stdout ? JSON.parse(r.stdout) : [], stderr: r.stderr };
}

/** The diagrams in a Markdown text, in order. */
export function diagramsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
}

/** The cells of a table row, split at `|` that are not escaped. */
export function cells(line: string): string[] {
  return line
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** Every table: runs of lines starting with `|`, as rows of cells (the header first, the rule second). */
export function tablesOf(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (!current) tables.push((current = []));
    current.push(cells(line));
  }
  return tables;
}

/** Bytes in UTF-8, how the markdown report counts against GitHub's limit. */
export function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
