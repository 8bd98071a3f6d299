// 办文 over HTTP: a 通知 drafted by the 秘书科, reviewed, countersigned in parallel by two bureaus, checked and signed
// off by the 区长, then numbered by the office; the urgent route, a return with its reason, a withdrawal, a delegation,
// and every bad input of the issue refused with a clear 4xx, no change, and an audit event.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusedByTrigger } from '../../db/triggerRefusal.ts';
import { givenOfficialDoc, givenStep, givenSubmitted, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const units: Record<string, string> = {};
const as: Record<string, TestClient> = {};

beforeEach(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei']) as[name] = await signedIn(t, name);
  for (const name of ['lihua', 'yangfan', 'wanglei', 'chenming', 'liufang']) as[name] = await signedInWithMfa(t, name);
});
afterEach(async () => {
  await t.close();
});

/** 秘书科审核 (赵静), 会签 (区发改委 and 区财政局 leaders, all must), 办公室主任核稿 (skipped when urgent), 区长签发. */
const route = (over: Record<string, unknown> = {}) => ({
  steps: [
    { id: 'review', name: '秘书科审核', kind: 'single', handlers: [{ userId: ids.zhaojing }] },
    {
      id: 'countersign',
      name: '会签',
      kind: 'parallel',
      mode: 'all',
      handlers: [
        { unitId: units['区发改委'], role: 'leader' },
        { unitId: units['区财政局'], role: 'leader' },
      ],
    },
    { id: 'check', name: '办公室核稿', kind: 'single', handlers: [{ userId: ids.wanglei }], skipWhenUrgent: true },
    { id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: ids.chenming }] },
  ],
  ...over,
});

const get = async (id: string, who = 'sunyue') => (await as[who]!.get(`${OFFICIAL_DOCS}/${id}`)).json();
const waiting = async (id: string) =>
  (
    await t.app.svc.db.officialDocumentHandler.findMany({
      where: { officialDocumentId: id },
      orderBy: { userId: 'asc' },
    })
  )
    .map((h) => h.userId)
    .sort();
const auditActions = async (id: string, outcome = 'success') =>
  (
    await t.app.svc.db.auditEvent.findMany({
      where: { resourceType: 'official_document', resourceId: id, outcome },
      orderBy: { seq: 'asc' },
    })
  ).map((e) => e.action);
/** The state a refused request must leave untouched. */
const snapshot = async (id: string) => ({
  doc: await t.app.svc.db.officialDocument.findUniqueOrThrow({ where: { id } }),
  opinions: await t.app.svc.db.officialDocumentOpinion.count({ where: { officialDocumentId: id } }),
  waiting: await waiting(id),
});

describe('drafting', () => {
  it('fills in what the organisation knows', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const doc = await get(id);
    expect(doc).toMatchObject({
      kind: 'notice',
      status: 'draft',
      direction: 'outgoing',
      classification: 'internal',
      issuerMark: '区政府办公室文件',
      numberPrefix: '区政府办',
      issuerSignature: '区政府办公室',
      printingUnit: '区政府办公室',
      number: null,
      mainRecipients: ['各街道办事处', '区政府各部门'],
      // 孙悦 is a clerk of 区政府办, which prints its own documents.
      myRoles: ['drafter', 'office'],
      actions: ['edit', 'submit'],
    });
    const document = await t.app.svc.db.document.findUniqueOrThrow({ where: { id: doc.documentId } });
    expect(document).toMatchObject({ kind: 'draft', title: '关于做好2026年春季防汛工作的通知', ownerId: ids.sunyue });
    expect(await auditActions(id)).toEqual(['officialDoc.create']);
  });

  it('lets only the drafter change the fields, and only as a draft', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const edit = await as.sunyue!.patch(`${OFFICIAL_DOCS}/${id}`, {
      title: '关于做好防汛工作的通知',
      urgency: 'urgent',
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ title: '关于做好防汛工作的通知', urgency: 'urgent' });
    const other = await as.zhaojing!.patch(`${OFFICIAL_DOCS}/${id}`, { title: '改' });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('not_editable');
    expect(other.json().message).toContain('只有拟稿人');
    await givenSubmitted(as.sunyue!, id, route());
    expect((await as.sunyue!.patch(`${OFFICIAL_DOCS}/${id}`, { title: '改' })).json().code).toBe('not_editable');
    expect((await get(id)).title).toBe('关于做好防汛工作的通知');
    expect(await auditActions(id, 'failure')).toEqual(['officialDoc.edit', 'officialDoc.edit']);
  });

  it('refuses unknown fields and kinds', async () => {
    const res = await as.sunyue!.post(OFFICIAL_DOCS, { title: 'x', kind: 'memo' });
    expect(res.statusCode).toBe(400);
    expect((await as.sunyue!.post(OFFICIAL_DOCS, { title: 'x', kind: 'notice', layout: 'red' })).statusCode).toBe(400);
  });

  it('records what a 批复 answers', async () => {
    const request = await givenOfficialDoc(as.sunyue!, { kind: 'request', title: '关于申请防汛物资经费的请示' });
    const reply = await givenOfficialDoc(as.sunyue!, { kind: 'reply', answers: { id: request, kind: 'reply' } });
    expect((await get(reply)).relations).toEqual([
      { kind: 'reply', direction: 'answers', id: request, title: '关于申请防汛物资经费的请示' },
    ]);
    expect((await get(request)).relations[0]).toMatchObject({ direction: 'answeredBy', id: reply });
  });
});

