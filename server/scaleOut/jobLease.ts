// Background jobs run once across instances (TONGBAN_REDIS_URL; README, "Scaling out"): before each timed run a job
// asks for its lease, a Redis key holding the instance's name with an expiry. The holder renews it on every run and by
// a heartbeat; another instance finds it held and skips its run; when the holder dies the key expires and the next
// instance to ask takes it over, within the lease time. Without Redis there is no lease and every run goes ahead.
import type { Redis as IORedis } from 'ioredis';
import type { Logger } from 'pino';
import { instanceId, redisConnection } from './redis.ts';

/** Takes the lease when free or renews it when this instance holds it: 1 when held by this instance after the call. */
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

/** Lets go of the lease only when this instance still holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface JobLease {
  /** Whether this instance may run the job now (it then holds the job's lease for the lease time). */
  acquire(job: string): Promise<boolean>;
  /** Releases what this instance holds and closes the connection (a stop). */
  close(): Promise<void>;
  /** Stops renewing and drops the connection without releasing, as a process that dies does (tests). */
  abandon(): void;
}

export class RedisJobLease implements JobLease {
  readonly holder = instanceId();
  private readonly held = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly redis: IORedis,
    private readonly prefix: string,
    private readonly leaseMs: number,
    private readonly onError: (err: unknown) => void,
  ) {
    // Renewed at a third of its time: a run longer than the lease does not let another instance start the same job.
    this.heartbeat = setInterval(() => void this.renewHeld(), Math.max(100, Math.floor(leaseMs / 3)));
    this.heartbeat.unref();
  }

  static connect(url: string, prefix: string, leaseMs: number, log: Pick<Logger, 'warn' | 'info'>): RedisJobLease {
    return new RedisJobLease(redisConnection(url, `tongban:jobs:${instanceId()}`, log), prefix, leaseMs, (err) =>
      log.warn({ err }, 'job lease: Redis did not answer'),
    );
  }

  private key(job: string): string {
    return `${this.prefix}:job-lease:${job}`;
  }

  async acquire(job: string): Promise<boolean> {
    try {
      const got = (await this.redis.eval(ACQUIRE, 1, this.key(job), this.holder, String(this.leaseMs))) === 1;
      if (got) this.held.add(job);
      else this.held.delete(job);
      return got;
    } catch (err) {
      // Redis unreachable: no run (another instance may hold the lease); the next tick asks again.
      this.onError(err);
      return false;
    }
  }

  private async renewHeld(): Promise<void> {
    for (const job of [...this.held]) await this.acquire(job);
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const job of this.held) {
      await this.redis.eval(RELEASE, 1, this.key(job), this.holder).catch(this.onError);
    }
    this.held.clear();
    await this.redis.quit().catch(this.onError);
  }

  abandon(): void {
    clearInterval(this.heartbeat);
    this.held.clear();
    this.redis.disconnect(false);
  }
}
