/**
 * The subjects of the fields and across-files stages: what their rules
 * (src/rules/fields/, src/rules/across-files/) look at.
 */
import type { Location } from "../rules/rule";
import type { PathSegment, SourceFile } from "./load";
import { resolveSpec, type DumpZones, type ResolvedSpec } from "./resolve";
import type { Spec } from "./schema";
import type { SpecModel } from "./spec-model";
import { formatPath, validateSchema, type SchemaFinding } from "./validate-schema";

/** One spec file as far as it is known: its schema errors and, when there are none, its resolved facts. */
export interface FieldSubject {
  readonly source: SourceFile;
  /** The schema errors of the file's data; the semantic rules look only at files without any. */
  readonly schema: readonly SchemaFinding[];
  /** The spec and the facts resolved from it; present when the schema passed. */
  readonly resolved?: ResolvedSpec;
  /** The location of a field of the file (of its key, for `key: true`). */
  at(segs: readonly PathSegment[], opts?: { key?: boolean }): Location & { readonly path: string };
}

export interface FieldSubjectOptions {
  readonly source: SourceFile;
  /** The file's YAML as plain data. */
  readonly data: unknown;
  /** Ids the region dump of a region lists beyond the catalog. */
  readonly dumpIds?: (region: string) => ReadonlySet<string> | undefined;
  /** Zones the region dump of a region names (they count as known zones of that region). */
  readonly dumpZones?: (region: string) => DumpZones | undefined;
}

export function fieldSubject({ source, data, dumpIds, dumpZones }: FieldSubjectOptions): FieldSubject {
  const schema = validateSchema(source, data);
  const spec = data as Spec;
  return {
    source,
    schema,
    resolved:
      schema.length === 0
        ? resolveSpec({
            source,
            spec,
            dumpIds: dumpIds?.(spec.region) ?? new Set(),
            dumpZones: dumpZones?.(spec.region),
          })
        : undefined,
    at: (segs, opts) => ({ file: source.file, pos: source.positionOf(segs, opts), path: formatPath(segs) }),
  };
}

/** The specs that produced a model (files without errors), in file order. */
export interface AcrossFilesSubject {
  readonly models: readonly SpecModel[];
}
