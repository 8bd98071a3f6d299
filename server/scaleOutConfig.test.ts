// TONGBAN_DATABASE_URL and TONGBAN_REDIS_URL (README, "Scaling out"): unset keeps the embedded stores; anything else
// than what they take stops the start naming the variable.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.ts';
import { postgresTarget } from './db/postgresTarget.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('scale-out settings', () => {
  it.each([
    ['', null],
    ['file:', null],
    ['postgresql://tongban@db.example:5432/tongban', 'postgresql://tongban@db.example:5432/tongban'],
    ['postgres://127.0.0.1/tongban?schema=city', 'postgres://127.0.0.1/tongban?schema=city'],
  ])('reads TONGBAN_DATABASE_URL=%s', (value, expected) => {
    vi.stubEnv('TONGBAN_DATABASE_URL', value);
    expect(loadConfig().databaseUrl).toBe(expected);
  });

  it.each(['mysql://127.0.0.1/tongban', 'file:/var/lib/tongban.db', 'tongban'])(
    'refuses TONGBAN_DATABASE_URL=%s, naming the variable',
    (value) => {
      vi.stubEnv('TONGBAN_DATABASE_URL', value);
      expect(() => loadConfig()).toThrow(/TONGBAN_DATABASE_URL/);
    },
  );

  it('keeps Redis off unless TONGBAN_REDIS_URL names one, and refuses what is not a redis URL', () => {
    vi.stubEnv('TONGBAN_REDIS_URL', '');
    expect(loadConfig()).toMatchObject({ redisUrl: null, redisPrefix: 'tongban' });
    vi.stubEnv('TONGBAN_REDIS_URL', 'redis://127.0.0.1:6379');
    vi.stubEnv('TONGBAN_REDIS_PREFIX', 'city');
    expect(loadConfig()).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', redisPrefix: 'city' });
    vi.stubEnv('TONGBAN_REDIS_URL', 'http://127.0.0.1:6379');
    expect(() => loadConfig()).toThrow(/TONGBAN_REDIS_URL/);
  });

  it("takes Prisma's ?schema= off the PostgreSQL URL, and only a plain schema name", () => {
    expect(postgresTarget('postgresql://u@h:5432/db?schema=city_1&sslmode=disable')).toEqual({
      connectionString: 'postgresql://u@h:5432/db?sslmode=disable',
      schema: 'city_1',
    });
    expect(postgresTarget('postgresql://u@h/db').schema).toBe('public');
    expect(() => postgresTarget('postgresql://u@h/db?schema=a"b')).toThrow(/schema/);
  });
});
