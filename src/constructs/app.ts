import * as path from "node:path";
import { App } from "cdktf";
import type { Plan } from "../planner/plan";
import { EndpointStack } from "./endpoint-stack";

export interface BuildAppOptions {
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

/** A cdktf App holding one EndpointStack per planned stack. */
export function buildApp(opts: BuildAppOptions): App {
  const app = new App({ outdir: opts.outdir, skipValidation: false });
  for (const stack of opts.plan.stacks) {
    const stackDir = path.resolve(opts.finalOutdir, "stacks", stack.stack);
    const rootFromStack = path.relative(stackDir, path.resolve(opts.projectRoot)).split(path.sep).join("/") || ".";
    new EndpointStack(app, { plan: stack, rootFromStack, awsProviderVersion: opts.awsProviderVersion });
  }
  return app;
}
