// Preloaded by scripts/bench.js: prints the peak RSS of this process at exit.
process.on("exit", () => process.stderr.write(`VPCE_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`));
