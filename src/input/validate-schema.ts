/**
 * Structural validation against the spec schema (Ajv, all errors at once),
 * classified with positions; the rules of the fields stage report them.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { quote, type Position } from "../diagnostics";
import { closest } from "../suggest";
import type { PathSegment, SourceFile } from "./load";
import specValidator from "./spec-validator.generated";
import type { CodeSpec } from "../rules/rule";

/** The schema's validator, compiled ahead of time (spec-validator-source.ts says why). */
function validator(): ValidateFunction {
  return specValidator as unknown as ValidateFunction;
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

/** Where a schema finding points. */
export interface SchemaLocation {
  readonly file: string;
  readonly pos: Position;
  readonly path: string;
}

/**
 * One schema (Ajv) error, classified for the rules that report it; the fields
 * stage's rules turn these into diagnostics (src/rules/fields/).
 */
export type SchemaFinding =
  /** A key the format does not have; `allowed` are the keys of that mapping. */
  | {
      readonly kind: "unknown-field";
      readonly at: SchemaLocation;
      readonly key: string;
      readonly parent: string;
      readonly allowed: readonly string[];
    }
  /** A key of a map keyed by names (endpoints, tags) of a bad form; `parent` is the map's path. */
  | {
      readonly kind: "bad-key";
      readonly at: SchemaLocation;
      readonly key: string;
      readonly parent: string;
      readonly description?: string;
    }
  | { readonly kind: "missing"; readonly at: SchemaLocation; readonly missing: string; readonly parent: string }
  | {
      readonly kind: "wrong-type";
      readonly at: SchemaLocation;
      readonly want: string;
      readonly found: unknown;
      readonly hint?: string;
    }
  /** A value outside what its field allows; `code` is the field's `x-code`, else INVALID_VALUE. */
  | {
      readonly kind: "bad-value";
      readonly code: "INVALID_VALUE" | "INVALID_ID" | "UNSUPPORTED_VERSION";
      readonly at: SchemaLocation;
      readonly found: unknown;
      /** Ajv's wording of the constraint ("must match pattern ..."). */
      readonly reason: string;
      readonly allowedValues?: readonly string[];
      readonly hint?: string;
    };

/** The schema errors of one file's data, classified; empty when the data is a valid spec. */
export function validateSchema(source: SourceFile, data: unknown): SchemaFinding[] {
  const validate = validator();
  if (validate(data)) return [];
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const f = classify(source, e);
    // Ajv can raise one problem twice (several keywords failing alike): report it once
    const key = JSON.stringify([f.at.path, f.kind === "bad-value" ? f.code : f.kind, messageInputs(f)]);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/** What a finding's message is made of: two findings with the same inputs at one path print the same message. */
function messageInputs(f: SchemaFinding): string[] {
  switch (f.kind) {
    case "unknown-field":
      return [f.key, f.parent];
    case "bad-key":
      return [f.key];
    case "missing":
      return [f.missing, f.parent];
    case "wrong-type":
      return [typeWords(f.want), describeValue(f.found)];
    case "bad-value":
      return [describeValue(f.found), f.reason];
  }
}

/** The message of a value outside what its field allows (INVALID_VALUE, INVALID_ID, UNSUPPORTED_VERSION). */
/** What a bad-value finding of the schema tells its message and hint. */
export interface BadValueDetails {
  readonly found: unknown;
  readonly reason: string;
  readonly allowedValues?: readonly string[];
  readonly hint?: string;
}

/** The code-table entry of a code the schema raises for a bad value (`x-code`): the schema's own words. */
export function schemaValueCode(doc: { readonly trigger: string; readonly fix: string }): CodeSpec<BadValueDetails> {
  return { severity: "error", ...doc, message: badValueMessage, hint: badValueHint };
}

export function badValueMessage(f: { readonly found: unknown; readonly reason: string }): string {
  return `${describeValue(f.found)} is not valid here: ${f.reason}.`;
}

/** Its hint: the allowed values of an enum, else the field's x-hint. */
export function badValueHint(f: {
  readonly allowedValues?: readonly string[];
  readonly hint?: string;
}): string | undefined {
  return f.allowedValues ? `Allowed: ${f.allowedValues.join(", ")}.` : f.hint;
}

/** In words: `expected a list`. */
export function typeWords(want: string): string {
  return TYPE_WORDS[want] ?? want;
}

function classify(source: SourceFile, e: ErrorObject): SchemaFinding {
  const segs = pointerToSegments(e.instancePath);
  const file = source.file;
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  const hint = schema["x-hint"] as string | undefined;
  const at = (pathSegs: readonly PathSegment[], posSegs = pathSegs, opts: { key?: boolean } = {}): SchemaLocation => ({
    file,
    pos: source.positionOf(posSegs, opts),
    path: formatPath(pathSegs),
  });
  switch (e.keyword) {
    case "additionalProperties": {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const keySegs = [...segs, key];
      const allowed = Object.keys((schema.properties as object) ?? {}).filter((k) => k !== "$schema");
      // a map keyed by names (endpoints, tags) has no fixed keys: the key itself has a bad form
      if (allowed.length === 0)
        return {
          kind: "bad-key",
          at: at(keySegs, keySegs, { key: true }),
          key,
          parent: formatPath(segs),
          description: schema.description as string | undefined,
        };
      return { kind: "unknown-field", at: at(keySegs, keySegs, { key: true }), key, parent: formatPath(segs), allowed };
    }
    case "required": {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return { kind: "missing", at: at([...segs, missing], segs), missing, parent: formatPath(segs) };
    }
    case "type":
      return { kind: "wrong-type", at: at(segs), want: (e.params as { type: string }).type, found: e.data, hint };
    default:
      return {
        kind: "bad-value",
        code: (schema["x-code"] as "INVALID_ID" | "UNSUPPORTED_VERSION" | undefined) ?? "INVALID_VALUE",
        at: at(segs),
        found: e.data,
        reason: String(e.message),
        allowedValues: e.keyword === "enum" ? (e.params as { allowedValues: string[] }).allowedValues : undefined,
        hint,
      };
  }
}

/** Its suggestions: the closest allowed values of an enum to a string found. */
export function badValueSuggestions(f: {
  readonly allowedValues?: readonly string[];
  readonly found: unknown;
}): string[] {
  return f.allowedValues && typeof f.found === "string" ? closest(f.found, f.allowedValues) : [];
}
