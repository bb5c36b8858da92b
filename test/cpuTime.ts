// Safety-net timings in tests (no catastrophic backtracking, no quadratic step) count
// this process's CPU time, not wall time: tests run on shared machines (CI on two cores,
// other jobs beside it), and a loaded machine must not fail a bound that exists to catch
// exponential work. Speed targets themselves live in the benchmark, not in tests.

/** Runs `fn` and returns its result with the CPU milliseconds (user + system) it took. */
export function cpuMs<T>(fn: () => T): { ms: number; result: T } {
  const t0 = process.cpuUsage();
  const result = fn();
  const d = process.cpuUsage(t0);
  return { ms: (d.user + d.system) / 1000, result };
}
