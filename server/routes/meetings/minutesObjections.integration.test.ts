// Minutes whose decisions carry the author's own numbering, and an objection answered by the host rather than the
// minute-taker, end to end on a real database, collab server and socket.io: who may answer is shown to the host, the
// host's answer is audited as the host's and the minute-taker is told, a second answer is refused, and the signed
// PDF numbers each decision exactly once.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paragraph, type Collaborator } from '../../../tests/support/collabClient.ts';
import { demoIds, givenMeeting } from '../../../tests/support/meetings.ts';
import { givenFinalisedMinutes, givenMinutes, writeMinutes } from '../../../tests/support/minutes.ts';
import { pdfText } from '../../../tests/support/pdfText.ts';
import { nextEvent as once, socketAs } from '../../../tests/support/sockets.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';

let t: TestApp;
let base: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
let meetingId: string;
const as: Record<string, TestClient> = {};
let sockets: Socket[] = [];
let collaborators: Collaborator[] = [];

const minutesUrl = (path = '') => `/api/meetings/${meetingId}/minutes${path}`;

/** Two decisions numbered by their author (一、 （二）), one without numbering, and a plain paragraph. */
const DECISIONS = [
  { id: 'own-numbered-0001', text: '一、由区住建委牵头完成老旧小区改造实施方案。' },
  { id: 'own-numbered-0002', text: '（二）区发改委负责报送重大项目储备清单。' },
  { id: 'unnumbered-00003', text: '区卫健委牵头做好冬季传染病防控工作。' },
];
const OBJECTION = '第二项应写明会同区财政局';
const ANSWER = '第二项已按原议定表述，会同单位见配合单位栏。';

// Every test starts from its own app: the minutes written by 孙悦 and finalised, waiting for the attendees.
beforeEach(async () => {
  // A fixed morning: the meeting below (40 minutes ahead, two hours long) then falls on one day.
  t = await createTestApp({ clockAt: new Date('2026-11-18T09:05:00+08:00') });
  base = await t.listen();
  ids = await demoIds(t);
  sockets = [];
  collaborators = [];
  for (const name of ['zhaojing', 'sunyue', 'zhangwei', 'xuyan', 'matao']) as[name] = await signedIn(t, name);
  const startAt = new Date(Math.ceil((t.clock.now().getTime() + 40 * 60_000) / 60_000) * 60_000);
  meetingId = (
    await givenMeeting(as.zhaojing!, {
      title: '冬季安全生产专题会',
      type: 'zhuanti',
      mode: 'online',
      classification: 'internal',
      hostId: ids.users.zhaojing,
      minuteTakerId: ids.users.sunyue,
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 2 * 3600_000).toISOString(),
      participants: {
        users: [{ userId: ids.users.zhangwei }, { userId: ids.users.xuyan }, { userId: ids.users.matao }],
        units: [],
      },
    })
  ).id;
  const documentId = await givenMinutes(as.sunyue!, meetingId);
  await writeMinutes(
    base,
    as.sunyue!,
    documentId,
    (s) => {
      let tr = s.tr.insert(s.doc.content.size, paragraph('会议议定：'));
      for (const d of DECISIONS) {
        tr = tr.insert(
          tr.doc.content.size,
          s.schema.nodes.decisionItem!.create(
            { id: d.id, confirmed: true, leadUnits: [{ unitId: null, name: '区住建委' }], noDeadline: true },
            s.schema.text(d.text),
          ),
        );
      }
      return tr;
    },
    collaborators,
  );
  await givenFinalisedMinutes(as.sunyue!, meetingId);
});

afterEach(async () => {
  for (const c of collaborators) c.destroy();
  for (const s of sockets) s.close();
  await t.close();
});

async function socketFor(client: TestClient): Promise<Socket> {
  const socket = await socketAs(base, client);
  sockets.push(socket);
  return socket;
}

/** 张伟 objects to the second item. */
async function givenObjection(): Promise<void> {
  expect(
    (await as.zhangwei!.post(minutesUrl('/confirmations'), { decision: 'object', comment: OBJECTION })).statusCode,
  ).toBe(200);
}

/** 张伟's objection, answered by the host. */
async function givenHostAnswer(): Promise<void> {
  await givenObjection();
  expect(
    (await as.zhaojing!.post(minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), { resolution: `  ${ANSWER} ` }))
      .statusCode,
  ).toBe(200);
}

