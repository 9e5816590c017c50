/**
 * Diagnostics for a terminal (stderr). A large organisation can have hundreds of warnings of a few kinds; printed
 * one by one they scroll past the reader. Warnings and notes are grouped by code: a code found once prints as
 * before; a code found more often prints its first finding whole, then one line per VPC (`vpcs[N]` of a file)
 * with where its findings are and every subnet they name (compactly). Errors are never grouped: each must be fixed
 * at its own file:line:col, and they come last, just above the summary line. Every single diagnostic stays in the
 * JSON outputs and behind `--all-diagnostics`.
 */
import { formatDiagnostic, type Diagnostic } from "../diagnostics";
import { compareStrings } from "../order";
import type { Plan } from "../planner/plan";
import { vpcSubnetNames } from "./mermaid";
import { counted } from "../text";

/** Line numbers listed per VPC before the rest is counted (`--all-diagnostics` prints each finding). */
const MAX_LINES_LISTED = 12;

export interface TerminalDiagnostics {
  /** One text per stderr write: the grouped warnings and notes by code, then each error. */
  readonly blocks: readonly string[];
  /** How many warnings and notes were folded into groups of two or more, and into how many groups. */
  readonly folded: { readonly warnings: number; readonly notes: number; readonly groups: number };
}

/**
 * The diagnostics as the terminal shows them. `all`: each one on its own, in order (the `--all-diagnostics`
 * flag). The plan, when there is one, names the subnets of each file's stack, so a group can say which subnets
 * its findings name.
 */
