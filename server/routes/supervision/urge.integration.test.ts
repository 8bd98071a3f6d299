// 催办 of a supervision task over HTTP: the task's supervisor urges its owner, co-owners and the lead unit's handlers
// with a message (in-app and through the notice channel, each recipient passing the task's read rule at send time), the
// urge joins the timeline and the audit log, at most a few times a China day however many are sent at once; anyone
// else is refused in Chinese and English, nothing changes, and the refusal is audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import type { NoticeChannel, OutboundNotice } from '../../notifications/noticeChannel.ts';
import { readNotice } from '../../../tests/support/notices.ts';
import { givenTask } from '../../../tests/support/supervision.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
const outbound: OutboundNotice[] = [];
const ids: Record<string, string> = {};
const units: Record<string, string> = {};
const as: Record<string, TestClient> = {};
let id = '';

/** Tuesday 10 March 2026, 09:00 in China. */
const START = new Date('2026-03-10T01:00:00Z');

async function signIn(): Promise<void> {
  for (const name of ['zhouqiang', 'wuli', 'zhangwei', 'matao', 'qianwen']) as[name] = await signedIn(t, name);
  for (const name of ['lihua', 'yangfan', 'chenming']) as[name] = await signedInWithMfa(t, name);
}

beforeEach(async () => {
  t = await createTestApp({ clockAt: START, config: { supervisionTickSeconds: 0 } });
  outbound.length = 0;
  const channel: NoticeChannel = {
    name: 'capture',
    deliver: async (notices) => {
      outbound.push(...notices);
    },
  };
  t.app.svc.notices.register(channel);
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  await signIn();
  // 陈明's instruction, supervised by 周强: 区发改委 leads (李华 signs and hands it to 张伟), 区财政局 helps.
  id = await givenTask(as.chenming!, {
    title: '推进老旧小区改造项目前期工作',
    basisType: 'leader_instruction',
    basisText: '请发改委牵头，财政局配合，月底前拿出方案。',
    supervisorId: ids.zhouqiang,
    leadUnitId: units['区发改委'],
    coUnitIds: [units['区财政局']],
    requirement: '形成改造方案并报区政府常务会议审议',
    dueDate: addDays(shanghaiDateOf(START), 20),
  });
  expect((await as.lihua!.post(`/api/supervision/tasks/${id}/sign`, {})).statusCode).toBe(200);
  expect((await as.lihua!.post(`/api/supervision/tasks/${id}/assign`, { ownerId: ids.zhangwei })).statusCode).toBe(200);
  outbound.length = 0;
});
afterEach(async () => {
  await t.close();
});

const urge = (who: string, message = '请于本周五前报送进展') =>
  as[who]!.post(`/api/supervision/tasks/${id}/urge`, { message });
const urgedNotices = async () =>
  (await t.app.svc.db.notification.findMany({ where: { kind: 'supervision.urged' } })).map((n) => n.userId).sort();
const audits = async (outcome: string) =>
  (
    await t.app.svc.db.auditEvent.findMany({
      where: { action: 'supervision.urge', resourceId: id, outcome },
      orderBy: { seq: 'asc' },
    })
  ).map((e) => (JSON.parse(e.detail) as { code?: string }).code ?? 'ok');
const urgedEvents = () => t.app.svc.db.supervisionEvent.count({ where: { taskId: id, kind: 'urged' } });

