export const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => (xs.length ? sorted(xs)[Math.floor(xs.length / 2)] : null);
/** Nearest-rank percentile: with fewer than 100 samples p99 is the slowest one. */
export const percentile = (xs, p) =>
  xs.length ? sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)] : null;
