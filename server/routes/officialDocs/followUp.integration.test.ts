// Following a 公文 up, over HTTP and with the scheduler on a controlled clock: 催办 by the drafter to the current
// handler (in-app and through the notice channel, audited, a few an hour — counted atomically under parallel urges),
// step deadlines on the working-day calendar reminded the working day before and once overdue, and the trail — the
// timeline everyone who reads the 公文 sees and the 查阅留痕 its drafter and the office see. A colleague who may not read
// the 公文 gets 404 and learns nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusedByTrigger } from '../../db/triggerRefusal.ts';
import { OfficialDocReminders } from '../../jobs/officialDocReminders.ts';
import type { NoticeChannel, OutboundNotice } from '../../notifications/noticeChannel.ts';
import { givenOfficialDoc, givenStep, givenSubmitted, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import { readNotice } from '../../../tests/support/notices.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
let reminders: OfficialDocReminders;
const outbound: OutboundNotice[] = [];
const ids: Record<string, string> = {};
const as: Record<string, TestClient> = {};

/** Tuesday 10 March 2026, 09:00 in China. */
const START = new Date('2026-03-10T01:00:00Z');
const chinaNineAm = (date: string) => new Date(`${date}T01:00:00Z`);
/** Moves the clock; everyone signs in again (sessions idle out over hours). */
async function setClock(at: Date): Promise<void> {
  t.clock.advance(at.getTime() - t.clock.now().getTime());
  await signIn();
}
async function signIn(): Promise<void> {
  for (const name of ['sunyue', 'zhaojing', 'zhangwei']) as[name] = await signedIn(t, name);
  as.chenming = await signedInWithMfa(t, 'chenming');
}

beforeEach(async () => {
  t = await createTestApp({ clockAt: START, config: { supervisionTickSeconds: 0, officialDocTickSeconds: 0 } });
  reminders = new OfficialDocReminders(t.app.svc);
  outbound.length = 0;
  const channel: NoticeChannel = {
    name: 'capture',
    deliver: async (notices) => {
      outbound.push(...notices);
    },
  };
  t.app.svc.notices.register(channel);
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  await signIn();
});
afterEach(async () => {
  await t.close();
});

/** 秘书科审核 by 赵静 within 2 working days, then 区长签发. */
const route = () => ({
  steps: [
    { id: 'review', name: '秘书科审核', kind: 'single', handlers: [{ userId: ids.zhaojing }], deadlineDays: 2 },
    { id: 'signoff', name: '签发', kind: 'single', handlers: [{ userId: ids.chenming }] },
  ],
});
const urge = (who: string, id: string, message = '请尽快审核') =>
  as[who]!.post(`${OFFICIAL_DOCS}/${id}/urge`, { message });
const urgeAudits = async (id: string, outcome: string) =>
  t.app.svc.db.auditEvent.count({ where: { action: 'officialDoc.urge', resourceId: id, outcome } });

describe('催办', () => {
  it('reminds the current handler with the message, in-app and through the notice channel, audited', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    const res = await urge('sunyue', id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ notified: 1 });
    const seen = await readNotice(t.app.svc.db, { userId: ids.zhaojing, kind: 'officialDoc.urged' });
    expect(seen.title).toBe('催办：《关于做好2026年春季防汛工作的通知》');
    expect(seen.body).toBe('孙悦催办：请尽快审核');
    expect(seen.link).toBe(`/official-documents/${id}`);
    const english = await readNotice(t.app.svc.db, { userId: ids.zhaojing, kind: 'officialDoc.urged' }, 'en');
    expect(english.body).toBe('孙悦 urges: 请尽快审核');
    expect(outbound.map((n) => [n.userId, n.kind])).toEqual([[ids.zhaojing, 'officialDoc.urged']]);
    expect(await urgeAudits(id, 'success')).toBe(1);
  });

  it('is for the drafter, the sender or the office, while the 公文 waits for someone', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const draft = await urge('sunyue', id);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe('nothing_to_urge');
    expect(draft.json().message).toContain('没有待办人');
    await givenSubmitted(as.sunyue!, id, route());
    // 陈明 is named on the route (he reads it) but neither sent it nor drafted it.
    const handler = await urge('chenming', id);
    expect(handler.statusCode).toBe(403);
    expect(handler.json().code).toBe('urge_forbidden');
    const stranger = await urge('zhangwei', id);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body).not.toContain('防汛');
    expect(await t.app.svc.db.notification.count({ where: { kind: 'officialDoc.urged' } })).toBe(0);
    expect(await urgeAudits(id, 'failure')).toBe(3);
  });

  it('allows three urges of one 公文 an hour, however many are sent at once', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    expect((await urge('sunyue', id)).statusCode).toBe(200);
    const racing = await Promise.all(
      Array.from({ length: 10 }, (_, i) => urge(i % 2 ? 'sunyue' : 'zhaojing', id, `第${i}次`)),
    );
    const codes = racing.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(2);
    expect(codes.filter((c) => c === 429)).toHaveLength(8);
    const limited = racing.find((r) => r.statusCode === 429)!.json();
    expect(limited.code).toBe('urge_limit');
    expect(limited.message).toContain('催办过于频繁');
    expect(await t.app.svc.db.officialDocumentEvent.count({ where: { officialDocumentId: id, kind: 'urge' } })).toBe(3);
    expect(await urgeAudits(id, 'success')).toBe(3);
    expect(await urgeAudits(id, 'failure')).toBe(8);
    // An hour after the first, one more.
    await setClock(new Date(START.getTime() + 61 * 60_000));
    expect((await urge('sunyue', id)).statusCode).toBe(200);
  });
});

