/**
 * Structural validation against the spec schema (Ajv, all errors at once),
 * mapped to vpce diagnostics with positions and closest valid keys.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { diag, quote, type Diagnostic, type DiagnosticCode } from "../diagnostics";
import { closest } from "../suggest";
import type { PathSegment, SourceFile } from "./load";
import { SpecSchema } from "./schema";

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
    ajv.addVocabulary(["x-code", "x-hint"]);
    compiled = ajv.compile(JSON.parse(JSON.stringify(SpecSchema)));
  }
  return compiled;
}

export function pointerToSegments(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `vpcs[0].subnets[1].name` */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return "nothing (null)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string ${quote(v)}`;
  return `the ${typeof v} ${String(v)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
};

export function validateSchema(source: SourceFile, data: unknown): Diagnostic[] {
  const validate = validator();
  if (validate(data)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const d = toDiagnostic(source, e);
    const key = `${d.path}|${d.code}|${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

function toDiagnostic(source: SourceFile, e: ErrorObject): Diagnostic {
  const segs = pointerToSegments(e.instancePath);
  const file = source.file;
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  const hint = schema["x-hint"] as string | undefined;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const keySegs = [...segs, key];
      const allowed = Object.keys((schema.properties as object) ?? {}).filter((k) => k !== "$schema");
      if (allowed.length === 0) {
        // a map keyed by names (endpoints, tags): the key itself has a bad form
        return diag({
          code: "INVALID_VALUE",
          file,
          pos: source.positionOf(keySegs, { key: true }),
          path: formatPath(keySegs),
          message: `the key ${JSON.stringify(key)} is not a valid name here.`,
          hint: (schema.description as string | undefined) ?? "Keys are lowercase letters, digits, '.', '-' and '_'.",
        });
      }
      return diag({
        code: "UNKNOWN_FIELD",
        file,
        pos: source.positionOf(keySegs, { key: true }),
        path: formatPath(keySegs),
        message: `unknown field ${JSON.stringify(key)}${segs.length ? ` in ${formatPath(segs)}` : ""}.`,
        hint: `Allowed fields: ${allowed.join(", ")}.`,
        suggestions: closest(key, allowed),
      });
    }
    case "required": {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return diag({
        code: "MISSING_FIELD",
        file,
        pos: source.positionOf(segs),
        path: formatPath([...segs, missing]),
        message: `missing required field ${JSON.stringify(missing)}${segs.length ? ` in ${formatPath(segs)}` : ""}.`,
      });
    }
    case "type": {
      const want = (e.params as { type: string }).type;
      return diag({
        code: "WRONG_TYPE",
        file,
        pos: source.positionOf(segs),
        path: formatPath(segs),
        message: `expected ${TYPE_WORDS[want] ?? want}, found ${describeValue(e.data)}.`,
        hint,
      });
    }
    default: {
      const code = (schema["x-code"] as DiagnosticCode | undefined) ?? "INVALID_VALUE";
      const allowedValues = e.keyword === "enum" ? (e.params as { allowedValues: string[] }).allowedValues : undefined;
      return diag({
        code,
        file,
        pos: source.positionOf(segs),
        path: formatPath(segs),
        message: `${describeValue(e.data)} is not valid here: ${e.message}.`,
        hint: allowedValues ? `Allowed: ${allowedValues.join(", ")}.` : hint,
        suggestions: allowedValues && typeof e.data === "string" ? closest(e.data, allowedValues) : undefined,
      });
    }
  }
}
