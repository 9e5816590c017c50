/**
 * The plan as Markdown for a pull-request comment: a summary first (stacks,
 * endpoints per VPC, monthly cost, warnings counted by code), then details
 * folded in <details>: every diagnostic with its code and the subnets it
 * names, and per VPC a table of endpoints with their cost beside the same
 * traffic through a NAT gateway, and a Mermaid diagram.
 *
 * GitHub refuses a comment over 65,536 characters. The comment stays under
 * it by leaving out whole parts, never by cutting one: diagrams go first,
 * then endpoint tables, then diagnostics past the first ones; the summary,
 * the per-VPC totals and every code with its count always stay (when even the
 * per-VPC totals cannot fit, per-stack totals replace them). Every table is
 * complete or absent, and the comment says what it left out.
 */
import { namedSubnets, subnetsByFile } from "./diagnostic-groups";
import { tcpPorts, typeLabel } from "./endpoint-type";
import type { Diagnostic, Severity } from "../diagnostics";
import { compareStrings } from "../order";
import type { EndpointPlan, Plan, StackPlan, VpcPlan } from "../planner/plan";
import { PRICES } from "../planner/pricing";
import { agree, counted } from "../text";
import { COST_NOTE, hasUnpriced, monthlyUsd, UNPRICED_NOTE } from "./cost";
import { DIAGRAM_LEGEND, HUB_LEGEND, tooLarge, vpcDiagram } from "./mermaid";
import { HUB_COST_NOTE, associatedText, hubCostText, hubTotals, useHubLine, zonesText } from "./hub";

/** GitHub's limit on a comment's body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** First line of every comment: a bot can find its earlier comment by it and edit that instead of adding one. */
export const MARKER = "<!-- vpce plan -->";

export interface MarkdownOptions {
  /** Absent when a spec has an error: the comment then lists the diagnostics only. */
  readonly plan?: Plan;
  readonly diagnostics: readonly Diagnostic[];
  /** GB through each endpoint per month; 0 shows the hours alone. */
  readonly gbPerMonth: number;
  /** The most the comment may take, counted in UTF-8 bytes (never fewer than characters). */
  readonly limit?: number;
}

// ---------------------------------------------------------------- text

/**
 * Plain text for Markdown and the HTML it may sit in: Markdown's punctuation is escaped, `<`, `>` and `&` become
 * entities, and `@` too, so a value quoted in a message can never mention a person or team in the comment.
 */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_[\]~|$]/g, (c) => `\\${c}`)
    .replace(/[<>&@]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "@": "&#64;" })[c]!)
    .replace(/\r?\n/g, "<br>");
}

/** Text inside HTML (a <summary>): entities only, since Markdown is not read there (`$` too: no math). */
export function htmlText(text: string): string {
  return text.replace(/[<>&"@$]/g, (c) => `&#${c.codePointAt(0)};`);
}

/** A code span that holds any text: its fence is longer than the longest run of backticks inside. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 || text.startsWith(" ") || text.endsWith(" ") ? " " : "";
  return `${fence}${pad}${text.replace(/\r?\n/g, " ")}${pad}${fence}`;
}

/** A table row; `|` inside a cell (even in a code span) is escaped, as GitHub's table syntax requires. */
function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/(?<!\\)\|/g, "\\|")).join(" | ")} |`;
}

/** A table; the header is plain text, the rows Markdown. */
function table(opts: { head: readonly string[]; align: readonly ("l" | "r")[]; rows: readonly string[][] }): string {
  const rule = `| ${opts.align.map((a) => (a === "r" ? "---:" : "---")).join(" | ")} |`;
  return [row(opts.head.map(mdText)), rule, ...opts.rows.map(row)].join("\n");
}

/** `$1,234.56`: two decimals, thousands grouped, the same on every machine (no locale). */
export function dollars(n: number): string {
  const [whole, cents] = (Math.round(n * 100) / 100).toFixed(2).split(".");
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ",")}.${cents}`;
}

