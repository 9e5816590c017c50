/**
 * The diff (src/diff/compare.ts) as a terminal listing, JSON, or Markdown for the pull-request comment the
 * workflow posts beside the plan. Replacements and destroys come first and loud, with the subnets that lose
 * access meanwhile and the `renamedFrom` that avoids an undeclared rename.
 */
import type { Change, EndpointDiff, Outage, PlanDiff, StackDiff } from "../diff/compare";
import { PROVEN_WITH } from "../planner/replacements";
import { counted } from "../text";
import { codeSpan, htmlText, mdText } from "./markdown";

/** First line of the Markdown: a bot finds the comment part by it. */
export const DIFF_MARKER = "<!-- vpce diff -->";

export interface DiffReportOptions {
  readonly diff: PlanDiff;
  /** The git ref the working tree is compared with, as given. */
  readonly base: string;
  /** The commit the ref names. */
  readonly commit: string;
}

const SIGN: Record<Change["kind"], string> = { added: "+", removed: "-", changed: "~" };

function outageLine(o: Outage, stack: string): string {
  const lose = o.resource.startsWith("aws_route53_zone.") ? "lose private resolution" : "lose access meanwhile";
  const who = o.subnets.length > 0 ? `${[...new Set(o.subnets)].join(", ")} ${lose}` : "no subnet";
  return `${o.action === "replace" ? "REPLACE" : "DESTROY"} ${stack}: ${o.resource} (${o.because}); ${who}`;
}

function changeText(c: Change): string {
  const values = c.before !== undefined || c.after !== undefined ? `: ${c.before ?? "-"} -> ${c.after ?? "-"}` : "";
  return `${SIGN[c.kind]} ${c.category} ${c.what}${c.kind === "changed" ? values : ""}`;
}

function counts(diff: PlanDiff): string {
  const eps = diff.stacks.flatMap((s) => s.endpoints);
  const n = (status: EndpointDiff["status"]) => eps.filter((e) => e.status === status).length;
  return (
    `${counted({ n: n("added"), one: "endpoint" })} added, ${n("removed")} removed, ${n("changed")} changed; ` +
    `${counted({ n: diff.outages, one: "replacement or destroy", many: "replacements or destroys" })}`
  );
}

function endpointTitle(e: EndpointDiff): string {
  const moved = e.movedFrom ? ` (moved from ${e.movedFrom})` : "";
  return `${e.address}${moved}: ${e.service} ${e.type.toLowerCase()} in ${e.vpc}`;
}

function stackTitle(s: StackDiff): string {
  const renamed = s.renamedFrom ? `, renamed from ${s.renamedFrom}: a new state` : "";
  return `stack ${s.stack} (${s.file}): ${s.status}${renamed}`;
}

/** The terminal listing. */
export function renderDiffText(opts: DiffReportOptions): string {
  const { diff } = opts;
  const lines = [`vpce diff against ${opts.base} (${opts.commit.slice(0, 12)}): ${counts(diff)}`];
  if (!diff.changed) return [...lines, "No change."].join("\n");
  for (const s of diff.stacks.filter((x) => x.status !== "unchanged")) {
    lines.push("", stackTitle(s));
    for (const o of s.outages) lines.push(`  !! ${outageLine(o, s.stack)}`);
    for (const c of s.changes) lines.push(`  ${changeText(c)}`);
    for (const e of s.endpoints.filter((x) => x.status !== "unchanged")) {
      lines.push(`  ${SIGN[e.status === "unchanged" ? "changed" : e.status]} ${endpointTitle(e)}`);
      for (const o of e.outages) lines.push(`      !! ${outageLine(o, s.stack)}`);
      for (const x of e.suggestions) lines.push(`      to keep it: add ${x}`);
      for (const c of e.changes) lines.push(`      ${changeText(c)}`);
    }
  }
  return lines.join("\n");
}

/** JSON: the diff with the ref, the commit and the provider version the replacement table was proven with. */
export function renderDiffJson(opts: DiffReportOptions): string {
  return JSON.stringify(
    { base: opts.base, commit: opts.commit, replacementsProvenWith: PROVEN_WITH, ...opts.diff },
    null,
    2,
  );
}

/**
 * Markdown for the pull-request comment, within `limit` characters: the summary and every replacement and
 * destroy always stay; the per-stack details are folded and left out whole, from the last, when they do not fit.
 */