describe('a serial route with a parallel 会签', () => {
  it('goes from the drafter to 签发 and 编号, each step with its opinion and audit event', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    expect(await waiting(id)).toEqual([ids.zhaojing]);
    expect((await get(id, 'zhaojing')).actions.sort()).toEqual(['approve', 'open', 'return', 'transfer']);

    await givenStep(as.zhaojing!, id, { action: 'open' });
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '文字已核，请会签' });
    expect(await waiting(id)).toEqual([ids.lihua, ids.yangfan].sort());
    // The two bureaus countersign at the same time.
    const both = await Promise.all([
      as.lihua!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'approve', opinion: '同意' }),
      as.yangfan!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'approve', opinion: '同意，经费由区财政统筹' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 200]);
    expect(await waiting(id)).toEqual([ids.wanglei]);
    await givenStep(as.wanglei!, id, { action: 'approve', opinion: '拟同意，请区长签发' });
    expect(await waiting(id)).toEqual([ids.chenming]);
    expect((await get(id, 'chenming')).actions.sort()).toEqual(['open', 'return', 'signOff', 'transfer']);

    const signed = await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意印发' });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed_off', signers: ['陈明'], writtenOn: '2026-03-10' });
    expect(await waiting(id)).toEqual([]);

    const numbered = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/number`, {});
    expect(numbered.statusCode).toBe(200);
    expect(numbered.json()).toMatchObject({ status: 'numbered', number: { text: '区政府办〔2026〕1号', seq: 1 } });

    const sheet = (
      (await get(id)).opinions as Array<{ stepName: string; kind: string; text: string; by: { name: string } }>
    ).map((o) => [o.stepName, o.kind, o.by.name, o.text]);
    expect(sheet[0]).toEqual(['秘书科审核', 'review', '赵静', '文字已核，请会签']);
    expect(sheet.slice(1, 3).sort()).toEqual([
      ['会签', 'countersign', '李华', '同意'],
      ['会签', 'countersign', '杨帆', '同意，经费由区财政统筹'],
    ]);
    expect(sheet.slice(3)).toEqual([
      ['办公室核稿', 'review', '王磊', '拟同意，请区长签发'],
      ['签发', 'signoff', '陈明', '同意印发'],
    ]);
    expect(await auditActions(id)).toEqual([
      'officialDoc.create',
      'officialDoc.submit',
      'officialDoc.open',
      'officialDoc.approve',
      'officialDoc.approve',
      'officialDoc.approve',
      'officialDoc.approve',
      'officialDoc.signOff',
      'officialDoc.number',
    ]);
  });

  it('keeps opinions as given: the database refuses to change or remove one', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    const opinion = await t.app.svc.db.officialDocumentOpinion.findFirstOrThrow({ where: { officialDocumentId: id } });
    const refused = async (write: Promise<unknown>) =>
      write.then(
        () => 'written',
        (err: unknown) => (refusedByTrigger(err, 'opinions are immutable') ? 'refused' : String(err)),
      );
    const rows = t.app.svc.db.officialDocumentOpinion;
    expect(await refused(rows.update({ where: { id: opinion.id }, data: { text: '不同意' } }))).toBe('refused');
    expect(await refused(rows.delete({ where: { id: opinion.id } }))).toBe('refused');
    expect(await rows.findUniqueOrThrow({ where: { id: opinion.id } })).toEqual(opinion);
  });

  it('refuses a non-handler, a second opinion and an opinion after the route moved on; nothing changes, all audited', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
    const before = await snapshot(id);

    const stranger = await as.zhangwei!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'approve', opinion: '同意' });
    expect(stranger.statusCode).toBe(404);
    const notHandler = await as.wanglei!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'approve', opinion: '同意' });
    expect(notHandler.statusCode).toBe(403);
    expect(notHandler.json()).toMatchObject({ code: 'not_your_step' });
    expect(notHandler.json().message).toContain('您不是当前环节的办理人');
    const twice = await as.lihua!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'approve', opinion: '再次同意' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'already_acted' });
    const movedOn = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'approve', opinion: '同意' });
    expect(movedOn.statusCode).toBe(409);
    expect(movedOn.json()).toMatchObject({ code: 'moved_on' });
    const early = await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意' });
    expect(early.statusCode).toBe(403);
    const number = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/number`, {});
    expect(number.statusCode).toBe(409);
    expect(number.json().code).toBe('invalid_transition');

    expect(await snapshot(id)).toEqual(before);
    expect(await auditActions(id, 'failure')).toEqual([
      'officialDoc.approve',
      'officialDoc.approve',
      'officialDoc.approve',
      'officialDoc.approve',
      'officialDoc.signOff',
      'officialDoc.number',
    ]);
  });

  it('lets only one of two racing opinions through from the same person', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    const racing = await Promise.all(
      [1, 2].map(() => as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'approve', opinion: '同意' })),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await t.app.svc.db.officialDocumentOpinion.count({ where: { officialDocumentId: id } })).toBe(1);
  });

  it('refuses a route naming someone not cleared, or nobody', async () => {
    const id = await givenOfficialDoc(as.zhaojing!, { classification: 'secret' });
    const uncleared = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/submit`, {
      steps: [{ id: 's', name: '签发', kind: 'single', handlers: [{ userId: ids.zhangwei }] }],
    });
    expect(uncleared.statusCode).toBe(400);
    expect(uncleared.json().code).toBe('handler_not_cleared');
    const noSignOff = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/submit`, {
      steps: [{ id: 'r', name: '审核', kind: 'single', opinion: 'review', handlers: [{ userId: ids.wanglei }] }],
    });
    expect(noSignOff.statusCode).toBe(400);
    expect(noSignOff.json()).toMatchObject({
      code: 'bad_plan',
      details: { problem: 'the last step must be the sign-off (签发)' },
    });
    expect((await get(id, 'zhaojing')).status).toBe('draft');
    expect(await auditActions(id, 'failure')).toEqual(['officialDoc.submit', 'officialDoc.submit']);
  });
});

