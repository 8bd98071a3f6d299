// A unit's 机构代码 (the first part of its 档号) as the system administrator sets it: 2–16 letters or digits, kept upper
// case, unique among units (also against another unit's code derived from its id, and against codes already in another
// unit's sealed 档号), audited with what it was and what it became; sealed 档号 keep the code they were given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
let sys: TestClient;
let units: Array<{ id: string; name: string; archiveCode: string | null }>;

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-11-18T09:00:00+08:00') });
  sys = await signedInWithMfa(t, 'sysadmin');
  units = (await sys.get('/api/units')).json().items;
}, 60_000);
afterAll(async () => {
  await t.close();
});

const codeOf = async (id: string) =>
  ((await sys.get('/api/units')).json().items as typeof units).find((u) => u.id === id)!.archiveCode;

describe('机构代码', () => {
  it('is set upper case, listed, and audited with what it was', async () => {
    const [a] = units;
    expect(a!.archiveCode).toBeNull();
    expect((await sys.patch(`/api/units/${a!.id}`, { archiveCode: ' zfb ' })).statusCode).toBe(200);
    expect(await codeOf(a!.id)).toBe('ZFB');
    const event = await t.app.svc.db.auditEvent.findFirstOrThrow({
      where: { action: 'unit.update', resourceId: a!.id },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.parse(event.detail)).toEqual({ fields: ['archiveCode'], archiveCode: { from: null, to: 'ZFB' } });
    // A new unit may be given one at once.
    const created = await sys.post('/api/units', { name: '区档案馆', archiveCode: 'DAG01' });
    expect(created.statusCode).toBe(201);
    expect(await codeOf(created.json().id as string)).toBe('DAG01');
  });

  it('refuses a malformed code in both languages, and changes nothing', async () => {
    const b = units[1]!;
    for (const bad of ['Z', 'ZF-1', 'ABCDEFGHIJKLMNOPQ', '区办', 'Z F']) {
      const res = await sys.patch(`/api/units/${b.id}`, { archiveCode: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('invalid_archive_code');
      expect(res.json().message).toMatch(/2 to 16 letters or digits.*2–16 位大写字母或数字/);
    }
    expect(await codeOf(b.id)).toBeNull();
  });

  it('refuses another unit’s code, set or derived from its id', async () => {
    const [a, b, c] = units;
    const taken = await sys.patch(`/api/units/${b!.id}`, { archiveCode: 'zfb' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'archive_code_taken' });
    expect(taken.json().message).toContain('该机构代码已被其他单位使用');
    const derived = c!.id.replace(/-/g, '').slice(0, 8).toUpperCase();
    expect((await sys.patch(`/api/units/${b!.id}`, { archiveCode: derived })).json().code).toBe('archive_code_taken');
    // Its own code again is no conflict (saving the form unchanged).
    expect((await sys.patch(`/api/units/${a!.id}`, { name: a!.name, archiveCode: 'ZFB' })).statusCode).toBe(200);
    expect(await codeOf(b!.id)).toBeNull();
  });

  it('leaves sealed 档号 as they were and keeps their code from other units', async () => {
    const [a, b] = units;
    // Fixture: a package of unit a sealed under ZFB (sealing itself is covered by the archive tests).
    const pkg = await t.app.svc.db.archivePackage.create({
      data: {
        objectType: 'supervision_task',
        objectId: 'fixture-task',
        unitId: a!.id,
        year: 2026,
        kind: 'supervision_task',
        title: '台账',
        retention: '10y',
        classification: 0,
        status: 'sealed',
        archiveNumber: 'ZFB-2026-D10-0001',
        itemSeq: 1,
        createdAt: t.clock.now(),
      },
    });
    expect((await sys.patch(`/api/units/${a!.id}`, { archiveCode: 'QZF' })).statusCode).toBe(200);
    const after = await t.app.svc.db.archivePackage.findUniqueOrThrow({ where: { id: pkg.id } });
    expect(after.archiveNumber).toBe('ZFB-2026-D10-0001');
    // ZFB is free as a unit's code now, but two units' 档号 would collide: refused.
    const reuse = await sys.patch(`/api/units/${b!.id}`, { archiveCode: 'ZFB' });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().message).toContain('该机构代码已用于其他单位的档号');
    // Unit a itself may return to it (its counter goes on, so its numbers do not repeat).
    expect((await sys.patch(`/api/units/${a!.id}`, { archiveCode: 'ZFB' })).statusCode).toBe(200);
    // Cleared: derived from its id again.
    expect((await sys.patch(`/api/units/${a!.id}`, { archiveCode: null })).statusCode).toBe(200);
    expect(await codeOf(a!.id)).toBeNull();
  });

  it('is the system administrator’s', async () => {
    const staff = await signedIn(t, 'zhangwei');
    expect((await staff.patch(`/api/units/${units[1]!.id}`, { archiveCode: 'XYZ' })).statusCode).toBe(403);
  });
});