export function renderDiffMarkdown(opts: DiffReportOptions & { limit?: number }): string {
  const { diff } = opts;
  const head = [
    DIFF_MARKER,
    `### vpce diff against ${codeSpan(opts.base)} (${codeSpan(opts.commit.slice(0, 12))})`,
    "",
    diff.changed
      ? mdText(counts(diff))
      : "No change to any endpoint, security group rule, route table, DNS setting or policy.",
  ];
  const loud = loudLines({ diff, budget: (opts.limit ?? Infinity) / 2 });
  if (loud.length > 0)
    head.push(
      "",
      "> [!CAUTION]",
      "> Terraform will destroy endpoints, security groups or rules: the subnets named lose access until the new " +
        "ones exist.",
      ...(diff.stacks.some((s) => s.outages.length > 0)
        ? ["> A hub zone destroyed: the VPCs named lose private resolution of its service until a zone answers again."]
        : []),
      ...loud,
    );
  const details = diff.stacks
    .filter((s) => s.status !== "unchanged")
    .map((s) => {
      const rows = [
        ...s.changes.map((c) => `| ${SIGN[c.kind]} | | ${mdText(c.category)} | ${cellOf(c)} |`),
        ...s.endpoints
          .filter((e) => e.status !== "unchanged")
          .flatMap((e) => [
            `| ${SIGN[e.status === "unchanged" ? "changed" : e.status]} | ${codeSpan(e.address)} | endpoint | ` +
              `${mdText(endpointTitle(e))} |`,
            ...e.changes
              .filter((c) => c.category !== "endpoint")
              .map((c) => `| ${SIGN[c.kind]} | ${codeSpan(e.address)} | ${mdText(c.category)} | ${cellOf(c)} |`),
          ]),
      ];
      const table = ["| | address | what | change |", "| --- | --- | --- | --- |", ...rows].join("\n");
      return `<details><summary>${htmlText(stackTitle(s))}</summary>\n\n${table}\n\n</details>`;
    });
  const note =
    `<sub>Replacements per the table proven with ${PROVEN_WITH.provider} ${PROVEN_WITH.version} ` +
    "(src/planner/replacements.ts).</sub>";
  const limit = opts.limit ?? Infinity;
  const out = [...head, ""];
  let left = 0;
  for (const [i, d] of details.entries()) {
    const size = [...out, d, note].join("\n").length + 200;
    if (size > limit) {
      left = details.length - i;
      break;
    }
    out.push(d, "");
  }
  if (left > 0)
    out.push(
      `_${counted({ n: left, one: "stack's details", many: "stacks' details" })} left out to fit the comment: ` +
        "run `vpce diff` for all._",
      "",
    );
  out.push(note);
  return out.join("\n");
}

/**
 * The caution block's lines: every replacement and destroy, or, past `budget` characters, one line per stack with
 * its counts and the subnets that lose access; then each distinct renamedFrom that would avoid them.
 */
function loudLines(opts: { diff: PlanDiff; budget: number }): string[] {
  const stacks = opts.diff.stacks.filter((s) => outagesOf(s).length > 0);
  let lines = stacks.flatMap((s) =>
    outagesOf(s).map(
      (o) =>
        `> - **${o.action === "replace" ? "Replaced" : "Destroyed"}** ` +
        mdText(outageLine(o, s.stack).replace(/^\S+ /, "")),
    ),
  );
  if (lines.join("\n").length > opts.budget)
    lines = stacks.map((s) => {
      const outages = outagesOf(s);
      const n = (action: Outage["action"]) => outages.filter((o) => o.action === action).length;
      const subnets = [...new Set(outages.flatMap((o) => o.subnets))].sort();
      const shown = subnets.slice(0, 30).join(", ") + (subnets.length > 30 ? `, and ${subnets.length - 30} more` : "");
      return (
        `> - **stack ${mdText(s.stack)}**: ${n("destroy")} destroyed, ${n("replace")} replaced; ` +
        `${counted({ n: subnets, one: "subnet loses", many: "subnets lose" })} access meanwhile: ${mdText(shown)}`
      );
    });
  const fixes = [...new Set(opts.diff.stacks.flatMap((s) => s.endpoints.flatMap((e) => e.suggestions)))].sort();
  if (fixes.length > 0) lines.push(">", `> To move them instead, add: ${fixes.map(codeSpan).join(", ")}.`);
  return lines;
}

/** A stack's destroys and replacements: its hub resources', then its endpoints'. */
function outagesOf(s: StackDiff): Outage[] {
  return [...s.outages, ...s.endpoints.flatMap((e) => e.outages)];
}

function cellOf(c: Change): string {
  const values =
    c.kind === "changed" && (c.before !== undefined || c.after !== undefined)
      ? `: ${codeSpan(c.before ?? "-")} → ${codeSpan(c.after ?? "-")}`
      : "";
  return `${mdText(c.what)}${values}`.replace(/\|/g, "\\|");
}