describe('the urgent route', () => {
  it('skips the steps marked to skip for a 特急 document', async () => {
    const id = await givenOfficialDoc(as.sunyue!, { urgency: 'extra_urgent' });
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '特急件，请尽快会签' });
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.yangfan!, id, { action: 'approve', opinion: '同意' });
    expect(await waiting(id)).toEqual([ids.chenming]);
    const doc = await get(id);
    expect(doc.route.urgent).toBe(true);
    expect(doc.route.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'skipped', 'active']);
    const skipped = await as.wanglei!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'approve', opinion: '同意' });
    expect(skipped.statusCode).toBe(403);
  });

  it('takes the ordinary route when the drafter says so', async () => {
    const id = await givenOfficialDoc(as.sunyue!, { urgency: 'extra_urgent' });
    await givenSubmitted(as.sunyue!, id, route({ urgent: false }));
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.yangfan!, id, { action: 'approve', opinion: '同意' });
    expect(await waiting(id)).toEqual([ids.wanglei]);
  });
});

describe('退回', () => {
  it('needs a reason; with one it goes back to the drafter, who edits and sends it again', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    const before = await snapshot(id);
    const bare = await as.lihua!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'return', reason: '  ', to: 'drafter' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ code: 'reason_required' });
    expect(bare.json().message).toContain('退回必须填写理由');
    expect(await snapshot(id)).toEqual(before);

    await givenStep(as.lihua!, id, { action: 'return', reason: '请补充发改委牵头事项', to: 'drafter' });
    const returned = await get(id);
    expect(returned).toMatchObject({
      status: 'draft',
      route: { returned: { reason: '请补充发改委牵头事项', to: -1, by: { name: '李华' } } },
      actions: ['edit', 'submit'],
    });
    expect(returned.opinions.at(-1)).toMatchObject({
      decision: 'return',
      text: '请补充发改委牵头事项',
      kind: 'countersign',
    });
    expect(await waiting(id)).toEqual([]);
    expect((await as.sunyue!.patch(`${OFFICIAL_DOCS}/${id}`, { remark: '联系人：孙悦' })).statusCode).toBe(200);
    await givenSubmitted(as.sunyue!, id, route());
    expect(await waiting(id)).toEqual([ids.zhaojing]);
  });

  it('to an earlier step: that step is handled again', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.yangfan!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.wanglei!, id, { action: 'return', reason: '会签意见不一致，请重新会签', to: 1 });
    expect(await waiting(id)).toEqual([ids.lihua, ids.yangfan].sort());
    const tooFar = await as.lihua!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'return', reason: 'x', to: 2 });
    expect(tooFar.json().code).toBe('bad_return_target');
  });
});

