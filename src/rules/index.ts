/**
 * The rule registry: every rule of every stage, and every diagnostic code
 * they declare. A code declared by two rules is refused when this module
 * loads, so each code is raised from exactly one rule file.
 */
import type { Severity } from "../diagnostics";
import { ACROSS_FILES_RULES } from "./across-files";
import { FIELD_RULES } from "./fields";
import { INVENTORY_RULES } from "./inventory";
import { LOAD_RULES } from "./load";
import { PLAN_RULES } from "./plan";
import { REGION_DUMP_RULES } from "./region-dumps";
import type { CodeSpec, CodeTable, Rule, Stage } from "./rule";

/** Every rule, stage by stage, in the order the pipeline runs them. */
export const RULES = [
  ...LOAD_RULES,
  ...FIELD_RULES,
  ...ACROSS_FILES_RULES,
  ...REGION_DUMP_RULES,
  ...INVENTORY_RULES,
  ...PLAN_RULES,
] as const;

type CodesOf<R> = R extends { readonly codes: infer K } ? keyof K & string : never;

/** Every code a rule can raise: a closed union, so tests and callers match on codes, not wording. */
export type RuleCode = CodesOf<(typeof RULES)[number]>;

export interface RegisteredCode {
  readonly code: string;
  readonly rule: string;
  readonly stage: Stage;
  readonly spec: CodeSpec<never>;
}

function indexCodes(rules: readonly Rule<unknown, CodeTable>[]): ReadonlyMap<string, RegisteredCode> {
  const out = new Map<string, RegisteredCode>();
  for (const r of rules) {
    for (const [code, spec] of Object.entries(r.codes)) {
      const prev = out.get(code);
      if (prev) throw new Error(`internal: ${code} is declared by rule ${prev.rule} and by rule ${r.name}`);
      out.set(code, { code, rule: r.name, stage: r.stage, spec });
    }
  }
  return out;
}

/** RULES as a plain list, for code that walks every rule whatever its subject. */
export const ALL_RULES = RULES as unknown as readonly Rule<unknown, CodeTable>[];

/** Every declared code with the rule that raises it. */
export const CODES: ReadonlyMap<string, RegisteredCode> = indexCodes(ALL_RULES);

/** The severity of a code (from the rule that declares it). */
export function severityOf(code: RuleCode): Severity {
  const c = CODES.get(code);
  if (!c) throw new Error(`internal: unknown diagnostic code ${code}`);
  return c.spec.severity;
}
