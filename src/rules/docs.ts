/**
 * docs/diagnostics.md, generated from the rule registry (`npm run docs`): one
 * table per stage, one row per code with its severity, the rule file that
 * raises it, what triggers it and the fix. A test fails when the committed
 * file drifts from this text.
 */
import { by } from "../order";
import { CODES } from "./index";
import type { Stage } from "./rule";

const STAGES: ReadonlyArray<{ stage: Stage; title: string; about: string }> = [
  { stage: "load", title: "Loading", about: "the specs folder, reading each file, parsing YAML" },
  { stage: "fields", title: "Fields of one spec", about: "the schema, then the values of one spec file" },
  { stage: "across-files", title: "Across spec files", about: "the valid specs together" },
  {
    stage: "region-dumps",
    title: "Region dumps (`catalog/<region>.json`)",
    about: "the recorded output of `aws ec2 describe-vpc-endpoint-services`",
  },
  {
    stage: "inventory",
    title: "Endpoint inventories (`inventory/<account>-<region>.json`)",
    about: "the recorded output of `aws ec2 describe-vpc-endpoints`",
  },
  { stage: "plan", title: "Planning", about: "the planned endpoints" },
];

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

export function renderDiagnosticsDoc(): string {
  const lines = [
    "# Diagnostic codes",
    "",
    "<!-- Generated from src/rules/ by `npm run docs`; edit the rule files, not this file. -->",
    "",
    "Every message vpce prints carries one of these codes. Codes are stable: scripts",
    "and tests match on them, not on wording. Severity `error` stops `validate`",
    "(exit 1), `synth` and `cdktf synth` (nothing is written); `warning` and `info`",
    "never do. Each code is raised by one rule file, `src/rules/<stage>/<rule>.ts`,",
    "whose test file `__tests__/rules/<stage>/<rule>.test.ts` has a case that",
    "triggers it and a close case that must not.",
  ];
  const codes = [...CODES.values()];
  for (const { stage, title, about } of STAGES) {
    const rows = codes.filter((c) => c.stage === stage).sort(by((c) => `${c.rule}/${c.code}`));
    if (rows.length === 0) continue;
    lines.push("", `## ${title}`, "", `Checked on ${about}.`, "");
    lines.push("| code | severity | rule | triggered by | fix |", "| --- | --- | --- | --- | --- |");
    for (const c of rows) {
      const file = `[${c.rule}](../src/rules/${stage}/${c.rule}.ts)`;
      lines.push(`| \`${c.code}\` | ${c.spec.severity} | ${file} | ${cell(c.spec.trigger)} | ${cell(c.spec.fix)} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}