describe('撤回', () => {
  it('by the sender before the next handler opened it; refused once opened', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.zhaojing!, id, { action: 'withdraw' });
    expect(await waiting(id)).toEqual([ids.zhaojing]);
    expect((await get(id, 'zhaojing')).route.current).toBe(0);

    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '修改后同意' });
    await givenStep(as.yangfan!, id, { action: 'open' });
    const before = await snapshot(id);
    const late = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'withdraw' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'already_opened' });
    expect(await snapshot(id)).toEqual(before);
    const notSender = await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'withdraw' });
    expect(notSender.statusCode).toBe(409);
    expect(notSender.json().code).toBe('moved_on');
  });

  it('by the drafter before the first handler opened it: a draft again', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.sunyue!, id, { action: 'withdraw' });
    expect((await get(id)).status).toBe('draft');
    expect(await waiting(id)).toEqual([]);
  });
});

describe('加签 and 转办', () => {
  it('a countersigner added to the 会签 signs before the route moves on; a transfer hands the step over', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.zhaojing!, id, { action: 'transfer', toUserId: ids.wanglei });
    expect(await waiting(id)).toEqual([ids.wanglei]);
    await givenStep(as.wanglei!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.lihua!, id, { action: 'addCountersigner', userIds: [ids.guomin] });
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.yangfan!, id, { action: 'approve', opinion: '同意' });
    expect(await waiting(id)).toEqual([ids.guomin]);
    const uncleared = await as.yangfan!.post(`${OFFICIAL_DOCS}/${id}/step`, {
      action: 'transfer',
      toUserId: ids.sysadmin,
    });
    expect(uncleared.statusCode).toBe(400);
  });
});

describe('代理 (delegation)', () => {
  it('the deputy signs off in the leader’s name while the delegation runs, and not after', async () => {
    const start = t.clock.now();
    const res = await as.chenming!.post(`${OFFICIAL_DOCS}/delegations`, {
      deputyId: ids.liufang,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 86_400_000).toISOString(),
      reason: '出差',
    });
    expect(res.statusCode).toBe(201);
    const id = await givenOfficialDoc(as.sunyue!, { urgency: 'extra_urgent' });
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.yangfan!, id, { action: 'approve', opinion: '同意' });
    expect((await get(id, 'liufang')).myRoles).toEqual(['signer']);

    const signed = await as.liufang!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意印发（代）' });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().signers).toEqual(['陈明']);
    expect(signed.json().opinions.at(-1)).toMatchObject({ by: { name: '刘芳' }, onBehalfOf: { name: '陈明' } });
    const event = await t.app.svc.db.auditEvent.findFirstOrThrow({
      where: { action: 'officialDoc.signOff', resourceId: id },
    });
    expect(JSON.parse(event.detail)).toMatchObject({ onBehalfOf: ids.chenming });

    // Four days later the delegation has ended.
    const second = await givenOfficialDoc(as.sunyue!, { urgency: 'extra_urgent' });
    await givenSubmitted(as.sunyue!, second, route());
    await givenStep(as.zhaojing!, second, { action: 'approve', opinion: '同意' });
    await givenStep(as.lihua!, second, { action: 'approve', opinion: '同意' });
    await givenStep(as.yangfan!, second, { action: 'approve', opinion: '同意' });
    t.clock.advance(4 * 86_400_000);
    as.liufang = await signedInWithMfa(t, 'liufang');
    const after = await as.liufang.post(`${OFFICIAL_DOCS}/${second}/sign-off`, { opinion: '同意' });
    expect(after.statusCode).toBe(404);
  });

  it('refuses delegating to oneself or for too long', async () => {
    const start = t.clock.now();
    const self = await as.chenming!.post(`${OFFICIAL_DOCS}/delegations`, {
      deputyId: ids.chenming,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 86_400_000).toISOString(),
    });
    expect(self.json().code).toBe('delegation_self');
    const long = await as.chenming!.post(`${OFFICIAL_DOCS}/delegations`, {
      deputyId: ids.liufang,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 100 * 86_400_000).toISOString(),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('delegation_period');
  });
});

describe('lists', () => {
  it('待办, 已办 and mine', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    const todo = (await as.lihua!.get(`${OFFICIAL_DOCS}?scope=todo`)).json();
    expect(todo).toMatchObject({ total: 1, items: [{ id, status: 'in_route', kind: 'notice', drafter: '孙悦' }] });
    expect((await as.zhaojing!.get(`${OFFICIAL_DOCS}?scope=todo`)).json().total).toBe(0);
    expect(
      (await as.zhaojing!.get(`${OFFICIAL_DOCS}?scope=done`)).json().items.map((i: { id: string }) => i.id),
    ).toEqual([id]);
    expect((await as.sunyue!.get(`${OFFICIAL_DOCS}?scope=mine`)).json().total).toBe(1);
    expect((await as.zhangwei!.get(`${OFFICIAL_DOCS}?scope=unit`)).json().total).toBe(0);
  });
});
