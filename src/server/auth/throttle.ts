/**
 * Login throttling: failures are counted per account name and per client address in a sliding
 * window. Unknown names are counted exactly like known ones, so the answer never tells which
 * usernames exist.
 */
export interface ThrottleRule {
  max: number;
  windowMs: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perAccount: ThrottleRule = { max: 5, windowMs: 15 * 60_000 },
    private readonly perIp: ThrottleRule = { max: 30, windowMs: 15 * 60_000 },
  ) {}

  private recent(key: string, windowMs: number, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait, or 0 when a try is allowed. */
  retryAfter(login: string, ip: string, now: number): number {
    let wait = 0;
    for (const [key, rule] of [[`a:${login.toLowerCase()}`, this.perAccount], [`i:${ip}`, this.perIp]] as const) {
      const list = this.recent(key, rule.windowMs, now);
      if (list.length >= rule.max) wait = Math.max(wait, Math.ceil((list[0]! + rule.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(login: string, ip: string, now: number): void {
    for (const key of [`a:${login.toLowerCase()}`, `i:${ip}`]) {
      const list = this.failures.get(key) ?? [];
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.failures.clear(); // bounded memory under a spray
  }

  succeed(login: string): void {
    this.failures.delete(`a:${login.toLowerCase()}`);
  }
}
