import { App } from "cdktf";
import type { Plan } from "../planner/plan";
import { EndpointStack } from "./endpoint-stack";

/** A cdktf App holding one EndpointStack per planned stack. `outdir` defaults to CDKTF_OUTDIR, else cdktf.out. */
export function buildApp(plan: Plan, outdir?: string): App {
  const app = new App({ outdir, skipValidation: false });
  for (const stack of plan.stacks) new EndpointStack(app, { plan: stack });
  return app;
}