/** An amount in Markdown: `\$`, since GitHub reads text between two bare `$` as math. */
export function usd(n: number): string {
  return `\\${dollars(n)}`;
}

// ---------------------------------------------------------------- cost

/** An endpoint's month: its hours, its data at the volume, and the same data through a NAT gateway. */
export interface EndpointMonth {
  readonly hours: number;
  readonly data: number;
  readonly nat: number;
}

export function endpointMonth(opts: { endpoint: EndpointPlan; gbPerMonth: number }): EndpointMonth {
  const { endpoint: e, gbPerMonth: gb } = opts;
  // an unpriced endpoint (VPC Lattice) is counted nowhere: its traffic would not have gone through NAT either
  if (e.unpriced) return { hours: 0, data: 0, nat: 0 };
  const perGb = e.type === "Gateway" ? PRICES.gatewayPerGb : PRICES.interfacePerGb;
  return { hours: monthlyUsd(e), data: gb * perGb, nat: gb * PRICES.natPerGb };
}

interface Totals {
  readonly endpoints: number;
  readonly gateway: number;
  readonly interface: number;
  /** VPC Lattice endpoints (resource, service-network): ENIs too, but not priced. */
  readonly lattice: number;
  /** Every ENI: the interface endpoints' (priced) and the Lattice endpoints'. */
  readonly allEnis: number;
  readonly enis: number;
  readonly hours: number;
  readonly data: number;
  readonly nat: number;
}

function totals(opts: { endpoints: readonly EndpointPlan[]; gbPerMonth: number }): Totals {
  // Sums in cents, so that a total is exactly the sum of the rounded amounts shown above it.
  let hours = 0;
  let data = 0;
  let nat = 0;
  for (const endpoint of opts.endpoints) {
    const m = endpointMonth({ endpoint, gbPerMonth: opts.gbPerMonth });
    hours += Math.round(m.hours * 100);
    data += Math.round(m.data * 100);
    nat += Math.round(m.nat * 100);
  }
  const gateway = opts.endpoints.filter((e) => e.type === "Gateway").length;
  const interfaces = opts.endpoints.filter((e) => e.type === "Interface");
  return {
    endpoints: opts.endpoints.length,
    gateway,
    interface: interfaces.length,
    lattice: opts.endpoints.length - gateway - interfaces.length,
    // the ENIs whose hours are priced
    enis: interfaces.reduce((n, e) => n + e.subnets.length, 0),
    allEnis: opts.endpoints.reduce((n, e) => n + e.subnets.length, 0),
    hours: hours / 100,
    data: data / 100,
    nat: nat / 100,
  };
}

function endpointsText(t: Totals): string {
  const lattice = t.lattice > 0 ? `, ${t.lattice} VPC Lattice` : "";
  return `${t.endpoints} (${t.gateway} gateway, ${t.interface} interface${lattice})`;
}

// ---------------------------------------------------------------- diagnostics

const SEVERITY_WORDS: Record<Severity, { one: string; many: string }> = {
  error: { one: "error", many: "errors" },
  warning: { one: "warning", many: "warnings" },
  info: { one: "note", many: "notes" },
};
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** "1 error, 2 warnings, 1 note", leaving out severities with none; "no warnings" when there are none at all. */
function severityCounts(diagnostics: readonly Diagnostic[]): string {
  const parts = SEVERITIES.flatMap((s) => {
    const n = diagnostics.filter((d) => d.severity === s).length;
    return n === 0 ? [] : [counted({ n, ...SEVERITY_WORDS[s] })];
  });
  return parts.length === 0 ? "no warnings" : parts.join(", ");
}

/** Every code with its count, errors first, then warnings, then notes; by code within a severity. */
function codeCounts(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const counts = new Map<string, number>();
    for (const d of diagnostics) if (d.severity === severity) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    if (counts.size === 0) continue;
    const codes = [...counts].sort(([a], [b]) => compareStrings(a, b)).map(([c, n]) => `${codeSpan(c)} ${n}`);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    lines.push(`**${counted({ n: total, ...SEVERITY_WORDS[severity] })}**: ${codes.join(", ")}`);
  }
  return lines.join("<br>\n");
}

