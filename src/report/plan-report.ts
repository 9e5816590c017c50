/** Renders a plan for people (table) and machines (json). Reads the plan only. */
import Table from "cli-table3";
import { formatDiagnostic, type Diagnostic } from "../diagnostics";
import type { EndpointPlan, Plan, StackPlan } from "../planner/plan";
import { COST_NOTE, monthlyUsd, round2, stackMonthlyUsd } from "./cost";

function where(e: EndpointPlan): string {
  return e.type === "Gateway" ? e.routeTableIds.join("\n") : e.subnets.map((s) => `${s.az}: ${s.subnet}`).join("\n");
}

function admits(e: EndpointPlan): string {
  if (e.type === "Gateway") return e.requesters.map((r) => r.subnet).join(", ");
  return e.securityGroups
    .flatMap((g) => g.ingress)
    .map((r) => `${r.cidr}:${r.port}`)
    .join("\n");
}

function policy(e: EndpointPlan): string {
  return e.policy.kind === "file" ? `file ${e.policy.source}` : e.policy.kind;
}

function dns(e: EndpointPlan): string {
  if (e.type === "Gateway") return "-";
  if (!e.privateDns) return "off";
  return e.privateDnsOnlyForInboundResolverEndpoint ? "inbound resolver only" : "on";
}

function endpointCount(s: StackPlan): number {
  return s.vpcs.reduce((n, v) => n + v.endpoints.length, 0);
}

export function renderTable(plan: Plan, diagnostics: readonly Diagnostic[], opts: { reasons?: boolean } = {}): string {
  const parts: string[] = [];
  for (const s of plan.stacks) {
    parts.push(
      `Stack ${s.stack} (${s.file}, ${s.region}): ` +
        `${endpointCount(s)} endpoints, $${stackMonthlyUsd(s).toFixed(2)}/month`,
    );
    for (const v of s.vpcs) {
      const table = new Table({
        head: ["endpoint", "type", "ENIs / route tables", "admits", "private DNS", "policy", "$/month"],
        style: { head: [], border: [] },
      });
      for (const e of v.endpoints)
        table.push([
          `${e.service}\n${e.serviceName}`,
          e.type,
          where(e),
          admits(e),
          dns(e),
          policy(e),
          monthlyUsd(e).toFixed(2),
        ]);
      parts.push(`  VPC ${v.name} (${v.id})`);
      parts.push(table.toString());
      if (opts.reasons !== false) {
        for (const e of v.endpoints) {
          parts.push(`  why ${e.address} (${e.type.toLowerCase()}):`);
          for (const r of e.reasons) parts.push(`    - ${r}`);
        }
      }
    }
  }
  parts.push(COST_NOTE);
  if (diagnostics.length > 0) {
    parts.push("");
    parts.push(...diagnostics.map(formatDiagnostic));
  }
  return parts.join("\n");
}

export function renderJson(plan: Plan, diagnostics: readonly Diagnostic[]): string {
  const stacks = plan.stacks.map((s) => ({
    ...s,
    monthlyUsd: stackMonthlyUsd(s),
    vpcs: s.vpcs.map((v) => ({ ...v, endpoints: v.endpoints.map((e) => ({ ...e, monthlyUsd: monthlyUsd(e) })) })),
  }));
  const total = round2(stacks.reduce((n, s) => n + s.monthlyUsd, 0));
  return JSON.stringify({ version: 1, stacks, monthlyUsd: total, costNote: COST_NOTE, diagnostics }, null, 2);
}
