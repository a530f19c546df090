/**
 * A duration as a Danish reader scans it: "5 t 12 min", "12 min", and days only beyond the 72-hour
 * clocks ("30 d 2 t"), so that the GDPR and NIS2 deadlines count in hours (minutes rounded down).
 */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((days >= 4 ? minutes % (24 * 60) : minutes) / 60);
  const rest = minutes % 60;
  if (days >= 4) return hours > 0 ? `${days} d ${hours} t` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} t ${rest} min` : `${hours} t`;
  return `${rest} min`;
}

/** "forfalder om 5 t 12 min", or once past due "overskredet med 3 t". */
export function countdown(dueAt: Date, now: Date): { text: string; overdue: boolean } {
  const left = dueAt.getTime() - now.getTime();
  return left >= 0
    ? { text: `forfalder om ${formatDuration(left)}`, overdue: false }
    : { text: `overskredet med ${formatDuration(-left)}`, overdue: true };
}
