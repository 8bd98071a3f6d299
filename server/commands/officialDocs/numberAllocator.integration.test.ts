// 发文字号 on the real SQLite database: 50 allocations at once leave no gap and no duplicate, each with its audit event;
// the office reserves numbers, uses a reserved one later and voids one it will not use, and every number stays on
// record; anyone else is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { takeNextNumber } from './numberAllocator.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const units: Record<string, string> = {};
const as: Record<string, TestClient> = {};

beforeEach(async () => {
  t = await createTestApp({ clockAt: new Date('2026-12-31T16:30:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  for (const name of ['zhaojing', 'sunyue', 'zhangwei']) as[name] = await signedIn(t, name);
});
afterEach(async () => {
  await t.close();
});

const series = () => ({ unitId: units['区政府办']!, prefix: '区政办发', year: 2027 });
const register = async () =>
  t.app.svc.db.documentNumber.findMany({ where: { unitId: units['区政府办'] }, orderBy: { seq: 'asc' } });

describe('发文字号 allocation', () => {
  it('hands out 50 concurrent numbers with no gap and no duplicate', async () => {
    const ctx: RequestContext = {
      actor: { id: ids.zhaojing!, name: 'zhaojing' },
      ip: '127.0.0.1',
      userAgent: 'test',
      at: t.clock.now(),
      auditKey: t.app.svc.keys.audit,
    };
    const seqs = await Promise.all(
      Array.from({ length: 50 }, () =>
        inTransaction(t.app.svc, (tx) =>
          takeNextNumber(tx, series(), { status: 'reserved', by: ids.zhaojing!, at: ctx.at }),
        ),
      ),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await register()).map((n) => n.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const counter = await t.app.svc.db.documentNumberCounter.findUniqueOrThrow({
      where: { unitId_prefix_year: series() },
    });
    expect(counter.next).toBe(51);
  });

  it('through the API: 50 parallel reservations by the office, each audited, in the year it is in China', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? as.zhaojing! : as.sunyue!).post(`${OFFICIAL_DOCS}/numbers/reserve`, { unitId: units['区政府办'] }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const texts = responses.map((r) => r.json().text as string);
    expect(new Set(texts).size).toBe(50);
    // 16:30 UTC on 31 December is already 1 January in China.
    expect(texts).toContain('区政府办〔2027〕50号');
    const numbers = await register();
    expect(numbers.map((n) => [n.seq, n.status, n.year])).toEqual(
      Array.from({ length: 50 }, (_, i) => [i + 1, 'reserved', 2027]),
    );
    expect(
      await t.app.svc.db.auditEvent.count({ where: { action: 'officialDoc.number.reserve', outcome: 'success' } }),
    ).toBe(50);
  });

  it('voids a reserved number, keeps it on record, and never hands it out again', async () => {
    for (let i = 0; i < 3; i += 1)
      expect(
        (await as.zhaojing!.post(`${OFFICIAL_DOCS}/numbers/reserve`, { unitId: units['区政府办'] })).statusCode,
      ).toBe(201);
    const voided = await as.zhaojing!.post(`${OFFICIAL_DOCS}/numbers/void`, {
      unitId: units['区政府办'],
      seq: 2,
      note: '误取号',
    });
    expect(voided.statusCode).toBe(200);
    const again = await as.zhaojing!.post(`${OFFICIAL_DOCS}/numbers/void`, {
      unitId: units['区政府办'],
      seq: 2,
      note: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'number_not_voidable' });
    const unknown = await as.zhaojing!.post(`${OFFICIAL_DOCS}/numbers/void`, {
      unitId: units['区政府办'],
      seq: 9,
      note: 'x',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('尚未分配');
    const next = await as.zhaojing!.post(`${OFFICIAL_DOCS}/numbers/reserve`, { unitId: units['区政府办'] });
    expect(next.json().seq).toBe(4);
    expect((await register()).map((n) => [n.seq, n.status])).toEqual([
      [1, 'reserved'],
      [2, 'void'],
      [3, 'reserved'],
      [4, 'reserved'],
    ]);
    expect(
      await t.app.svc.db.auditEvent.count({ where: { action: 'officialDoc.number.void', outcome: 'failure' } }),
    ).toBe(2);
  });

  it('is the office’s alone', async () => {
    const res = await as.zhangwei!.post(`${OFFICIAL_DOCS}/numbers/reserve`, { unitId: units['区政府办'] });
    expect(res.statusCode).toBe(403);
    expect(await register()).toEqual([]);
  });
});
