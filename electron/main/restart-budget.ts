/**
 * How often a dead process is started again: at most `limit` times within `windowMs`. A process that keeps dying
 * (a broken install, a crash at start) is then left stopped and the window says so, instead of a restart loop.
 */
export function createRestartBudget(limit: number, windowMs: number) {
  const starts: number[] = [];
  return {
    /** Records a restart at `now` when the budget allows it; returns whether it does. */
    take(now: number): boolean {
      while (starts.length > 0 && starts[0]! <= now - windowMs) starts.shift();
      if (starts.length >= limit) return false;
      starts.push(now);
      return true;
    },
  };
}
