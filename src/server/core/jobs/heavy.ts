import { AppError } from '../../http/errors.js';

/** A counting semaphore; waiting acquirers are served in order. */
export class Semaphore {
  private used = 0;
  private waiting: (() => void)[] = [];
  constructor(readonly limit: number) {}

  get inUse(): number {
    return this.used;
  }

  /** A release function, or null when every slot is taken. */
  tryAcquire(): (() => void) | null {
    if (this.used >= this.limit) return null;
    this.used++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used--;
      this.waiting.shift()?.();
    };
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Waits up to `timeoutMs` for a slot (unless `maxWaiting` already wait); null if none came free. */
  async acquire(timeoutMs: number, maxWaiting = Infinity): Promise<(() => void) | null> {
    const now = this.tryAcquire();
    if (now || timeoutMs <= 0 || this.waiting.length >= maxWaiting) return now;
    return new Promise((resolve) => {
      const take = () => {
        clearTimeout(timer);
        resolve(this.tryAcquire());
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== take);
        resolve(null);
      }, timeoutMs);
      this.waiting.push(take);
    });
  }
}

function limitFromEnv(): number {
  const n = Number(process.env.HEAVY_JOBS ?? '');
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 2;
}

/**
 * Heavy work in this process: large Excel exports and background jobs such as certificate ZIPs.
 * At most HEAVY_JOBS (default 2) run at once per instance, so that a burst of exports cannot take
 * the memory and the event loop from everything else (/api/health, marking, the public pages).
 */
export const heavyWork = new Semaphore(limitFromEnv());

/** How long an export waits for a slot before it is refused, and how many may wait (tests shorten it). */
export const heavyQueue = { waitMs: 20_000, maxWaiting: 8 };
export const HEAVY_RETRY_AFTER_S = 15;

export const serverBusy = () =>
  new AppError(503, 'BUSY', `服务器正在处理其他导出或生成任务，请约 ${HEAVY_RETRY_AFTER_S} 秒后再试`, undefined, HEAVY_RETRY_AFTER_S);

/** A heavy slot for a request, waiting in line briefly (the download starts late, nothing else); a clear 503 with Retry-After when the server is busy. */
export async function acquireHeavy(sem: Semaphore = heavyWork): Promise<() => void> {
  const release = await sem.acquire(heavyQueue.waitMs, heavyQueue.maxWaiting);
  if (!release) throw serverBusy();
  return release;
}
