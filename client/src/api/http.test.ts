// The API client: CSRF header on state changes only, no JSON content type without a body, errors carry the server's
// code, and a lost session (401 unauthenticated) is reported once to the listeners.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, http, onUnauthorized, setCsrfToken } from './http.ts';

interface Seen {
  url: string;
  init: RequestInit;
}

function answer(status: number, body: unknown): { seen: Seen[] } {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  });
  return { seen };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('http', () => {
  it('sends the CSRF token on a POST and omits the content type when there is no body', async () => {
    const { seen } = answer(200, { ok: true });
    setCsrfToken('token-1');
    await http.post('/api/auth/sign-out');
    const headers = seen[0]!.init.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('token-1');
    expect(headers['content-type']).toBeUndefined();
    expect(seen[0]!.init.credentials).toBe('same-origin');
  });

  it('sends JSON with a body, no CSRF header on GET, and leaves empty query values out', async () => {
    const { seen } = answer(200, { items: [] });
    setCsrfToken('token-1');
    await http.get('/api/users', { query: { q: '张', unitId: undefined, page: 2 } });
    expect(seen[0]!.url).toBe('/api/users?q=%E5%BC%A0&page=2');
    expect((seen[0]!.init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    await http.put('/api/users/1/roles', { roles: ['staff'] });
    expect((seen[1]!.init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(seen[1]!.init.body).toBe('{"roles":["staff"]}');
  });

  it('turns an error answer into an ApiError with the server code and details', async () => {
    answer(423, {
      statusCode: 423,
      code: 'account_locked',
      message: 'locked',
      details: { lockedUntil: '2026-01-01T00:00:00.000Z' },
    });
    const err = await http.post('/api/auth/sign-in', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 423,
      code: 'account_locked',
      details: { lockedUntil: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('reports a lost session, but not an expected 401 such as a wrong password', async () => {
    const lost = vi.fn();
    const off = onUnauthorized(lost);
    answer(401, { statusCode: 401, code: 'unauthenticated', message: 'Sign-in required' });
    await expect(http.get('/api/notifications')).rejects.toBeInstanceOf(ApiError);
    await expect(http.get('/api/auth/session', { expectUnauthorized: true })).rejects.toBeInstanceOf(ApiError);
    off();
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(http.get('/api/units')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