describe('step deadlines', () => {
  it('remind the handler the working day before and once overdue, never twice', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    const sent = async (kind: string) =>
      t.app.svc.db.notification.count({ where: { userId: ids.zhaojing, kind: `officialDoc.${kind}` } });

    // Reached Tuesday, 2 working days: due Thursday 12 March.
    const steps = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json().route.steps;
    expect(steps.map((st: { deadlineDays: number | null }) => st.deadlineDays)).toEqual([2, null]);
    expect(steps[0].handlers[0]).toMatchObject({ id: ids.zhaojing, dueOn: '2026-03-12' });
    expect(steps[1].handlers[0]).toMatchObject({ id: ids.chenming, dueOn: null });
    expect(await reminders.tick()).toEqual({ sent: 0, notifications: 0 });
    await setClock(chinaNineAm('2026-03-11'));
    expect(await reminders.tick()).toEqual({ sent: 1, notifications: 1 });
    expect(await reminders.tick()).toEqual({ sent: 0, notifications: 0 });
    const soon = await readNotice(t.app.svc.db, { userId: ids.zhaojing, kind: 'officialDoc.due_soon' });
    expect(soon.body).toBe('《关于做好2026年春季防汛工作的通知》秘书科审核：距办理期限（2026-03-12）还有1天');
    await setClock(chinaNineAm('2026-03-12'));
    expect(await reminders.tick()).toEqual({ sent: 0, notifications: 0 });
    await setClock(chinaNineAm('2026-03-13'));
    expect(await reminders.tick()).toEqual({ sent: 1, notifications: 1 });
    await setClock(chinaNineAm('2026-03-16'));
    expect(await reminders.tick()).toEqual({ sent: 0, notifications: 0 });
    expect([await sent('due_soon'), await sent('overdue')]).toEqual([1, 1]);
    const late = await readNotice(t.app.svc.db, { userId: ids.zhaojing, kind: 'officialDoc.overdue' });
    expect(late.title).toBe('公文办理已超时限');
    expect(outbound.map((n) => n.kind)).toEqual(['officialDoc.due_soon', 'officialDoc.overdue']);
    const audited = await t.app.svc.db.auditEvent.findMany({
      where: { action: 'officialDoc.deadline_reminder', resourceId: id },
    });
    expect(audited.map((a) => (JSON.parse(a.detail) as { kind: string }).kind)).toEqual(['due_soon', 'overdue']);

    // Acted on, the step is done; the 签发 step has no deadline: nothing more, however late.
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意。' });
    await setClock(chinaNineAm('2026-04-01'));
    expect(await reminders.tick()).toEqual({ sent: 0, notifications: 0 });
  });
});

