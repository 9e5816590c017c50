/**
 * Diagnostics: every problem vpce finds, with a stable code, a severity and a
 * position in the user's file. Finding a problem (this module's data) is kept
 * separate from formatting it (`formatDiagnostic`).
 */

import { compareStrings } from "./order";
import type { RuleCode } from "./rules";
import { counted } from "./text";

/** Every code vpce can emit. A closed union: tests assert codes, not wording. */
export type DiagnosticCode = RuleCode;
export type Severity = "error" | "warning" | "info";

/** A 1-based line and column in a file. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Path of the spec file, as given (relative to the working directory where possible). */
  readonly file: string;
  readonly pos?: Position;
  /** Field path in the spec, e.g. `vpcs[0].subnets[1].services[2]`. Empty for whole-file problems. */
  readonly path: string;
  /** What is wrong, with the value found. */
  readonly message: string;
  /** What is allowed, or how to fix it. */
  readonly hint?: string;
  /** Closest valid names, best first. */
  readonly suggestions?: readonly string[];
  /** The subnets the finding concerns, by name, when its rule says. */
  readonly subnets?: readonly string[];
}

/** A value as quoted in a message: JSON, cut short so a huge value is not echoed whole. */
export function quote(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max - 3)}...` : value);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: file, line, column, code, message. Independent of the order rules ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      (a.pos?.line ?? 0) - (b.pos?.line ?? 0) ||
      (a.pos?.col ?? 0) - (b.pos?.col ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

/**
 * One diagnostic as the user reads it:
 * `specs/a.yaml:12:9: error UNKNOWN_SERVICE at vpcs[0].subnets[0].services[2]: ...`
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.pos ? `${d.file}:${d.pos.line}:${d.pos.col}` : d.file;
  const at = d.path ? ` at ${d.path}` : "";
  let text = `${where}: ${d.severity} ${d.code}${at}: ${d.message}`;
  if (d.suggestions) text += ` Did you mean ${d.suggestions.map((s) => `"${s}"`).join(", ")}?`;
  if (d.hint) text += `\n    ${d.hint}`;
  return text;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const e = count("error");
  const w = count("warning");
  return `${counted({ n: e, one: "error" })}, ${counted({ n: w, one: "warning" })}`;
}
