/**
 * The subjects of the fields and across-files stages: what their rules
 * (src/rules/fields/, src/rules/across-files/) look at.
 */
import type { Location } from "../rules/rule";
import type { PathSegment, SourceFile } from "./load";
import { resolveSpec, type DumpFacts, type PolicyRoot, type ResolvedSpec } from "./resolve";
import type { Spec } from "./schema";
import { formatPath, validateSchema, type SchemaFinding } from "./validate-schema";

/**
 * One spec file as far as it is known: its schema errors and the facts
 * resolved from its well-formed parts (the semantic rules judge those, so one
 * run reports a schema error and the independent problems beside it).
 */
export interface FieldSubject {
  readonly source: SourceFile;
  /** The schema errors of the file's data. */
  readonly schema: readonly SchemaFinding[];
  /** The facts of the file's well-formed parts; always present. */
  readonly facts: ResolvedSpec;
  /**
   * The same facts with the whole spec, present only when the schema passed.
   * Rules that have not moved to `facts` read this and so look only at
   * schema-valid files.
   */
  readonly resolved?: ResolvedSpec & { readonly spec: Spec };
  /** The location of a field of the file (of its key, for `key: true`). */
  at(segs: readonly PathSegment[], opts?: { key?: boolean }): Location & { readonly path: string };
}

export interface FieldSubjectOptions {
  readonly source: SourceFile;
  /** The file's YAML as plain data. */
  readonly data: unknown;
  /** What the region dump of a region says beyond the catalog (its service ids and zones), if one was recorded. */
  readonly dumpFacts?: (region: string) => DumpFacts | undefined;
  /** The folders policy files may come from. */
  readonly policyRoots: readonly PolicyRoot[];
}

export function fieldSubject({ source, data, dumpFacts, policyRoots }: FieldSubjectOptions): FieldSubject {
  const schema = validateSchema(source, data);
  const facts = resolveSpec({ source, data, schema, dumpFacts, policyRoots });
  return {
    source,
    schema,
    facts,
    // the schema passed: the data is a Spec
    resolved: schema.length === 0 ? { ...facts, spec: data as Spec } : undefined,
    at: (segs, opts) => ({ file: source.file, pos: source.positionOf(segs, opts), path: formatPath(segs) }),
  };
}

/** One parsed spec file and the facts of its well-formed parts. */
export interface ResolvedFile {
  readonly source: SourceFile;
  readonly facts: ResolvedSpec;
}

/** Every spec file that could be parsed (with or without errors), in file order. */
export interface AcrossFilesSubject {
  readonly files: readonly ResolvedFile[];
  /** `--specs` named one file: the other specs of its folder are not read (a hub's spokes, a spoke's hub). */
  readonly singleFile?: boolean;
}
