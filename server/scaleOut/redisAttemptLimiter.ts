// Attempt limits shared between instances (TONGBAN_REDIS_URL; README, "Scaling out"): the same fixed windows as
// MemoryAttemptLimiter (a window starts at a key's first attempt, on the server's clock), kept in one Redis hash per
// key so that attempts spread over the instances count against one budget. Each call is one Lua script, so parallel
// attempts on any number of instances cannot all read a stale count. While Redis cannot be reached, each call throws
// LimitsUnavailable (limitsUnavailable.ts): the handshake or guess is refused, not let through.
import type { Redis as IORedis } from 'ioredis';
import type { AttemptLimiter } from '../security/attemptLimiter.ts';
import { LimitsUnavailable } from './limitsUnavailable.ts';

/**
 * KEYS[1] the key's hash {count, endsAt}; ARGV: max, window (ms), now (ms, the server's clock). 1 when the attempt is
 * counted, 0 when the window's budget is spent. The key expires with its window (Redis's own time, only to clean up:
 * the window itself is judged on the server's clock, as the in-memory limiter judges it).
 */
const TAKE = `
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local endsAt = tonumber(redis.call('HGET', KEYS[1], 'endsAt') or '0')
if endsAt <= now then
  count = 0
  endsAt = now + window
end
if count >= max then return 0 end
redis.call('HSET', KEYS[1], 'count', count + 1, 'endsAt', endsAt)
redis.call('PEXPIRE', KEYS[1], endsAt - now)
return 1`;

/** Gives one attempt back in a window that has not ended; nothing otherwise. ARGV: now (ms). */
const GIVE_BACK = `
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local endsAt = tonumber(redis.call('HGET', KEYS[1], 'endsAt') or '0')
if count > 0 and endsAt > tonumber(ARGV[1]) then redis.call('HSET', KEYS[1], 'count', count - 1) end
return 0`;

export class RedisAttemptLimiter implements AttemptLimiter {
  /**
   * `prefix`: the deployment's prefix and the limit's name (`tongban:limit:socket-connect`); each key (a client
   * address) is a hash under it.
   */
  constructor(
    private readonly redis: IORedis,
    private readonly prefix: string,
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  private key(key: string): string {
    return `${this.prefix}:${key}`;
  }

  async take(key: string): Promise<boolean> {
    return (await this.run(TAKE, key, this.max, this.windowMs, this.now())) === 1;
  }

  async giveBack(key: string): Promise<void> {
    await this.run(GIVE_BACK, key, this.now());
  }

  /** One script on the key; Redis out of reach is LimitsUnavailable. */
  private async run(script: string, key: string, ...args: number[]): Promise<unknown> {
    try {
      return await this.redis.eval(script, 1, this.key(key), ...args);
    } catch (err) {
      throw new LimitsUnavailable(err);
    }
  }
}
