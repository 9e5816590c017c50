/**
 * Renders a plan for people (a table fitted to a width) and machines (json).
 * Reads the plan only. The table leaves the diagnostics to the caller (stderr);
 * the json carries them, since a machine reads one stream.
 */
import type { Diagnostic } from "../diagnostics";
import type { EndpointPlan, Plan, StackPlan } from "../planner/plan";
import { COST_NOTE, hasUnpriced, monthlyUsd, round2, stackMonthlyUsd, UNPRICED_NOTE } from "./cost";
import { tcpPorts, typeLabel } from "./endpoint-type";
import { hang, longestLine, longestWord, wrap } from "./wrap";
import { HUB_COST_NOTE, hubLines, useHubLine } from "./hub";
import { boxTable } from "./box-table";

/** One table column: its header, the text of a cell, and how narrow it may get. */
interface Column {
  readonly head: string;
  readonly cell: (e: EndpointPlan, s: StackPlan) => string;
  /** The narrowest the column gets; words break below their length. */
  readonly min: number;
  /** Words up to this long stay whole while other columns can still give way (ids, CIDRs); longer ones break first. */
  readonly keep: number;
  readonly align?: "left" | "right";
}

/** Space a table column takes beyond its text: a space either side and the border on its left. */
const COLUMN_EXTRA = 3;

const COLUMNS: readonly Column[] = [
  { head: "endpoint", cell: (e, s) => endpoint(e, s), min: 9, keep: 11 },
  // route table ids are 21 characters
  { head: "ENIs / route tables", cell: (e) => where(e), min: 9, keep: 21 },
  // 255.255.255.255/32
  { head: "admits", cell: (e) => admits(e), min: 10, keep: 18 },
  { head: "private DNS / policy", cell: (e) => dnsAndPolicy(e), min: 9, keep: 11 },
  // an endpoint vpce cannot price (VPC Lattice) is not shown as free
  { head: "$/month", cell: (e) => (e.unpriced ? "n/a" : monthlyUsd(e).toFixed(2)), min: 7, keep: 10, align: "right" },
];

/** The narrowest width the table fits: every column at its minimum, plus borders and padding. */
export const MIN_TABLE_WIDTH = COLUMNS.reduce((n, c) => n + c.min + COLUMN_EXTRA, 1);

/**
 * The service id, type and ports (interface, VPC Lattice); the full service name (a Lattice endpoint's ARN) only
 * when it is not `com.amazonaws.<region>.<id>`.
 */
function endpoint(e: EndpointPlan, s: StackPlan): string {
  const lines = [e.service, typeLabel(e)];
  if (e.type !== "Gateway") lines.push(tcpPorts(e));
  // a Lattice ARN by its id and account (the whole ARN is in --why, json and markdown): the table stays narrow
  const arn = /^arn:[^:]+:vpc-lattice:[^:]+:(\d{12}):[a-z]+\/(.+)$/.exec(e.serviceName);
  if (arn) lines.push(`${arn[2]} (${arn[1]})`);
  else if (e.serviceName !== `com.amazonaws.${s.region}.${e.service}`) lines.push(e.serviceName);
  return lines.join("\n");
}

function where(e: EndpointPlan): string {
  return e.type === "Gateway" ? e.routeTableIds.join("\n") : e.subnets.map((s) => `${s.az}: ${s.subnet}`).join("\n");
}

function admits(e: EndpointPlan): string {
  if (e.type === "Gateway") return e.requesters.map((r) => r.subnet).join(", ");
  return e.securityGroups
    .flatMap((g) => g.ingress)
    .map((r) => (r.port === e.port ? r.cidr : `${r.cidr}:${r.port}`))
    .join("\n");
}

function dnsAndPolicy(e: EndpointPlan): string {
  const policy = e.policy.kind === "file" ? `file ${e.policy.source}` : e.policy.kind;
  if (e.type === "Gateway") return policy;
  const dns = !e.privateDns ? "off" : e.privateDnsOnlyForInboundResolverEndpoint ? "inbound resolver only" : "on";
  return `DNS ${dns}\n${policy}`;
}

function endpointCount(s: StackPlan): number {
  return s.vpcs.reduce((n, v) => n + v.endpoints.length, 0);
}

/**
 * Text widths of the columns so that the table is at most `width` wide: the
 * widest column gives way first, down to its longest word (at most `keep`),
 * then (when that is not enough) down to its minimum; below MIN_TABLE_WIDTH
 * the table is wider.
 */
export function fitColumns(opts: { natural: readonly number[]; words: readonly number[]; width: number }): number[] {
  const widths = [...opts.natural];
  const room = opts.width - 1 - COLUMN_EXTRA * widths.length;
  const floors = [
    opts.words.map((w, i) => Math.min(widths[i], Math.max(Math.min(w, COLUMNS[i].keep), COLUMNS[i].min))),
    COLUMNS.map((c, i) => Math.min(widths[i], c.min)),
  ];
  for (const floor of floors) {
    let total = widths.reduce((a, b) => a + b, 0);
    while (total > room) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++)
        if (widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
      if (widest < 0) break;
      widths[widest]--;
      total--;
    }
  }
  return widths;
}

function vpcTable(opts: { stack: StackPlan; endpoints: readonly EndpointPlan[]; width: number }): string {
  const rows = opts.endpoints.map((e) => COLUMNS.map((c) => c.cell(e, opts.stack)));
  // per column, its longest line and its longest word, header included (one pass: a large plan has many tables)
  const natural = COLUMNS.map((c) => longestLine(c.head));
  const words = COLUMNS.map((c) => longestWord(c.head));
  for (const r of rows)
    for (let i = 0; i < r.length; i++) {
      natural[i] = Math.max(natural[i], longestLine(r[i]));
      words[i] = Math.max(words[i], longestWord(r[i]));
    }
  const widths = fitColumns({ natural, words, width: opts.width });
  const fit = (text: string, i: number) => wrap({ text, width: widths[i] }).join("\n");
  return boxTable({
    head: COLUMNS.map((c, i) => fit(c.head, i)),
    rows: rows.map((r) => r.map(fit)),
    widths,
    aligns: COLUMNS.map((c) => c.align ?? "left"),
  });
}

