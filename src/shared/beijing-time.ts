/** A moment as a clerk in China reads it: "2009-05-15 17:00" in Beijing time (UTC+8, no DST). */
export function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
