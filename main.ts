/**
 * Entry point of `cdktf synth` (see cdktf.json): wiring only, the flow is
 * `vpce synth`'s. Specs come from VPCE_SPECS, else specs/; stacks go to
 * CDKTF_OUTDIR, else cdktf.out.
 */
import { guarded, processIo } from "./src/cli/io";
import { synthesize } from "./src/cli/synth";

const io = processIo();
process.exitCode = guarded(io, () => synthesize({ outDir: process.env.CDKTF_OUTDIR || undefined, io }));