function diagnosticItem(opts: { diagnostic: Diagnostic; subnets: readonly string[] }): string {
  const d = opts.diagnostic;
  const where = d.pos ? `${d.file}:${d.pos.line}:${d.pos.col}` : d.file;
  const head = [`- ${d.severity} **${codeSpan(d.code)}** in ${codeSpan(where)}`];
  if (d.path) head.push(`at ${codeSpan(d.path)}`);
  if (opts.subnets.length > 0)
    head.push(`(${agree({ n: opts.subnets, one: "subnet", many: "subnets" })} ${opts.subnets.join(", ")})`);
  const lines = [`${head.join(" ")}:`, `  ${mdText(d.message)}`];
  if (d.suggestions?.length) lines.push(`  Did you mean ${d.suggestions.map(codeSpan).join(", ")}?`);
  if (d.hint) lines.push(`  _${mdText(d.hint)}_`);
  return lines.join("<br>\n");
}

// ---------------------------------------------------------------- per VPC

function where(e: EndpointPlan): string {
  return e.type === "Gateway"
    ? e.routeTableIds.map(codeSpan).join("<br>")
    : e.subnets.map((s) => `${mdText(s.az)}: ${mdText(s.subnet)}`).join("<br>");
}

function dnsAndPolicy(e: EndpointPlan): string {
  const policy = e.policy.kind === "file" ? `file ${codeSpan(e.policy.source ?? "")}` : e.policy.kind;
  if (e.type === "Gateway") return policy;
  const dns = !e.privateDns ? "off" : e.privateDnsOnlyForInboundResolverEndpoint ? "inbound resolver only" : "on";
  const captured = e.dnsCaptured.length > 0 ? `<br>**captures** ${e.dnsCaptured.map(mdText).join(", ")}` : "";
  return `DNS ${dns}; ${policy}${captured}`;
}

/** An endpoint that takes over an existing one (an import): its id and how many arguments the first apply changes. */
function adopted(e: EndpointPlan): string {
  if (!e.adopt) return "";
  const n = e.adopt.changes.length;
  return `<br>**adopts** ${codeSpan(e.adopt.endpointId)} (${n === 0 ? "no change" : counted({ n, one: "change" })})`;
}

function endpointTable(opts: { stack: StackPlan; vpc: VpcPlan; gbPerMonth: number }): string {
  const gb = opts.gbPerMonth;
  const head = ["endpoint", "type", "ENIs / route tables", "asked by", "private DNS; policy"];
  head.push(gb > 0 ? "$/month (hours + data)" : "$/month (hours)");
  if (gb > 0) head.push("same traffic via NAT");
  const rows = opts.vpc.endpoints.map((e) => {
    const m = endpointMonth({ endpoint: e, gbPerMonth: gb });
    const name = e.serviceName === `com.amazonaws.${opts.stack.region}.${e.service}` ? "" : e.serviceName;
    const cells = [
      codeSpan(e.service) + (name ? `<br>${codeSpan(name)}` : "") + adopted(e),
      e.type === "Gateway" ? "gateway" : `${typeLabel(e)}, ${tcpPorts(e)}`,
      where(e),
      e.requesters.map((r) => mdText(r.subnet)).join(", "),
      dnsAndPolicy(e),
      // an endpoint vpce cannot price (VPC Lattice) is not shown as free
      e.unpriced ? "n/a" : usd(m.hours + m.data),
    ];
    if (gb > 0) cells.push(usd(m.nat));
    return cells;
  });
  const align = head.map((_, i) => (i >= 5 ? "r" : "l") as "l" | "r");
  return table({ head, align, rows });
}

