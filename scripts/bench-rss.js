// Preloaded by scripts/bench.js: prints the peak RSS and the CPU time (user + system, all threads) of this process
// at exit.
process.on("exit", () => {
  const u = process.resourceUsage();
  process.stderr.write(`VPCE_MAX_RSS_KB=${u.maxRSS} VPCE_CPU_US=${u.userCPUTime + u.systemCPUTime}\n`);
});
