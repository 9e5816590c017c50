/**
 * What bin/vpce.js runs (the CLI and the process's streams), and what scripts/cdktf-app.js (cdktf.json's app) runs:
 * main.ts's synth. scripts/bundle.js bundles this module and everything it requires (but cdktf, the provider
 * bindings, constructs and jsonc-parser) into dist/vpce.js.
 */
import type { SynthesizeOptions } from "./synth";

export { run } from "./main";
export { guarded, processIo } from "./io";

/** main.ts's synth, loaded when called: the CLI's other commands never load it (src/cli/main.ts loads it so too). */
export function synthesize(opts: SynthesizeOptions): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("./synth") as typeof import("./synth")).synthesize(opts);
}
