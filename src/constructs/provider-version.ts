/**
 * The `hashicorp/aws` version constraint a stack writes into
 * `terraform.required_providers.aws.version`. cdktf would write the bindings'
 * exact version (`6.25.0`), which makes `terraform init` fail in any pipeline
 * whose lock file holds a newer 6.x. The default is a range from the bindings'
 * version up to the next major (the JSON follows that major's schema); a
 * project sets its own in cdktf.json (`context."vpce:awsProviderVersion"`).
 */
// before cdktf: its root would load archiver at once (see defer-archiver.ts)
import "./defer-archiver";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";

let bindings: string | undefined;

/** The provider version the bindings were generated from, as cdktf would pin it (e.g. `6.25.0`). */
export function bindingsAwsVersion(): string {
  if (bindings === undefined) {
    // The version is only known to an instance. Its stack hangs off a bare root construct, not an App: an App
    // creates its output folder and `<outdir>/stacks` as soon as it is constructed, here in the working directory.
    const root = new Construct(undefined as unknown as Construct, "");
    const provider = new AwsProvider(new TerraformStack(root, "probe"), "aws");
    const meta = provider.terraformGeneratorMetadata;
    const version = meta?.providerVersion ?? meta?.providerVersionConstraint;
    if (!version || !/^\d+\.\d+\.\d+$/.test(version))
      throw new Error(`internal: the AWS provider bindings name no exact provider version (${String(version)})`);
    bindings = version;
  }
  return bindings;
}

/** `>= <bindings>, < <next major>.0.0`: any later release of the major the bindings were generated for. */
export function defaultAwsProviderConstraint(): string {
  const version = bindingsAwsVersion();
  return `>= ${version}, < ${Number(version.split(".")[0]) + 1}.0.0`;
}

/** Undefined when `text` is a constraint the stacks can carry; else why not, in a sentence. */
export function awsProviderVersionProblem(text: string): string | undefined {
  return constraintProblem({ text, major: Number(bindingsAwsVersion().split(".")[0]) });
}

type Op = "=" | "!=" | ">" | ">=" | "<" | "<=" | "~>";
interface Term {
  readonly op: Op;
  /** The segments written (1 to 3). */
  readonly segments: readonly number[];
  readonly prerelease: boolean;
}

// Terraform's version constraint syntax (hashicorp/go-version): comma-separated `<op> <version>`, op optional (=).
const TERM = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+(?:\.\d+){0,2})(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?\s*$/;

/**
 * Undefined when `text` is a Terraform version constraint that admits a release of `major` (the bindings'
 * major); else why not, in a sentence.
 */
export function constraintProblem(opts: { text: string; major: number }): string | undefined {
  const { text, major } = opts;
  const terms: Term[] = [];
  for (const part of text.split(",")) {
    const m = TERM.exec(part);
    if (!m)
      return (
        `${JSON.stringify(part.trim())} is not a version constraint: write an operator ` +
        `(=, !=, >, >=, <, <=, ~>) and a version of one to three numbers, e.g. "~> ${major}.30"`
      );
    terms.push({ op: (m[1] ?? "=") as Op, segments: m[2].split(".").map(Number), prerelease: m[3] !== undefined });
  }
  // Pre-release terms match pre-releases only; Terraform judges those, vpce checks their syntax.
  if (terms.some((t) => t.prerelease)) return undefined;
  // Every bound lies on a term's version; the smallest version of each interval the terms leave is one of these.
  const candidates: number[][] = [[major, 0, 0]];
  for (const t of terms) {
    const v = pad(t.segments);
    candidates.push(v, [v[0], v[1], v[2] + 1]);
  }
  const admitted = candidates.some((c) => c[0] === major && terms.every((t) => satisfies(c, t)));
  return admitted
    ? undefined
    : `it admits no ${major}.x release of hashicorp/aws, the major version the stacks are generated for`;
}

function pad(segments: readonly number[]): number[] {
  return [segments[0], segments[1] ?? 0, segments[2] ?? 0];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function satisfies(v: readonly number[], t: Term): boolean {
  const c = compare(v, pad(t.segments));
  switch (t.op) {
    case "=":
      return c === 0;
    case "!=":
      return c !== 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case "~>": {
      // ~> 6.25 allows 6.x from 6.25; ~> 6.25.1 allows 6.25.x from 6.25.1; ~> 6 allows any release from 6.0.0
      if (c < 0) return false;
      if (t.segments.length === 1) return true;
      const fixed = t.segments.length - 1;
      return t.segments.slice(0, fixed).every((s, i) => v[i] === s);
    }
  }
}