describe('an objection answered by the host', () => {
  it('shows the host the open objection, who raised it and who may answer it, with the action', async () => {
    await givenObjection();
    const host = (await as.zhaojing!.get(minutesUrl())).json();
    expect(host.me).toMatchObject({
      canClose: false,
      canResolve: true,
      closeBlockers: ['objections_open', 'meeting_not_ended'],
    });
    expect(host.confirmations.find((c: { userId: string }) => c.userId === ids.users.zhangwei)).toMatchObject({
      name: '张伟',
      state: 'objected',
      comment: OBJECTION,
      resolution: null,
      resolvedBy: null,
    });
    expect(host.resolvers).toEqual([
      { id: ids.users.sunyue, displayName: '孙悦', role: 'minute_taker' },
      { id: ids.users.zhaojing, displayName: '赵静', role: 'host' },
    ]);
    // An attendee learns whom the objection waits on, but may not answer it.
    const attendee = (await as.xuyan!.get(minutesUrl())).json();
    expect(attendee.me.canResolve).toBe(false);
    expect(attendee.resolvers.map((r: { role: string }) => r.role)).toEqual(['minute_taker', 'host']);
    const refused = await as.xuyan!.post(minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), {
      resolution: '我来处理',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('takes the host’s answer, audits it as the host’s and tells the objector and the minute-taker', async () => {
    await givenObjection();
    const objector = once<{ kind: string; body: string }>(
      await socketFor(as.zhangwei!),
      'notification:new',
      (n) => n.kind === 'minutes.objection_resolved',
    );
    const minuteTaker = once<{ kind: string; title: string; body: string }>(
      await socketFor(as.sunyue!),
      'notification:new',
      (n) => n.kind === 'minutes.objection_resolved_by_other',
    );
    const res = await as.zhaojing!.post(minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), {
      resolution: '  第二项已按原议定表述，会同单位见配合单位栏。 ',
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.confirmations.find((c: { userId: string }) => c.userId === ids.users.zhangwei)).toMatchObject({
      state: 'objected',
      resolution: '第二项已按原议定表述，会同单位见配合单位栏。',
      resolvedBy: { id: ids.users.zhaojing, displayName: '赵静' },
    });
    expect(view.me.closeBlockers).toEqual(['meeting_not_ended']);
    expect((await objector).body).toBe('第二项已按原议定表述，会同单位见配合单位栏。');
    expect(await minuteTaker).toMatchObject({
      title: '主持人赵静已处理张伟对会议纪要的异议：冬季安全生产专题会',
      body: '第二项已按原议定表述，会同单位见配合单位栏。',
    });
    const audit = await t.app.svc.db.auditEvent.findMany({
      where: { action: 'minutes.resolve_objection', resourceId: meetingId },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(ids.users.zhaojing);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ userId: ids.users.zhangwei, round: 1, role: 'host' });
  });

  it('refuses a second answer to the same objection, so one answer never silently replaces another', async () => {
    await givenHostAnswer();
    const again = await as.sunyue!.post(minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), {
      resolution: '另一种答复',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('objection_resolved');
    const row = await t.app.svc.db.minutesConfirmation.findUniqueOrThrow({
      where: { meetingId_userId: { meetingId, userId: ids.users.zhangwei } },
    });
    expect(row.resolution).toBe('第二项已按原议定表述，会同单位见配合单位栏。');
    expect(
      await t.app.svc.db.auditEvent.count({ where: { action: 'minutes.resolve_objection', resourceId: meetingId } }),
    ).toBe(1);
  });
});

describe('the signed PDF of minutes numbered by their author', () => {
  it('numbers each decision exactly once', async () => {
    await givenHostAnswer();
    for (const name of ['xuyan', 'matao'])
      expect((await as[name]!.post(minutesUrl('/confirmations'), { decision: 'confirm' })).statusCode).toBe(200);
    t.clock.advance(15 * 60_000);
    expect((await as.zhaojing!.post(`/api/meetings/${meetingId}/start`)).statusCode).toBe(200);
    expect((await as.zhaojing!.post(`/api/meetings/${meetingId}/end`)).statusCode).toBe(200);
    expect((await as.zhaojing!.post(minutesUrl('/close'))).statusCode).toBe(200);

    const res = await as.zhangwei!.get(minutesUrl('/pdf'));
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(res.rawPayload)).join('').replace(/\n/g, '');
    expect(text).not.toContain('1. 一、');
    expect(text).not.toMatch(/\d\.\s*(?:一、|（二）)/);
    // The author's numbering is kept as written; the decision without any is numbered by its place.
    expect(text).toContain('一、由区住建委牵头完成老旧小区改造实施方案。');
    expect(text).toContain('（二）区发改委负责报送重大项目储备清单。');
    expect(text).toContain('3. 区卫健委牵头做好冬季传染病防控工作。');
    for (const d of DECISIONS) {
      const at = text.indexOf(d.text.replace(/^(?:一、|（二）)/, ''));
      expect(at).toBeGreaterThan(0);
      // Exactly one number before the text: the author's own or the export's, never both.
      const before = text.slice(Math.max(0, at - 8), at);
      const numbers = before.match(/(?:\d+\. |一、|（二）)$/g) ?? [];
      expect(numbers, `${d.text}: …${before}`).toHaveLength(1);
      expect(before).not.toMatch(/\d+\. (?:一、|（二）)$/);
    }
  });
});
