/**
 * The shape of every rule, and the one way to report a finding.
 *
 * A rule is one file named after what it checks. It exports one `Rule`: the
 * codes it may raise (each with its severity, the text of its message and
 * hint, and one line each for the diagnostics doc), and a `check` that looks
 * at the subject of its stage and calls `ctx.report(at, code, details)`.
 * The check decides *whether* and *where*; the code table says *what to
 * print*. A rule can only raise the codes in its own table: the registry
 * (`./index.ts`) refuses a code declared twice, so every code is raised from
 * exactly one file.
 *
 * Stages (one folder each under src/rules/) and their subjects:
 *  - load:         the specs folder as read and parsed (files, bytes, YAML)
 *  - fields:       one spec file: schema errors, the spec's values
 *  - across-files: the validated specs together
 *  - region-dumps: the folder of region dumps as read
 *  - inventory:    the folder of endpoint inventories (describe-vpc-endpoints) as read
 *  - plan:         the planned stacks with the facts the planner used
 */
import type { Position, Severity } from "../diagnostics";

/** Where a finding points: the file, the position in it, the field path (`vpcs[0].subnets[1].cidr`). */
export interface Location {
  readonly file: string;
  readonly pos?: Position;
  readonly path?: string;
}

/**
 * One diagnostic code of a rule. `message` and `hint` turn the details the
 * check reported into text; `trigger` and `fix` are the code's row in
 * docs/diagnostics.md.
 */
export interface CodeSpec<D> {
  readonly severity: Severity;
  /** What makes the code fire, for the diagnostics doc. */
  readonly trigger: string;
  /** What the user does about it, for the diagnostics doc. */
  readonly fix: string;
  /** What is wrong, with the value found. */
  readonly message: (details: D) => string;
  /** What is allowed, or how to fix it, printed under the message. */
  readonly hint?: (details: D) => string | undefined;
}

/**
 * A rule's codes. `never` accepts any details type; each code's own `message`
 * parameter fixes what ctx.report must pass for it.
 */
export type CodeTable = Readonly<Record<string, CodeSpec<never>>>;

/** The details a code's message takes. */
export type DetailsOf<S> = S extends { message: (details: infer D) => string } ? D : never;

export interface ReportOptions {
  /** Closest valid names, best first ("Did you mean ..."). */
  readonly suggestions?: readonly string[];
}

/** The one way a rule reports: where, which of its codes, the details its message needs. */
export interface RuleContext<K extends CodeTable> {
  report<C extends keyof K & string>(at: Location, code: C, details: DetailsOf<K[C]>, opts?: ReportOptions): void;
}

export type Stage = "load" | "fields" | "across-files" | "region-dumps" | "inventory" | "plan";

export interface Rule<S, K extends CodeTable = CodeTable> {
  /** The rule's file name without extension (kebab-case): what it checks. */
  readonly name: string;
  readonly stage: Stage;
  readonly codes: K;
  /** Looks at the subject of its stage and reports through `ctx`; never throws for a user error. */
  readonly check: (subject: S, ctx: RuleContext<K>) => void;
}

/**
 * `rule<Subject>()({...})`: fixes the subject type and infers the code table,
 * so `ctx.report` accepts exactly the rule's codes with their details.
 */
export function rule<S>() {
  return <K extends CodeTable>(r: Rule<S, K>): Rule<S, K> => r;
}
