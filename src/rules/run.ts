/** Runs the rules of a stage over its subject and turns their reports into diagnostics. */
import type { Diagnostic, DiagnosticCode } from "../diagnostics";
import type { CodeTable, Rule, RuleContext } from "./rule";

/** Every report of every rule, in the order the rules ran and reported. */
export function runRules<S>(rules: readonly Rule<S, CodeTable>[], subject: S): Diagnostic[] {
  const out: Diagnostic[] = [];
  // one context for all the rules (it reports for the rule running now): runRules runs per stack, VPC and file
  let r: Rule<S, CodeTable> = rules[0];
  const ctx: RuleContext<CodeTable> = {
    report(at, code, details, opts) {
      const spec = r.codes[code];
      // A rule can only raise its own codes (the types say so; this keeps it true at run time).
      if (!spec) throw new Error(`internal: rule ${r.name} reported ${code}, which it does not declare`);
      const hint = spec.hint?.(details);
      const suggestions = opts?.suggestions && opts.suggestions.length > 0 ? opts.suggestions : undefined;
      out.push({
        code: code as DiagnosticCode,
        severity: spec.severity,
        file: at.file,
        pos: at.pos,
        path: at.path ?? "",
        message: spec.message(details),
        hint,
        suggestions,
        ...(opts?.subnets && opts.subnets.length > 0 ? { subnets: [...opts.subnets] } : {}),
      });
    },
  };
  for (const rule of rules) {
    r = rule;
    rule.check(subject, ctx);
  }
  return out;
}
