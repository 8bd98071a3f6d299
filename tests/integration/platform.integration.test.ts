// Platform surface: health probes, OpenAPI docs generated from the route schemas (served to anyone here; who reads
// them by default is server/plugins/apiDocs.integration.test.ts), security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false, config: { apiDocs: 'public' } });
});
afterAll(async () => t.close());

describe('platform', () => {
  it('answers the health and readiness probes', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('serves OpenAPI generated from the route schemas', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/sign-in',
        '/api/users/{id}/roles',
        '/api/audit/',
        '/api/documents/{id}/suggestions/decide',
      ]),
    );
    const signIn = spec.paths['/api/auth/sign-in'].post;
    expect(signIn.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(Object.keys(signIn.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '423', '429']));
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/api/setup' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});
