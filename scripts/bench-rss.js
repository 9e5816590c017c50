// Preloaded by scripts/bench.js: prints the peak RSS and the CPU time (user + system, all threads) of this process
// at exit. The peak is /proc's VmHWM where there is one: resourceUsage().maxRSS keeps the parent's peak across
// fork and exec on Linux, so a child of a large benchmark process reported the benchmark's memory as its own.
const fs = require("node:fs");

function peakKb() {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // no /proc (macOS): the rusage peak
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => {
  const u = process.resourceUsage();
  process.stderr.write(`VPCE_MAX_RSS_KB=${peakKb()} VPCE_CPU_US=${u.userCPUTime + u.systemCPUTime}\n`);
});
