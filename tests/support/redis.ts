// Redis for tests (issue #20): tests across instances run when TONGBAN_TEST_REDIS_URL names a Redis (`.ci/run` sets it
// where `redis-cli -h 127.0.0.1 ping` answers) and are reported as skipped otherwise. Each test gets a key prefix of
// its own, so test files running in parallel never hear each other.
import { randomBytes } from 'node:crypto';

export const TEST_REDIS_URL: string | null = process.env.TONGBAN_TEST_REDIS_URL?.trim() || null;

/** Why Redis tests did not run; part of the skipped tests' names, so the report says it. */
export const REDIS_SKIPPED = 'skipped: TONGBAN_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379)';

export function testRedisPrefix(): string {
  return `tongban-test-${process.pid}-${randomBytes(4).toString('hex')}`;
}