/** A hub's table (service, zones, VPCs answered, cost) or a spoke's line; empty for other VPCs. */
function hubBlock(vpc: VpcPlan): string {
  if (vpc.useHub) return `Hub: ${mdText(useHubLine(vpc.useHub))}.`;
  if (!vpc.hub) return "";
  const rows = vpc.hub.services.map((s) => [
    codeSpan(s.service),
    s.zones.map((z) => codeSpan(zonesText({ ...s, zones: [z] }))).join("<br>") || "none",
    mdText(associatedText(s)),
    mdText(hubCostText(s)),
  ]);
  return table({ head: ["hub service", "private hosted zone", "answers", "cost"], align: ["l", "l", "l", "l"], rows });
}

interface VpcPart {
  /** `<stack>/<vpc>`: unique, since VPC names are unique in a stack and stack names across specs. */
  readonly key: string;
  readonly stack: StackPlan;
  readonly vpc: VpcPlan;
  readonly totals: Totals;
  readonly table: string;
  /** The fenced diagram, or why it is not drawn. */
  readonly diagram: { readonly block: string } | { readonly tooLarge: string };
}

function vpcPart(opts: { stack: StackPlan; vpc: VpcPlan; gbPerMonth: number }): VpcPart {
  const { stack, vpc, gbPerMonth } = opts;
  const diagram = vpcDiagram({ vpc });
  const large = tooLarge({ diagram });
  return {
    key: `${stack.stack}/${vpc.name}`,
    stack,
    vpc,
    totals: totals({ endpoints: vpc.endpoints, gbPerMonth }),
    table: [endpointTable({ stack, vpc, gbPerMonth }), hubBlock(vpc)].filter((t) => t !== "").join("\n\n"),
    diagram: large ? { tooLarge: large } : { block: "```mermaid\n" + diagram.text + "\n```" },
  };
}

function costCells(opts: { t: Totals; gbPerMonth: number }): string[] {
  const { t } = opts;
  return opts.gbPerMonth > 0 ? [usd(t.hours), usd(t.hours + t.data), usd(t.nat)] : [usd(t.hours)];
}

function costHead(gbPerMonth: number): string[] {
  return gbPerMonth > 0 ? ["$/month (hours)", "$/month (hours + data)", "same traffic via NAT"] : ["$/month (hours)"];
}

function vpcTotalsTable(opts: { parts: readonly VpcPart[]; gbPerMonth: number }): string {
  const head = ["stack", "VPC", "region", "endpoints", "ENIs", ...costHead(opts.gbPerMonth)];
  const rows = opts.parts.map((p) => [
    mdText(p.stack.stack),
    `${mdText(p.vpc.name)} (${codeSpan(p.vpc.id)})`,
    mdText(p.stack.region),
    endpointsText(p.totals),
    String(p.totals.allEnis),
    ...costCells({ t: p.totals, gbPerMonth: opts.gbPerMonth }),
  ]);
  return table({ head, align: head.map((_, i) => (i >= 4 ? "r" : "l")), rows });
}

function stackTotalsTable(opts: { plan: Plan; gbPerMonth: number }): string {
  const head = ["stack", "region", "VPCs", "endpoints", "ENIs", ...costHead(opts.gbPerMonth)];
  const rows = opts.plan.stacks.map((s) => {
    const t = totals({ endpoints: s.vpcs.flatMap((v) => v.endpoints), gbPerMonth: opts.gbPerMonth });
    return [
      mdText(s.stack),
      mdText(s.region),
      String(s.vpcs.length),
      endpointsText(t),
      String(t.allEnis),
      ...costCells({ t, gbPerMonth: opts.gbPerMonth }),
    ];
  });
  return table({ head, align: head.map((_, i) => (i >= 2 ? "r" : "l")), rows });
}

// ---------------------------------------------------------------- the comment

