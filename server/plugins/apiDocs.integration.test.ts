// Who reads the API description at /api/docs: signed-in users by default (TONGBAN_API_DOCS), anyone, or nobody.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, TestClient, type TestApp } from '../../tests/support/testApp.ts';

const CLOCK_AT = new Date('2026-03-16T09:00:00+08:00');
const DOC_URLS = ['/api/docs', '/api/docs/json', '/api/docs/yaml', '/api/docs/static/swagger-initializer.js'];

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('API description', () => {
  it('is refused to anyone not fully signed in by default', async () => {
    t = await createTestApp({ clockAt: CLOCK_AT });
    const stranger = new TestClient(t.app);
    for (const url of DOC_URLS) {
      const res = await stranger.get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.body).not.toContain('/api/users/{id}/roles');
    }
    // A leader who has given the password but not yet the second factor is not signed in either.
    const halfway = new TestClient(t.app);
    expect((await halfway.signIn('chenming')).json().stage).toBe('mfa_enrolment');
    expect((await halfway.get('/api/docs/json')).statusCode).toBe(403);
  });

  it('is served to a signed-in user by default', async () => {
    t = await createTestApp({ clockAt: CLOCK_AT });
    const staff = await signedIn(t, 'zhangwei');
    const spec = await staff.get('/api/docs/json');
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toContain('/api/users/{id}/roles');
    expect((await staff.get('/api/docs/static/swagger-initializer.js')).statusCode).toBe(200);
  });

  it('is served to anyone when TONGBAN_API_DOCS=public', async () => {
    t = await createTestApp({ clockAt: CLOCK_AT, demo: false, config: { apiDocs: 'public' } });
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
  });

  it('is not served at all when TONGBAN_API_DOCS=off', async () => {
    t = await createTestApp({ clockAt: CLOCK_AT, config: { apiDocs: 'off' } });
    const staff = await signedIn(t, 'zhangwei');
    for (const url of DOC_URLS) expect((await staff.get(url)).statusCode, url).toBe(404);
  });
});
