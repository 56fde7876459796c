/** Scores are kept in hundredths: 87.35, 90 (no trailing zeros), a dash when missing. */
export function formatScore(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return '—';
  return String(Math.round(n * 100) / 100);
}

/** A completion time as h:mm:ss or m:ss. */
export function formatSeconds(s: number | null | undefined): string {
  if (s == null) return '—';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * A notice's end in Beijing time: a period ends at 24:00 of its last working day, which reads
 * better as "2009-05-15 24:00" than as the next day's 00:00.
 */
export function formatBeijingEnd(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const b = t + 8 * 3600_000;
  if (b % 86_400_000 === 0) return `${new Date(b - 86_400_000).toISOString().slice(0, 10)} 24:00`;
  return new Date(b).toISOString().slice(0, 16).replace('T', ' ');
}
