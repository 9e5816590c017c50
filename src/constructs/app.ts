// before cdktf: its root would load archiver at once (see defer-archiver.ts)
import "./defer-archiver";
import * as path from "node:path";
import { App } from "cdktf";
import type { Plan } from "../planner/plan";
import { withoutTokenCreationStacks } from "./creation-stacks";
import { EndpointStack } from "./endpoint-stack";

export interface SynthAppOptions {
  readonly plan: Plan;
  /** Where cdktf writes; default CDKTF_OUTDIR, else cdktf.out. */
  readonly outdir?: string;
  /**
   * The output folder the stacks will finally live in (they may be synthesized elsewhere first) and the project
   * root: local state paths are written relative to `<finalOutdir>/stacks/<stack>/`, pointing into the root.
   */
  readonly finalOutdir: string;
  readonly projectRoot: string;
  /** `required_providers.aws.version`; default: defaultAwsProviderConstraint(). */
  readonly awsProviderVersion?: string;
}

/**
 * Synthesizes one EndpointStack per planned stack into `outdir` (a stack folder each, and manifest.json): what
 * `App.synth()` writes for an App holding them all, byte for byte, built and written one stack at a time.
 *
 * Each stack is constructed, synthesized and dropped from the App before the next one is built, so memory holds
 * one stack's constructs at a time, not the organisation's. App.synth would first run a preparing resolve of every
 * element of every stack (TerraformStack.prepareStack), which only looks for cross-stack references to turn into
 * outputs and remote state: vpce never makes one (every reference is a literal `${...}` string, and hubs share zone
 * ids through a named output), so that whole pass over the tree is skipped. The stack synthesizer still runs
 * cdktf's validations of every construct; the App's own validations run and the manifest is written by App.synth
 * on the emptied App, whose manifest kept every stack's entry. The constructs are built without cdktf's token
 * creation stacks (creation-stacks.ts).
 */
export function synthApp(opts: SynthAppOptions): void {
  const app = new App({ outdir: opts.outdir, skipValidation: false });
  const session = { outdir: app.outdir, skipValidation: false, manifest: app.manifest };
  const names = new Set<string>();
  for (const plan of opts.plan.stacks) {
    // the App no longer refuses a second construct of the name (the first one is gone): one stack would overwrite
    // the other's files
    if (names.has(plan.stack)) throw new Error(`internal: two stacks named ${plan.stack}`);
    names.add(plan.stack);
    const stackDir = path.resolve(opts.finalOutdir, "stacks", plan.stack);
    const rootFromStack = path.relative(stackDir, path.resolve(opts.projectRoot)).split(path.sep).join("/") || ".";
    const stack = withoutTokenCreationStacks(
      () => new EndpointStack(app, { plan, rootFromStack, awsProviderVersion: opts.awsProviderVersion }),
    );
    stack.synthesizer.synthesize(session);
    app.node.tryRemoveChild(stack.node.id);
  }
  app.synth();
}