export function terminalDiagnostics(opts: {
  diagnostics: readonly Diagnostic[];
  plan?: Plan;
  all?: boolean;
}): TerminalDiagnostics {
  const { diagnostics } = opts;
  const none = { warnings: 0, notes: 0, groups: 0 };
  if (opts.all) return { blocks: diagnostics.map(formatDiagnostic), folded: none };
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity === "error") continue;
    const key = `${d.severity} ${d.code}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const subnets = subnetsByFile(opts.plan);
  const folded = { ...none };
  const blocks: string[] = [];
  // warnings before notes, by code; each group's findings keep the diagnostics' order (file, line)
  const keys = [...groups.keys()].sort((a, b) => severityRank(a) - severityRank(b) || compareStrings(a, b));
  for (const key of keys) {
    const group = groups.get(key) as Diagnostic[];
    if (group.length === 1) {
      blocks.push(formatDiagnostic(group[0]));
      continue;
    }
    if (group[0].severity === "warning") folded.warnings += group.length;
    else folded.notes += group.length;
    folded.groups++;
    blocks.push(groupText({ group, subnets }));
  }
  for (const d of diagnostics) if (d.severity === "error") blocks.push(formatDiagnostic(d));
  return { blocks, folded };
}

function severityRank(key: string): number {
  return key.startsWith("warning ") ? 0 : 1;
}

/** The VPC a field path lies in (`vpcs[3]`), or "" for a finding outside any VPC (the backend, the file). */
function vpcOf(path: string): string {
  return /^vpcs\[\d+\]/.exec(path)?.[0] ?? "";
}

/** The subnets of a file's stack, collected when first asked for. */
export type SubnetsOfFile = (file: string) => ReadonlySet<string> | undefined;

/**
 * Every subnet name of each file's stack in the plan (requesters, ENI subnets, captured subnets), collected per
 * file on first use: most groups carry their subnets as data, and walking every endpoint of a large organisation
 * for nothing cost more than the grouping.
 */
export function subnetsByFile(plan?: Plan): SubnetsOfFile {
  const stacks = new Map((plan?.stacks ?? []).map((s) => [s.file, s]));
  const done = new Map<string, ReadonlySet<string>>();
  return (file) => {
    const stack = stacks.get(file);
    if (!stack) return undefined;
    let names = done.get(file);
    if (!names) {
      const into = new Set<string>();
      for (const v of stack.vpcs) vpcSubnetNames({ vpc: v, into });
      done.set(file, (names = into));
    }
    return names;
  };
}

/**
 * Two or more findings of one code: the first in full, then per VPC (in file order) how many, on which lines, and
 * the subnets their messages name.
 */
function groupText(opts: { group: readonly Diagnostic[]; subnets: SubnetsOfFile }): string {
  const { group } = opts;
  const first = group[0];
  const byVpc = new Map<string, Diagnostic[]>();
  for (const d of group) {
    const key = `${d.file}\0${vpcOf(d.path)}`;
    const ds = byVpc.get(key);
    if (ds) ds.push(d);
    else byVpc.set(key, [d]);
  }
  const vpcs = [...byVpc.values()].filter((ds) => vpcOf(ds[0].path) !== "").length;
  const files = new Set(group.map((d) => d.file)).size;
  const where = [vpcs > 0 ? counted({ n: vpcs, one: "VPC" }) : "", counted({ n: files, one: "file" })]
    .filter(Boolean)
    .join(" of ");
  const lines = [
    `${first.severity} ${first.code}: ${group.length} findings in ${where}; the first in full, then where each is:`,
    formatDiagnostic(first),
  ];
  // consecutive VPCs of a file whose findings name the same subnets share a line: `vpcs[0..9]`
  const rows: Array<{ file: string; vpcs: number[]; findings: Diagnostic[]; subnets: string }> = [];
  for (const ds of byVpc.values()) {
    const named = namedSubnets({ group: ds, known: () => opts.subnets(ds[0].file) });
    const subnets = named.length > 0 ? compactNames(named) : "";
    const index = /^vpcs\[(\d+)\]/.exec(ds[0].path)?.[1];
    const last = rows.at(-1);
    const next = index !== undefined ? Number(index) : undefined;
    if (
      last &&
      next !== undefined &&
      last.file === ds[0].file &&
      last.subnets === subnets &&
      last.vpcs.at(-1) === next - 1
    ) {
      last.vpcs.push(next);
      last.findings.push(...ds);
    } else rows.push({ file: ds[0].file, vpcs: next !== undefined ? [next] : [], findings: [...ds], subnets });
  }
  for (const r of rows) {
    const vpc =
      r.vpcs.length === 0 ? "" : r.vpcs.length === 1 ? ` vpcs[${r.vpcs[0]}]` : ` vpcs[${r.vpcs[0]}..${r.vpcs.at(-1)}]`;
    const positions = [...new Set(r.findings.flatMap((d) => (d.pos ? [d.pos.line] : [])))].sort((a, b) => a - b);
    const listed = positions.slice(0, MAX_LINES_LISTED).join(", ");
    const more = positions.length > MAX_LINES_LISTED ? ` and ${positions.length - MAX_LINES_LISTED} more` : "";
    const at = positions.length > 0 ? ` at ${positions.length === 1 ? "line" : "lines"} ${listed}${more}` : "";
    lines.push(`  - ${r.file}${vpc}: ${r.findings.length}${at}${r.subnets ? `; subnets ${r.subnets}` : ""}`);
  }
  return lines.join("\n");
}

/**
 * The subnets a group's findings concern: the list their rule gave (`Diagnostic.subnets`); for findings whose
 * rule gives none, the words of the message that are subnets of the file's stack (names are letters, digits,
 * `-` and `_`, so they are whole words of a message).
 */
export function namedSubnets(opts: {
  group: readonly Diagnostic[];
  /** The subnets of the findings' stack; asked for only when a finding's rule gives no list. */
  known?: () => ReadonlySet<string> | undefined;
}): string[] {
  // the list a rule gave is exact; text matching only for findings whose rule gives none
  const given = opts.group.flatMap((d) => d.subnets ?? []);
  const unlisted = opts.group.filter((d) => !d.subnets);
  const known = unlisted.length > 0 ? opts.known?.() : undefined;
  const matched = known ? [...known].filter((s) => unlisted.some((d) => hasWord(d.message, s))) : [];
  return [...new Set([...given, ...matched])].sort(compareStrings);
}

/** A character of a name (letters, digits, `-` and `_`): what a whole word of a message is made of. */
function nameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 45 ||
    code === 95
  );
}

/** `word` is a whole word of `text` (not part of a longer name), found without splitting the text. */
export function hasWord(text: string, word: string): boolean {
  if (word === "") return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if ((at === 0 || !nameChar(text.charCodeAt(at - 1))) && !nameChar(text.charCodeAt(at + word.length))) return true;
  return false;
}

/**
 * Names with runs of consecutive numbers folded: `s0..s11, nodes-a, nodes-b` for s0, s1, ..., s11, nodes-a,
 * nodes-b. Only runs of three or more fold; every name is still there, in one of the two forms.
 */
export function compactNames(names: readonly string[]): string {
  const numbered = new Map<string, number[]>();
  const plain: string[] = [];
  for (const n of names) {
    const m = /^(.*?)(0|[1-9]\d*)$/.exec(n);
    if (m) numbered.set(m[1], [...(numbered.get(m[1]) ?? []), Number(m[2])]);
    else plain.push(n);
  }
  const parts: Array<{ sort: string; num: number; text: string }> = plain.map((n) => ({ sort: n, num: -1, text: n }));
  for (const [prefix, nums] of numbered) {
    const sorted = [...new Set(nums)].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      const run = sorted.slice(i, j + 1).map((x) => `${prefix}${x}`);
      parts.push({
        sort: prefix,
        num: sorted[i],
        text: run.length >= 3 ? `${run[0]}..${run[run.length - 1]}` : run.join(", "),
      });
      i = j + 1;
    }
  }
  return (
    parts
      // by prefix, then by number: s2, s10 (not s10, s2)
      .sort((a, b) => compareStrings(a.sort, b.sort) || a.num - b.num)
      .map((p) => p.text)
      .join(", ")
  );
}
