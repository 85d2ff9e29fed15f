// Token buckets in memory, one per key ("student:12:handin", "class:3:join", ...): `burst` calls at once, then
// `perMinute` a minute. Per server process: with workers elsewhere the limits still hold, since every hand-in
// comes through a server; with several servers each has its own buckets.
export interface Limit {
  perMinute: number;
  burst: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one call from key's bucket; returns the seconds to wait when it is empty (0 when allowed). */
  take(key: string, limit: Limit): number {
    const now = this.now();
    const rate = limit.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.forgetFull(limit.burst);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / rate / 1000);
  }

  /** Drops buckets that refilled: they hold nothing a new bucket would not. */
  private forgetFull(burst: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.tokens >= burst) this.buckets.delete(key);
  }
}

export interface ClassLimits {
  /** Hand-ins per student. */
  studentHandins: Limit;
  /** Hand-ins per class (all its students together). */
  classHandins: Limit;
  /** Joins per class. */
  classJoins: Limit;
  /** Classes created per client address. */
  creations: Limit;
  /** Bytes of distinct hand-in files kept per student and per class. */
  studentBytes: number;
  classBytes: number;
}

function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The defaults, each overridable by an environment variable (a big class, a load test). */
export function classLimitsFromEnv(): ClassLimits {
  const perStudent = fromEnv('EC2LAB_CLASS_STUDENT_HANDINS_PER_MINUTE', 20);
  const perClass = fromEnv('EC2LAB_CLASS_HANDINS_PER_MINUTE', 2_000);
  const joins = fromEnv('EC2LAB_CLASS_JOINS_PER_MINUTE', 500);
  return {
    studentHandins: { perMinute: perStudent, burst: perStudent },
    classHandins: { perMinute: perClass, burst: perClass },
    classJoins: { perMinute: joins, burst: joins },
    creations: { perMinute: fromEnv('EC2LAB_CLASS_CREATIONS_PER_MINUTE', 10), burst: fromEnv('EC2LAB_CLASS_CREATIONS_PER_MINUTE', 10) },
    studentBytes: fromEnv('EC2LAB_CLASS_STUDENT_MB', 20) * 1_000_000,
    classBytes: fromEnv('EC2LAB_CLASS_MB', 1_000) * 1_000_000,
  };
}
