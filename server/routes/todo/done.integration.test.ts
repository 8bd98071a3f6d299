// 已办 over HTTP: a person's acts on supervision tasks, newest first, paged, with the total; someone who has done
// nothing sees an empty list. (Also run on PostgreSQL.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenTask } from '../../../tests/support/supervision.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';
import { addDays, shanghaiDateOf } from '../../../common/calendar/isoDate.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const units: Record<string, string> = {};
const as: Record<string, TestClient> = {};
let taskId = '';

beforeAll(async () => {
  t = await createTestApp({ config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  as.zhouqiang = await signedIn(t, 'zhouqiang');
  as.zhangwei = await signedIn(t, 'zhangwei');
  as.lihua = await signedInWithMfa(t, 'lihua');
  const today = shanghaiDateOf(t.clock.now());
  taskId = await givenTask(as.zhouqiang, {
    title: '推进老旧小区改造项目前期工作',
    basisType: 'leader_instruction',
    basisText: '请发改委牵头，月底前拿出方案。',
    instructedById: ids.chenming,
    leadUnitId: units['区发改委'],
    requirement: '形成改造方案',
    dueDate: addDays(today, 20),
    priority: 'urgent',
  });
  expect((await as.lihua.post(`/api/supervision/tasks/${taskId}/sign`, { note: '已签收' })).statusCode).toBe(200);
  t.clock.advance(60_000);
  expect((await as.lihua.post(`/api/supervision/tasks/${taskId}/assign`, { ownerId: ids.zhangwei })).statusCode).toBe(
    200,
  );
});
afterAll(async () => {
  await t.close();
});

describe('已办', () => {
  it('lists what the person did, newest first, a page at a time, with the total', async () => {
    const all = (await as.lihua!.get('/api/todo/done?page=1&pageSize=20')).json();
    expect(all.total).toBe(2);
    expect(all.items.map((i: { action: string }) => i.action)).toEqual(['assigned', 'signed']);
    expect(all.items[0]).toMatchObject({
      kind: 'task_action',
      title: '推进老旧小区改造项目前期工作',
      link: `/supervision/tasks/${taskId}`,
    });
    expect(Date.parse(all.items[0].at)).toBeGreaterThan(Date.parse(all.items[1].at));
    const second = (await as.lihua!.get('/api/todo/done?page=2&pageSize=1')).json();
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(second.items.map((i: { action: string }) => i.action)).toEqual(['signed']);
  });

  it('is empty for someone who has done nothing', async () => {
    const none = await as.zhangwei!.get('/api/todo/done');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });
});