/**
 * The plan as text for a terminal `width` columns wide: per stack its VPCs,
 * per VPC a table of endpoints; with `why`, each endpoint's reasons.
 */
export function renderTable(opts: { plan: Plan; width: number; why?: boolean }): string {
  return [...tableParts(opts)].join("");
}

/**
 * renderTable's text in pieces, one per stack and one for the notes: a large plan's table need not be one string
 * (written to a file, none is; a pipe's stream keeps what its reader has not taken yet).
 */
export function* tableParts(opts: { plan: Plan; width: number; why?: boolean }): Generator<string> {
  const { width } = opts;
  for (let i = 0; i < opts.plan.stacks.length; i++) {
    const s = opts.plan.stacks[i];
    const lines: string[] = [];
    const cost = `$${stackMonthlyUsd(s).toFixed(2)}/month`;
    const head = `${s.stack} (${s.file}, ${s.region}): ${endpointCount(s)} endpoints, ${cost}`;
    lines.push(...hang({ text: head, width, first: "Stack " }));
    for (const v of s.vpcs) {
      lines.push(...hang({ text: `${v.name} (${v.id})`, width, first: "  VPC " }));
      lines.push(vpcTable({ stack: s, endpoints: v.endpoints, width }));
      if (v.hub) for (const l of hubLines(v.hub)) lines.push(...hang({ text: l, width, first: "  hub " }));
      if (v.useHub) lines.push(...hang({ text: useHubLine(v.useHub), width, first: "  hub " }));
      if (!opts.why) continue;
      for (const e of v.endpoints) {
        lines.push(...hang({ text: `${e.address} (${typeLabel(e)}):`, width, first: "  why " }));
        for (const r of e.reasons) lines.push(...hang({ text: r, width, first: "    - " }));
      }
    }
    // stacks are parted by an empty line
    yield (i > 0 ? "\n\n" : "") + lines.join("\n");
  }
  const notes = ["", ...wrap({ text: COST_NOTE, width })];
  if (hasUnpriced(opts.plan.stacks)) notes.push(...wrap({ text: UNPRICED_NOTE, width }));
  if (opts.plan.stacks.some((s) => s.vpcs.some((v) => v.hub))) notes.push(...wrap({ text: HUB_COST_NOTE, width }));
  if (!opts.why) notes.push(...wrap({ text: "Why each endpoint is planned as it is: vpce plan --why.", width }));
  yield (opts.plan.stacks.length > 0 ? "\n" : "") + notes.join("\n");
}

/**
 * The plan and every diagnostic for machines; without a plan (a spec has an error), `valid: false` and no stacks.
 * `indent` (spaces per level) is for people reading it in a terminal: without it the text is compact, half the
 * bytes and time of an indented one for a large organisation (123 instead of 231 MB for 1,000 VPCs).
 */
export function renderJson(opts: { plan?: Plan; diagnostics: readonly Diagnostic[]; indent?: number }): string {
  return [...jsonParts(opts)].join("");
}

/**
 * renderJson's text in pieces, one per stack between the envelope's head and tail: the same bytes as one
 * JSON.stringify of the whole, without making the whole one string (a 1,000-VPC plan is 123 MB of text, which as one
 * string doubled the command's memory and cost a quarter of a second of copying; written to a file, no piece is
 * kept, while a pipe's stream keeps what its reader has not taken yet).
 */
export function* jsonParts(opts: {
  plan?: Plan;
  diagnostics: readonly Diagnostic[];
  indent?: number;
}): Generator<string> {
  const { plan, diagnostics } = opts;
  // as JSON.stringify reads a whole number of spaces: at most 10, none below 1
  const indent = Math.min(10, Math.max(0, Math.floor(opts.indent ?? 0)));
  if (!plan) {
    yield JSON.stringify({ version: 1, valid: false, diagnostics }, null, indent);
    return;
  }
  const costs = plan.stacks.map(stackMonthlyUsd);
  const total = round2(costs.reduce((n, c) => n + c, 0));
  // the envelope with no stacks, cut where its stacks go: the first "stacks" key (version and valid come before it)
  const envelope = JSON.stringify(
    { version: 1, valid: true, stacks: [], monthlyUsd: total, costNote: COST_NOTE, diagnostics },
    null,
    indent,
  );
  const empty = indent ? '"stacks": []' : '"stacks":[]';
  const cut = envelope.indexOf(empty) + empty.length - 1;
  if (plan.stacks.length === 0) {
    yield envelope;
    return;
  }
  yield envelope.slice(0, cut);
  // an element of the stacks array sits two levels deep: JSON.stringify indents each of its lines by two gaps
  const gap = indent ? " ".repeat(indent) : "";
  for (let i = 0; i < plan.stacks.length; i++) {
    const s = plan.stacks[i];
    const stack = {
      ...s,
      monthlyUsd: costs[i],
      vpcs: s.vpcs.map((v) => ({ ...v, endpoints: v.endpoints.map((e) => ({ ...e, monthlyUsd: monthlyUsd(e) })) })),
    };
    const text = JSON.stringify(stack, null, indent);
    yield (i > 0 ? "," : "") + (indent ? `\n${gap}${gap}${text.replace(/\n/g, `\n${gap}${gap}`)}` : text);
  }
  yield (indent ? `\n${gap}` : "") + envelope.slice(cut);
}
