import { AppError } from '../../http/errors.js';

/**
 * Objections are lodged without an account, so each client address may lodge only a few an
 * hour: enough for a real person, too few to flood the confidential queue.
 */
export class PerIpLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 60 * 60_000,
  ) {}

  /** Counts one attempt from `ip` at `now`, or refuses with 429 and the wait. */
  take(ip: string, now: number): void {
    const list = (this.hits.get(ip) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length >= this.max) {
      const seconds = Math.ceil((list[0]! + this.windowMs - now) / 1000);
      throw new AppError(429, 'TOO_MANY_REQUESTS', `提交过于频繁，请 ${Math.ceil(seconds / 60)} 分钟后再试`, undefined, seconds);
    }
    list.push(now);
    this.hits.set(ip, list);
    if (this.hits.size > 100_000) this.hits.clear(); // bounded memory under a spray
  }
}
