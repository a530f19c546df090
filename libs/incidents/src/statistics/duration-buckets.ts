/**
 * Times from aware to contained and to resolved are stored as counts per bucket (hours), so that
 * they add up over months and municipalities like every other figure, and the published median is
 * interpolated within its bucket: a function of counts, not any one incident's (or municipality's)
 * time. The last bucket takes everything from 90 days on and is read as 90–180 days.
 */
export const DURATION_BUCKET_HOURS = [0, 1, 2, 4, 8, 12, 24, 48, 72, 168, 336, 720, 2160] as const;
const LAST_UPPER = 4320;

/** Bucket i (1-based, as PostgreSQL's width_bucket numbers them) spans [lower, upper) hours. */
export function bucketBounds(i: number): { lower: number; upper: number } {
  const lower = DURATION_BUCKET_HOURS[i - 1];
  const upper = i < DURATION_BUCKET_HOURS.length ? DURATION_BUCKET_HOURS[i] : LAST_UPPER;
  return { lower, upper };
}

/** The bucket of a duration in hours, as the recompute's SQL assigns it (negative: the first). */
export function bucketOf(hours: number): number {
  let i = 1;
  while (i < DURATION_BUCKET_HOURS.length && hours >= DURATION_BUCKET_HOURS[i]) i++;
  return i;
}

/**
 * The grouped median: the bucket holding the middle incident, and the linear interpolation within
 * it (lower + (n/2 − below) / count × width), rounded to 0.1 h. Null when there is nothing.
 */
export function groupedMedian(counts: ReadonlyMap<number, number>): number | null {
  const n = [...counts.values()].reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  let below = 0;
  for (const i of [...counts.keys()].sort((a, b) => a - b)) {
    const c = counts.get(i)!;
    if (c > 0 && below + c >= n / 2) {
      const { lower, upper } = bucketBounds(i);
      return Math.round((lower + ((n / 2 - below) / c) * (upper - lower)) * 10) / 10;
    }
    below += c;
  }
  return null;
}