describe('催办 of a supervision task', () => {
  it('reaches the owner and the lead unit’s handlers with the message, and joins the timeline', async () => {
    expect((await as.zhouqiang!.get(`/api/supervision/tasks/${id}`)).json().mayUrge).toBe(true);
    expect((await as.lihua!.get(`/api/supervision/tasks/${id}`)).json().mayUrge).toBe(false);
    const res = await urge('zhouqiang');
    expect(res.statusCode).toBe(200);
    const last = res.json().timeline.at(-1);
    expect(last).toMatchObject({
      kind: 'urged',
      text: '请于本周五前报送进展',
      actorName: '周强',
      detail: { notified: 3 },
    });
    // 张伟 (owner), 李华 and 钱文 (区发改委's leader and clerk); not the co-unit, not the supervisor himself.
    expect(await urgedNotices()).toEqual([ids.zhangwei, ids.lihua, ids.qianwen].sort());
    const seen = await readNotice(t.app.svc.db, { userId: ids.zhangwei, kind: 'supervision.urged' });
    expect(seen.title).toBe('催办：推进老旧小区改造项目前期工作');
    expect(seen.body).toBe('周强催办：请于本周五前报送进展');
    expect(seen.link).toBe(`/supervision/tasks/${id}`);
    const english = await readNotice(t.app.svc.db, { userId: ids.zhangwei, kind: 'supervision.urged' }, 'en');
    expect(english.body).toBe('周强 urges: 请于本周五前报送进展');
    expect(outbound.map((n) => n.userId).sort()).toEqual([ids.zhangwei, ids.lihua, ids.qianwen].sort());
    expect(await audits('success')).toEqual(['ok']);
    // A supervisor of the same 督查室 urges too.
    expect((await urge('wuli', '请抓紧')).statusCode).toBe(200);
    // Everyone who reads the task sees the urges in its timeline.
    const timeline = (await as.yangfan!.get(`/api/supervision/tasks/${id}`)).json().timeline as Array<{ kind: string }>;
    expect(timeline.filter((e) => e.kind === 'urged')).toHaveLength(2);
  });

  it('gives the notice only to those the policy lets read the task when it is sent', async () => {
    // 张伟 is still the owner, but his clearance no longer covers the task (内部): he hears nothing.
    await t.app.svc.db.user.update({ where: { id: ids.zhangwei }, data: { clearance: 0 } });
    expect((await urge('zhouqiang')).statusCode).toBe(200);
    expect(await urgedNotices()).toEqual([ids.lihua, ids.qianwen].sort());
    expect(outbound.map((n) => n.userId)).not.toContain(ids.zhangwei);
  });

  it('refuses anyone but the task’s supervisors, a task not being worked on, and an empty message; all audited', async () => {
    const before = await t.app.svc.db.supervisionTask.findUniqueOrThrow({ where: { id } });
    const lead = await urge('lihua');
    expect([lead.statusCode, lead.json().code]).toEqual([403, 'urge_forbidden']);
    expect(lead.json().message).toContain('只有本事项的督办人');
    expect(lead.json().message).toContain('Only the task’s supervisors urge it');
    const leader = await urge('chenming');
    expect([leader.statusCode, leader.json().code]).toEqual([403, 'urge_forbidden']);
    // 马涛 (区住建委) has no part in the task: it does not exist for him.
    expect((await urge('matao')).statusCode).toBe(404);
    expect((await as.zhouqiang!.post(`/api/supervision/tasks/${id}/urge`, { message: '  ' })).statusCode).toBe(400);
    // Once the work is submitted for acceptance nobody owes it any more.
    expect(
      (await as.lihua!.post(`/api/supervision/tasks/${id}/submit`, { summary: '方案已形成', attachmentIds: [] }))
        .statusCode,
    ).toBe(200);
    const late = await urge('zhouqiang');
    expect([late.statusCode, late.json().code]).toEqual([409, 'task_not_open']);
    expect(late.json().message).toContain('无需催办');
    expect(await urgedNotices()).toEqual([]);
    expect(await urgedEvents()).toBe(0);
    expect(await audits('failure')).toEqual(['urge_forbidden', 'urge_forbidden', 'task_not_open']);
    // 马涛's refusal is recorded as any concealed object's is: access.denied, nothing that names the urge.
    expect(
      await t.app.svc.db.auditEvent.count({
        where: { action: 'access.denied', resourceId: id, actorId: ids.matao },
      }),
    ).toBe(1);
    expect((await t.app.svc.db.supervisionTask.findUniqueOrThrow({ where: { id } })).title).toBe(before.title);
  });

  it('allows three urges of a task a day, however many are sent at once', async () => {
    const racing = await Promise.all(
      Array.from({ length: 20 }, (_, i) => urge(i % 2 ? 'zhouqiang' : 'wuli', `第${i}次催办`)),
    );
    const codes = racing.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(17);
    const limited = racing.find((r) => r.statusCode === 429)!.json();
    expect(limited.code).toBe('urge_limit');
    expect(limited.message).toContain('今日对该事项的催办次数已达上限');
    // Just after 09:00 in China: some fifteen hours until the next China day.
    expect(limited.details.limit).toBe(3);
    expect(limited.details.retryAfterSeconds).toBeGreaterThan(14 * 3600);
    expect(limited.details.retryAfterSeconds).toBeLessThanOrEqual(15 * 3600);
    expect(await urgedEvents()).toBe(3);
    expect(await audits('success')).toHaveLength(3);
    expect(await audits('failure')).toEqual(Array.from({ length: 17 }, () => 'urge_limit'));
    expect(await t.app.svc.db.notification.count({ where: { kind: 'supervision.urged' } })).toBe(9);
    // The limit is per China day: just after midnight in Beijing (16:00 UTC) it starts again.
    t.clock.advance(new Date('2026-03-10T16:00:01Z').getTime() - t.clock.now().getTime());
    await signIn();
    expect((await urge('zhouqiang')).statusCode).toBe(200);
  });
});
