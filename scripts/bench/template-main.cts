/**
 * The cdktf template's way, for the benchmark only: `cdktf init --template=typescript` projects run
 * `npx ts-node main.ts`, which type-checks and compiles on every synth, and import the provider from its
 * package root. This is main.ts doing exactly that; the flow it runs is vpce's own. A .cts file (CommonJS
 * TypeScript, what main.ts compiles to) so that the project's typecheck, which takes every .ts file under
 * scripts/, does not load the provider root's 2,200 declaration files too (+4 s of CPU per typecheck).
 */
import { provider, securityGroup, vpcEndpoint, vpcSecurityGroupIngressRule } from "@cdktf/provider-aws";
import { guarded, processIo } from "../../src/cli/io";
import { synthesize } from "../../src/cli/synth";

// Used, so that the root import is not elided: these are the classes vpce's stacks are made of.
const classes: unknown[] = [
  provider.AwsProvider,
  securityGroup.SecurityGroup,
  vpcEndpoint.VpcEndpoint,
  vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule,
];
if (classes.some((c) => typeof c !== "function"))
  throw new Error("the provider package does not export the resource classes");
const io = processIo();
process.exitCode = guarded(io, () => synthesize({ outDir: process.env.CDKTF_OUTDIR || undefined, io }));