/** How much of the detail the comment holds; the rest is left out whole. */
interface Selection {
  /** `vpc`: a totals row per VPC; `stack`: per stack; `none`: the summary alone. */
  readonly totals: "vpc" | "stack" | "none";
  /** How many diagnostics are listed in full, from the first. */
  readonly diagnostics: number;
  readonly tables: ReadonlySet<string>;
  readonly diagrams: ReadonlySet<string>;
}

interface Parts {
  readonly plan?: Plan;
  readonly gbPerMonth: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly items: readonly string[];
  readonly vpcs: readonly VpcPart[];
  readonly all: Totals;
  /** What the notes say of the whole plan: an endpoint without a price, a hub, a hub or a spoke. */
  readonly has: { readonly unpriced: boolean; readonly hub: boolean; readonly hubOrSpoke: boolean };
  /**
   * The blocks that do not depend on the selection, made once (by `summary`, `severities`, `totals:<level>` and
   * `vpc:<key>:<diagram>`): renderMarkdown composes the comment once per diagnostic and per VPC it tries, so a
   * comment built anew each time grew with the square of the organisation (1,000 VPCs: seconds).
   */
  readonly made: Map<string, string>;
}

function made(parts: Parts, key: string, make: () => string): string {
  let block = parts.made.get(key);
  if (block === undefined) parts.made.set(key, (block = make()));
  return block;
}

function fold(opts: { summary: string; body: string }): string {
  return `<details><summary>${opts.summary}</summary>\n\n${opts.body}\n\n</details>`;
}

function summaryBlocks(opts: { parts: Parts }): string[] {
  const { plan, all, gbPerMonth: gb, diagnostics } = opts.parts;
  const blocks: string[] = [];
  if (!plan) {
    blocks.push(`### vpce plan: no plan (${severityCounts(diagnostics)})`);
    blocks.push("A spec has an error, so nothing is planned. The diagnostics below say where and how to fix it.");
  } else {
    const vpcCount = plan.stacks.reduce((n, s) => n + s.vpcs.length, 0);
    blocks.push(
      `### vpce plan: ${counted({ n: all.endpoints, one: "endpoint" })} in ${counted({ n: vpcCount, one: "VPC" })}, ` +
        `${usd(all.hours + all.data)}/month`,
    );
    const lines = [
      `${counted({ n: plan.stacks.length, one: "stack" })}, ${counted({ n: vpcCount, one: "VPC" })}, ` +
        `${counted({ n: all.endpoints, one: "endpoint" })}: ${all.gateway} gateway (free), ` +
        `${all.interface} interface with ${counted({ n: all.enis, one: "ENI" })}: **${usd(all.hours)}/month** ` +
        "for their hours" +
        (all.lattice > 0
          ? `; ${all.lattice} VPC Lattice with ${counted({ n: all.allEnis - all.enis, one: "ENI" })} (not priced)`
          : "") +
        ".",
    ];
    if (gb > 0)
      lines.push(
        `At ${gb} GB per endpoint per month: **${usd(all.hours + all.data)}/month** with the data, against ` +
          `**${usd(all.nat)}/month** for the same traffic through NAT gateways.`,
      );
    else
      lines.push(
        "Data cost needs a volume: `vpce plan --format markdown --gb-per-month N` adds N GB per endpoint per " +
          `month at \\$${PRICES.interfacePerGb}/GB (interface; gateway free) and sets it beside the same traffic ` +
          `through a NAT gateway (\\$${PRICES.natPerGb}/GB). ` +
          "Per-service volumes in the spec are planned, not yet read.",
      );
    const hubs = hubTotals(plan.stacks.flatMap((s) => s.vpcs));
    if (hubs.hubs > 0)
      lines.push(
        `${counted({ n: hubs.hubs, one: "hub" })} ${agree({ n: hubs.hubs, one: "serves", many: "serve" })} ` +
          `${counted({ n: hubs.spokes, one: "spoke" })} through ` +
          `${counted({ n: hubs.zones, one: "private hosted zone" })}: ` +
          `${hubs.usdSaved >= 0 ? "saving" : "costing"} **${usd(Math.abs(hubs.usdSaved))}/month** in ENI-hours ` +
          "against endpoints in every VPC that asks, before Transit Gateway data " +
          `(\\$${PRICES.transitGatewayPerGb}/GB).`,
      );
    blocks.push(lines.join("<br>\n"));
  }
  blocks.push(diagnostics.length === 0 ? "No warnings." : codeCounts(diagnostics));
  return blocks;
}

