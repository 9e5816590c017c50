import { diag, type Diagnostic, type DiagnosticCode } from "../../diagnostics";
import type { Located } from "../../input/spec-model";

/** What every planner rule returns: its decision and its findings. */
export interface RuleResult<T> {
  readonly decision: T;
  readonly findings: readonly Diagnostic[];
  /** One line per decision, for reviewers. */
  readonly reasons: readonly string[];
}

export function finding(file: string, at: Located, code: DiagnosticCode, message: string, hint?: string): Diagnostic {
  return diag({ code, file, pos: at.pos, path: at.path, message, hint });
}
