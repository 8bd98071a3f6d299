// Text that is not well-formed Unicode (a lone surrogate, sent as a JSON "\ud800" escape) gets a 400 naming where it
// is, on every route, before anything is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstIllFormedText } from '../../server/plugins/wellFormedText.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../support/testApp.ts';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  staff = await signedIn(t, 'zhangwei');
});
afterAll(async () => t.close());

describe('ill-formed Unicode', () => {
  it('finds a lone surrogate in values and keys, and passes well-formed text (汉字, emoji) through', () => {
    expect(firstIllFormedText({ a: ['ok', '汉字😀'] }, 'body')).toBeNull();
    expect(firstIllFormedText({ a: ['ok', 'x\ud800'] }, 'body')).toBe('body.a[1]');
    expect(firstIllFormedText({ ['\udc00']: 1 }, 'body')).toBe('body.<key>');
    expect(firstIllFormedText('\ud83d', 'query')).toBe('query');
  });

  it('answers 400 malformed_text, stores nothing, for a document title and a sign-in name', async () => {
    const before = await t.app.svc.db.document.count();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
      payload: '{"kind":"draft","title":"通知\\ud800","classification":"public"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'malformed_text', details: { path: 'body.title' } });
    expect(await t.app.svc.db.document.count()).toBe(before);

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"\\udfff","password":"x"}',
    });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().code).toBe('malformed_text');
  });
});