function notes(opts: { parts: Parts; sel: Selection }): string[] {
  const { parts, sel } = opts;
  const out: string[] = [];
  const left: string[] = [];
  if (parts.plan) {
    const withTable = parts.vpcs.filter((p) => sel.tables.has(p.key));
    const drawable = withTable.filter((p) => "block" in p.diagram);
    const noDiagram = drawable.filter((p) => !sel.diagrams.has(p.key)).length;
    const noTable = parts.vpcs.length - withTable.length;
    if (sel.totals === "stack") left.push("the totals per VPC (per stack instead)");
    if (sel.totals === "none") left.push("the totals per VPC and per stack");
    if (noTable > 0) left.push(`the endpoint tables and diagrams of ${counted({ n: noTable, one: "VPC" })}`);
    if (noDiagram > 0) left.push(`the diagrams of ${counted({ n: noDiagram, one: "more VPC", many: "more VPCs" })}`);
  }
  const moreDiagnostics = parts.diagnostics.length - sel.diagnostics;
  if (moreDiagnostics > 0) left.push(counted({ n: moreDiagnostics, one: "diagnostic" }));
  if (left.length > 0)
    out.push(
      `**Left out** to stay under GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString("en-US")}-character comment ` +
        `limit: ${left.join("; ")}. \`vpce plan --why\` and \`vpce validate\` show everything.`,
    );
  if (parts.plan) {
    const lines = [mdText(COST_NOTE)];
    if (parts.has.unpriced) lines.push(mdText(UNPRICED_NOTE));
    if (parts.has.hub) lines.push(mdText(HUB_COST_NOTE));
    if (parts.gbPerMonth > 0)
      lines.push(
        `Data: ${parts.gbPerMonth} GB per endpoint per month (\`--gb-per-month\`); the same traffic through a NAT ` +
          `gateway costs \\$${PRICES.natPerGb}/GB to process (the NAT gateway's own hours are not counted: it ` +
          "usually stays for other traffic).",
      );
    if (sel.diagrams.size > 0)
      lines.push(`Diagrams: ${mdText(parts.has.hubOrSpoke ? `${DIAGRAM_LEGEND} ${HUB_LEGEND}` : DIAGRAM_LEGEND)}`);
    out.push(lines.join("<br>\n"));
  }
  return out;
}

function compose(opts: { parts: Parts; sel: Selection }): string {
  const { parts, sel } = opts;
  // the summary's blocks, joined as the comment joins its blocks
  const blocks = [MARKER, made(parts, "summary", () => summaryBlocks({ parts }).join("\n\n"))];
  const { plan } = parts;
  if (plan && sel.totals === "vpc")
    blocks.push(made(parts, "totals:vpc", () => vpcTotalsTable({ parts: parts.vpcs, gbPerMonth: parts.gbPerMonth })));
  if (plan && sel.totals === "stack")
    blocks.push(made(parts, "totals:stack", () => stackTotalsTable({ plan, gbPerMonth: parts.gbPerMonth })));
  if (sel.diagnostics > 0) {
    const shown = sel.diagnostics < parts.items.length ? ` (the first ${sel.diagnostics})` : "";
    blocks.push(
      fold({
        summary: `${made(parts, "severities", () => htmlText(severityCounts(parts.diagnostics)))}${shown}`,
        body: parts.items.slice(0, sel.diagnostics).join("\n"),
      }),
    );
  }
  let stack: StackPlan | undefined;
  for (const p of parts.vpcs) {
    if (!sel.tables.has(p.key)) continue;
    if (p.stack !== stack) {
      stack = p.stack;
      blocks.push(`#### Stack ${codeSpan(stack.stack)}: ${codeSpan(stack.file)}, ${mdText(stack.region)}`);
    }
    const diagram = sel.diagrams.has(p.key);
    blocks.push(made(parts, `vpc:${p.key}:${diagram}`, () => vpcBlock({ p, gbPerMonth: parts.gbPerMonth, diagram })));
  }
  blocks.push(...notes({ parts, sel }));
  return blocks.join("\n\n");
}

