/**
 * What bin/vpce.js runs: the CLI and the process's streams. scripts/bundle.js bundles this module and everything it
 * requires (cdktf and the provider bindings left out) into dist/vpce.js.
 */
export { run } from "./main";
export { processIo } from "./io";
