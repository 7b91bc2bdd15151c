// Login throttling: after 5 failures for a username (from any address) within 15 minutes,
// further attempts wait, doubling from 30 s up to 15 minutes. In memory: one process.
const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES = 5;

interface Entry { failures: number; first: number; lockedUntil: number }

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait, or 0 when an attempt is allowed. */
  waitSeconds(username: string): number {
    const e = this.entries.get(username.toLowerCase());
    if (!e) return 0;
    const t = this.now();
    if (t - e.first > WINDOW_MS && t >= e.lockedUntil) { this.entries.delete(username.toLowerCase()); return 0; }
    return e.lockedUntil > t ? Math.ceil((e.lockedUntil - t) / 1000) : 0;
  }

  fail(username: string): void {
    const key = username.toLowerCase();
    const t = this.now();
    const e = this.entries.get(key) ?? { failures: 0, first: t, lockedUntil: 0 };
    e.failures++;
    if (e.failures >= FREE_FAILURES) e.lockedUntil = t + Math.min(30_000 * 2 ** (e.failures - FREE_FAILURES), WINDOW_MS);
    this.entries.set(key, e);
    if (this.entries.size > 100_000) this.entries.clear(); // bound memory under a username-spraying attack
  }

  succeed(username: string): void {
    this.entries.delete(username.toLowerCase());
  }
}
