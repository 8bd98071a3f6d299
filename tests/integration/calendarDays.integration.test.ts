// A day that does not exist on the calendar (2026-13-45, 2026-02-30) is a 400 on every route that takes a day,
// like any other malformed field; before, the format alone let it through to date arithmetic, which threw (a 500).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIsoDate } from '../../common/calendar/isoDate.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../support/testApp.ts';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-13T01:00:00Z') });
  staff = await signedIn(t, 'zhangwei');
});
afterAll(async () => t.close());

describe('calendar days in requests', () => {
  it('knows which days exist', () => {
    for (const day of ['2026-01-31', '2024-02-29', '2026-12-31', '2000-02-29']) expect(isValidIsoDate(day)).toBe(true);
    for (const day of ['2026-13-45', '2026-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '1900-02-29', '2026-1-5'])
      expect(isValidIsoDate(day), day).toBe(false);
  });

  const reads = [
    '/api/search?q=通知&from=2026-13-45',
    '/api/search?q=通知&to=2026-02-30',
    '/api/calendar?view=week&date=2026-02-30',
    '/api/meetings?view=week&date=2026-13-45',
    '/api/rooms/availability?date=2026-04-31',
    '/api/supervision/tasks?scope=mine&dueFrom=2026-13-01',
    '/api/supervision/tasks?scope=mine&dueTo=2026-02-29',
  ];
  it.each(reads)('GET %s answers 400 with the field named', async (url) => {
    const res = await staff.get(url);
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/日期不存在|YYYY-MM-DD/);
  });

  it('the same routes still take a real day', async () => {
    for (const url of ['/api/search?q=通知&from=2026-02-28&to=2026-03-01', '/api/calendar?view=week&date=2024-02-29']) {
      const res = await staff.get(url);
      expect(res.statusCode, res.body).toBe(200);
    }
  });
});
