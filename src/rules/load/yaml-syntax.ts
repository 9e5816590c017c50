import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** Deepest nesting accepted (the format needs 6). */
export const MAX_DEPTH = 32;
/**
 * Nesting the raw text may show before parsing, coarser than MAX_DEPTH (plain
 * scalars may hold brackets); see scanNesting in src/input/load.ts.
 */
export const MAX_SCAN_DEPTH = 128;

type YamlSyntaxDetails =
  /** The raw text nests deeper than MAX_SCAN_DEPTH: not given to the parser. */
  | { readonly kind: "scan-depth" }
  /** An error of the YAML parser, in its words. */
  | { readonly kind: "parser"; readonly parserMessage: string }
  /** A tag (`!custom`) or directive (`%FOO`) the parser could not resolve and would read as a string. */
  | { readonly kind: "unresolved"; readonly parserMessage: string; readonly tag: boolean }
  /** The parsed mapping nests deeper than MAX_DEPTH. */
  | { readonly kind: "depth"; readonly depth: number };

export function firstLine(s: string): string {
  return s.split("\n")[0].trim();
}

/** Messages of the YAML parser that name its API or its internals, in the user's words. */
export function explainYamlError(message: string): { message: string; hint?: string } {
  if (/multiple documents/i.test(message)) {
    return {
      message: "the file holds more than one YAML document (a line with ---); a spec is one document.",
      hint: "Put each spec in a file of its own (one file, one stack).",
    };
  }
  if (/call stack|too much recursion/i.test(message)) {
    return {
      message: `the document nests too deeply to read (specs need at most ${MAX_DEPTH} levels).`,
      hint: "Check for unbalanced [ or { brackets.",
    };
  }
  return { message };
}

/** A spec is one plain YAML 1.2 document the parser reads without error, nested no deeper than MAX_DEPTH. */
export const yamlSyntax = rule<LoadSubject>()({
  name: "yaml-syntax",
  stage: "load",
  codes: {
    YAML_SYNTAX: {
      severity: "error",
      trigger: "a spec is not valid YAML, holds more than one document, uses a tag or directive, or nests too deeply",
      fix: "fix the YAML at the position given (unbalanced brackets, indentation, quotes); write plain values",
      message: (d: YamlSyntaxDetails) => {
        switch (d.kind) {
          case "scan-depth":
            return `the document nests more than ${MAX_SCAN_DEPTH} levels deep here; specs need at most ${MAX_DEPTH}.`;
          case "parser":
            return explainYamlError(firstLine(d.parserMessage)).message;
          case "unresolved":
            return `${firstLine(d.parserMessage)}.`;
          case "depth":
            return `the document nests ${d.depth} levels deep; specs need at most ${MAX_DEPTH}.`;
        }
      },
      hint: (d: YamlSyntaxDetails) => {
        switch (d.kind) {
          case "scan-depth":
            return "Check for unbalanced [ or { brackets, or list items (- ) piled on one line.";
          case "parser":
            return explainYamlError(firstLine(d.parserMessage)).hint;
          case "unresolved":
            return d.tag
              ? "Specs use plain YAML 1.2 values: remove the tag (quote the value if it must stay a string)."
              : "Remove the directive: specs are plain YAML 1.2.";
          case "depth":
            return undefined;
        }
      },
    },
  },
  check(subject, ctx) {
    for (const f of subject.files) {
      if (f.nestingAt) ctx.report({ file: f.file, pos: f.nestingAt }, "YAML_SYNTAX", { kind: "scan-depth" });
      for (const e of f.yamlErrors)
        if (e.code !== "DUPLICATE_KEY")
          ctx.report({ file: f.file, pos: e.pos }, "YAML_SYNTAX", { kind: "parser", parserMessage: e.message });
      // The parser only warns about tags and directives it cannot resolve (`!custom`, `!!js/function`,
      // `!!float` outside YAML 1.2, `%FOO`) and then reads the value as a plain string: a spec must not
      // mean something other than what it says, so these are errors.
      for (const w of f.yamlWarnings)
        ctx.report({ file: f.file, pos: w.pos }, "YAML_SYNTAX", {
          kind: "unresolved",
          parserMessage: w.message,
          tag: w.code === "TAG_RESOLVE_FAILED",
        });
      const depth = f.root?.depth;
      if (depth !== undefined && depth > MAX_DEPTH)
        ctx.report({ file: f.file, pos: { line: 1, col: 1 } }, "YAML_SYNTAX", { kind: "depth", depth });
    }
  },
});