describe('the trail', () => {
  it('shows everyone who reads the 公文 who received, opened and acted on it, with the opinion', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    await urge('sunyue', id);
    await givenStep(as.zhaojing!, id, { action: 'open' });
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '拟同意，请陈区长签发。' });
    const res = await as.chenming!.get(`${OFFICIAL_DOCS}/${id}/timeline`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    const summary = items.map((i) => [
      i.kind,
      (i.by as { name: string } | null)?.name ?? null,
      (i.step as { name: string } | null)?.name ?? null,
    ]);
    expect(summary).toEqual([
      ['created', '孙悦', null],
      ['route.submit', '孙悦', null],
      ['received', '赵静', '秘书科审核'],
      ['urge', '孙悦', '秘书科审核'],
      ['route.open', '赵静', '秘书科审核'],
      ['route.approve', '赵静', '秘书科审核'],
      ['received', '陈明', '签发'],
    ]);
    expect(items[3]).toMatchObject({ message: '请尽快审核', people: [{ id: ids.zhaojing, name: '赵静' }] });
    expect(items[5]).toMatchObject({
      opinion: { kind: 'review', decision: 'approve', text: '拟同意，请陈区长签发。' },
      status: { from: 'in_route', to: 'in_route' },
    });
    expect(items.some((i) => i.kind === 'read' || i.kind === 'download')).toBe(false);
  });

  it('lists reads and downloads (查阅留痕) for the drafter and the office only', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    const documentId = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json().documentId as string;
    // A second look a minute later is the same read; the next day it is another.
    await setClock(new Date(START.getTime() + 60_000));
    await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`);
    await setClock(new Date(START.getTime() + 10 * 60_000));
    expect((await as.zhaojing!.post(`/api/documents/${documentId}/collab-token`)).statusCode).toBe(200);
    await setClock(new Date(START.getTime() + 20 * 60_000));
    expect((await as.zhaojing!.get(`${OFFICIAL_DOCS}/${id}/export?format=docx`)).statusCode).toBe(200);
    await setClock(new Date(START.getTime() + 30 * 60_000));
    const plain = await as.sunyue!.get(`/api/documents/${documentId}/export?format=docx`);
    expect(plain.statusCode, plain.body).toBe(200);
    await setClock(chinaNineAm('2026-03-11'));
    await as.chenming!.get(`${OFFICIAL_DOCS}/${id}`);

    const log = await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}/access-log`);
    expect(log.statusCode).toBe(200);
    const items = log.json().items as Array<{ kind: string; by: { name: string }; what: string; at: string }>;
    expect(items.map((i) => [i.kind, i.by.name, i.what])).toEqual([
      ['read', '陈明', 'record'],
      ['download', '孙悦', 'body.docx'],
      ['download', '赵静', 'docx'],
      ['read', '赵静', 'body'],
      ['read', '孙悦', 'record'],
    ]);
    // Newest first, each at the instant it happened (the clock runs on from where the test set it).
    const minutesAfterStart = items.map((i) => Math.floor((Date.parse(i.at) - START.getTime()) / 60_000));
    expect(minutesAfterStart).toEqual([24 * 60, 30, 20, 10, 0]);
    expect(log.json().total).toBe(5);
    // The office (赵静, a clerk of 区政府办) sees it too; the district head, who reads the 公文, does not.
    expect((await as.zhaojing!.get(`${OFFICIAL_DOCS}/${id}/access-log`)).statusCode).toBe(200);
    const leader = await as.chenming!.get(`${OFFICIAL_DOCS}/${id}/access-log`);
    expect(leader.statusCode).toBe(403);
    expect(leader.json()).toMatchObject({ code: 'trail_forbidden' });
    expect(leader.json().message).toContain('查阅留痕');
  });

  it('does not exist for a colleague who may not read the 公文', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    for (const path of ['timeline', 'access-log', 'format-check']) {
      const res = await as.zhangwei!.get(`${OFFICIAL_DOCS}/${id}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('防汛');
      expect(res.body).not.toContain('孙悦');
    }
    expect((await as.zhangwei!.get(`${OFFICIAL_DOCS}/${id}`)).statusCode).toBe(404);
    // Refused reads leave no trace in the 查阅留痕.
    expect(
      await t.app.svc.db.officialDocumentEvent.count({ where: { officialDocumentId: id, userId: ids.zhangwei } }),
    ).toBe(0);
  });

  it('is append-only: the database refuses to change or remove an event', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const event = await t.app.svc.db.officialDocumentEvent.findFirstOrThrow({ where: { officialDocumentId: id } });
    const refusal = async (change: Promise<unknown>) => {
      try {
        await change;
        return null;
      } catch (err) {
        return refusedByTrigger(err, 'the trail of a 公文 is append-only');
      }
    };
    expect(
      await refusal(t.app.svc.db.officialDocumentEvent.update({ where: { id: event.id }, data: { kind: 'x' } })),
    ).toBe(true);
    expect(await refusal(t.app.svc.db.officialDocumentEvent.delete({ where: { id: event.id } }))).toBe(true);
  });
});
