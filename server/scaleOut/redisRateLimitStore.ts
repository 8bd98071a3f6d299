// @fastify/rate-limit's counters in Redis (TONGBAN_REDIS_URL), so that a client's requests spread over the instances
// count against one budget. The plugin's own Redis store does the same, but hands Redis's errors on as they are and
// every limited route would answer 500 while Redis is away; this one says LimitsUnavailable (503, limitsUnavailable.ts).
// Same keys and fixed window as the plugin's store; its continueExceeding and exponentialBackoff options, which no
// route of ours sets, are not supported.
import type { RouteOptions } from 'fastify';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis as IORedis } from 'ioredis';
import { LimitsUnavailable } from './limitsUnavailable.ts';

/**
 * KEYS[1] the counter; ARGV[1] the window (ms). A fixed window from the first request, as the plugin's own stores
 * count: the count so far (this request included) and the window's time left (ms).
 */
const INCR = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return {current, tonumber(ARGV[1])}
end
return {current, redis.call('PTTL', KEYS[1])}`;

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

class RedisRateLimitStore implements FastifyRateLimitStore {
  constructor(
    private readonly redis: IORedis,
    /** `<prefix>:rate-limit:` and, for a route, its method and URL. */
    private readonly key: string,
  ) {}

  incr(key: string, callback: Callback, timeWindow: number): void {
    this.redis.eval(INCR, 1, this.key + key, timeWindow).then(
      (result) => {
        const [current, ttl] = result as [number, number];
        callback(null, { current, ttl });
      },
      (err: unknown) => callback(new LimitsUnavailable(err)),
    );
  }

  child(routeOptions: RouteOptions & { path: string; prefix: string }): FastifyRateLimitStore {
    // The plugin passes the route's merged limit options, the route itself under `routeInfo` (not as its types say).
    const route = (routeOptions as unknown as { routeInfo: RouteOptions }).routeInfo;
    return new RedisRateLimitStore(this.redis, `${this.key}${String(route.method)}${route.url}-`);
  }
}

/** The store for the plugin's `store` option (the plugin constructs it), counting under `nameSpace`. */
export function redisRateLimitStore(redis: IORedis, nameSpace: string): FastifyRateLimitStoreCtor {
  return class extends RedisRateLimitStore {
    constructor() {
      super(redis, nameSpace);
    }
  };
}