/** A VPC's folded table, with its diagram when `diagram` (or why it has none). */
function vpcBlock(opts: { p: VpcPart; gbPerMonth: number; diagram: boolean }): string {
  const { p, gbPerMonth } = opts;
  const t = p.totals;
  const cost = gbPerMonth > 0 ? dollars(t.hours + t.data) : dollars(t.hours);
  const summary =
    `<b>${htmlText(p.vpc.name)}</b> (${htmlText(p.vpc.id)}): ` +
    htmlText(
      `${counted({ n: t.endpoints, one: "endpoint" })}, ${cost}/month` +
        (gbPerMonth > 0 ? ` (via NAT: ${dollars(t.nat)})` : ""),
    );
  const body = [p.table];
  if ("tooLarge" in p.diagram) body.push(`No diagram: ${mdText(p.diagram.tooLarge)}.`);
  else if (opts.diagram) body.push(p.diagram.block);
  return fold({ summary, body: body.join("\n\n") });
}

function size(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * The comment: the most detail that stays within the limit. The summary, the per-VPC totals and the codes with
 * their counts come first; then as many diagnostics as fit, in order; then the endpoint table of each VPC that
 * fits; then the diagram of each VPC whose table is in.
 */
export function renderMarkdown(opts: MarkdownOptions): string {
  const { plan, diagnostics, gbPerMonth } = opts;
  const limit = opts.limit ?? GITHUB_COMMENT_LIMIT;
  const subnets = subnetsByFile(plan);
  const vpcs = (plan?.stacks ?? []).flatMap((stack) => stack.vpcs.map((vpc) => vpcPart({ stack, vpc, gbPerMonth })));
  const parts: Parts = {
    plan,
    gbPerMonth,
    diagnostics,
    vpcs,
    all: totals({ endpoints: vpcs.flatMap((p) => p.vpc.endpoints), gbPerMonth }),
    has: {
      unpriced: hasUnpriced(plan?.stacks ?? []),
      hub: vpcs.some((p) => p.vpc.hub),
      hubOrSpoke: vpcs.some((p) => p.vpc.hub || p.vpc.useHub),
    },
    made: new Map(),
    items: diagnostics.map((diagnostic) =>
      diagnosticItem({
        diagnostic,
        subnets: namedSubnets({ group: [diagnostic], known: () => subnets(diagnostic.file) }),
      }),
    ),
  };
  const fits = (sel: Selection) => size(compose({ parts, sel })) <= limit;
  let sel: Selection = { totals: "vpc", diagnostics: 0, tables: new Set(), diagrams: new Set() };
  for (const level of ["stack", "none"] as const) if (!fits(sel)) sel = { ...sel, totals: level };
  while (sel.diagnostics < diagnostics.length && fits({ ...sel, diagnostics: sel.diagnostics + 1 }))
    sel = { ...sel, diagnostics: sel.diagnostics + 1 };
  for (const p of vpcs) {
    const tables = new Set([...sel.tables, p.key]);
    if (fits({ ...sel, tables })) sel = { ...sel, tables };
  }
  for (const p of vpcs) {
    if (!sel.tables.has(p.key) || !("block" in p.diagram)) continue;
    const diagrams = new Set([...sel.diagrams, p.key]);
    if (fits({ ...sel, diagrams })) sel = { ...sel, diagrams };
  }
  return compose({ parts, sel });
}
