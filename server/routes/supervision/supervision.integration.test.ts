// Supervision over HTTP: a task from a leader's instruction through signing, assignment, progress with attachments,
// extension, coordination, submission, return and acceptance — and every bad input of the issue refused with a clear
// 4xx and no change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { multipart } from '../../../tests/support/meetings.ts';
import { givenTask } from '../../../tests/support/supervision.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';
import { xlsxRows } from '../../../tests/support/xlsx.ts';
import { rebuildUnitMonthCounters } from '../../queries/supervision/statistics.ts';
import { addDays, shanghaiDateOf } from '../../../common/calendar/isoDate.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const units: Record<string, string> = {};
const as: Record<string, TestClient> = {};
let today: string;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n');

async function upload(client: TestClient, taskId: string, name: string, type: string, content: Buffer) {
  const body = multipart(name, type, content);
  return client.request('POST', `/api/supervision/tasks/${taskId}/attachments`, body.payload, body.headers);
}

// Every test on its own app; a test that needs the story so far plays it through the builders below.
beforeEach(async () => {
  t = await createTestApp({ config: { supervisionTickSeconds: 0, supervisionAttachmentMaxMb: 1 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  for (const name of ['zhouqiang', 'wuli', 'zhangwei', 'hejun', 'matao']) as[name] = await signedIn(t, name);
  // Unit heads and leaders enrol an authenticator on their first sign-in.
  for (const name of ['lihua', 'yangfan', 'chenming', 'guomin']) as[name] = await signedInWithMfa(t, name);
  today = shanghaiDateOf(t.clock.now());
});
afterEach(async () => {
  await t.close();
});

const task = (overrides: Record<string, unknown> = {}) => ({
  title: '推进老旧小区改造项目前期工作',
  basisType: 'leader_instruction',
  basisText: '请发改委牵头，财政局配合，月底前拿出方案。',
  instructedById: ids.chenming,
  leadUnitId: units['区发改委'],
  coUnitIds: [units['区财政局']],
  requirement: '形成改造方案并报区政府常务会议审议',
  dueDate: addDays(today, 20),
  priority: 'urgent',
  ...overrides,
});

describe('a task from a leader instruction to 已办结', () => {
  let id = '';
  const get = async (who = 'zhouqiang') => (await as[who]!.get(`/api/supervision/tasks/${id}`)).json();
  const stateCount = async () => ({
    events: await t.app.svc.db.supervisionEvent.count({ where: { taskId: id } }),
    task: await t.app.svc.db.supervisionTask.findUniqueOrThrow({ where: { id } }),
  });

  // The story so far, one builder per stage, each playing the stage before it first.
  /** 陈明 raises the task from his own instruction, naming 周强 as supervisor. */
  async function givenRaised(): Promise<void> {
    id = await givenTask(as.chenming!, task({ supervisorId: ids.zhouqiang, instructedById: undefined }));
  }
  /** 李华 signs for 区发改委 and hands it to 张伟; 杨帆 signs for 区财政局 and names 何军. */
  async function givenSignedAndAssigned(): Promise<void> {
    await givenRaised();
    expect(
      (await as.lihua!.post(`/api/supervision/tasks/${id}/sign`, { note: '已签收，由规划科承办' })).statusCode,
    ).toBe(200);
    expect((await as.lihua!.post(`/api/supervision/tasks/${id}/assign`, { ownerId: ids.zhangwei })).statusCode).toBe(
      200,
    );
    expect((await as.yangfan!.post(`/api/supervision/tasks/${id}/sign`, {})).statusCode).toBe(200);
    expect(
      (await as.yangfan!.post(`/api/supervision/tasks/${id}/assign`, { coOwnerIds: [ids.hejun] })).statusCode,
    ).toBe(200);
  }
  /** 张伟 reports 50% with a draft attached; 何军 reports the co-unit's part. */
  async function givenProgress(): Promise<void> {
    await givenSignedAndAssigned();
    const attachmentId = (await upload(as.zhangwei!, id, '改造方案初稿.pdf', 'application/pdf', PDF)).json()
      .id as string;
    expect(
      (
        await as.zhangwei!.post(`/api/supervision/tasks/${id}/progress`, {
          text: '已完成方案初稿',
          percent: 50,
          attachmentIds: [attachmentId],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await as.hejun!.post(`/api/supervision/tasks/${id}/progress`, { text: '资金测算已完成', percent: 80 }))
        .statusCode,
    ).toBe(200);
  }
  /** An extension refused, a shorter one approved, and a coordination with 区住建委 recorded. */
  async function givenExtensionsAndCoordination(): Promise<void> {
    await givenProgress();
    const due = (await get()).dueDate as string;
    expect(
      (
        await as.zhangwei!.post(`/api/supervision/tasks/${id}/extension`, {
          reason: '需补充测绘',
          toDueDate: addDays(due, 5),
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await as.zhouqiang!.post(`/api/supervision/tasks/${id}/extension/decision`, {
          approve: false,
          note: '期限不变',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await as.zhangwei!.post(`/api/supervision/tasks/${id}/extension`, {
          reason: '需补充测绘',
          toDueDate: addDays(due, 3),
        })
      ).statusCode,
    ).toBe(200);
    expect((await as.wuli!.post(`/api/supervision/tasks/${id}/extension/decision`, { approve: true })).statusCode).toBe(
      200,
    );
    const raised = (
      await as.zhangwei!.post(`/api/supervision/tasks/${id}/coordination`, {
        difficulty: '用地指标需住建委协调',
        unitIds: [units['区住建委']],
      })
    ).json();
    expect(
      (
        await as.zhouqiang!.post(`/api/supervision/tasks/${id}/coordination/${raised.coordinations[0].id}/outcome`, {
          outcome: '已召开协调会，住建委同意调剂',
        })
      ).statusCode,
    ).toBe(200);
  }
  /** Submitted with evidence, returned once for rectification, submitted again and accepted: 已办结. */
  async function givenCompleted(): Promise<void> {
    await givenExtensionsAndCoordination();
    const evidence = (await upload(as.zhangwei!, id, '实施方案（报审稿）.pdf', 'application/pdf', PDF)).json()
      .id as string;
    expect(
      (
        await as.zhangwei!.post(`/api/supervision/tasks/${id}/submit`, {
          summary: '方案已报区政府',
          attachmentIds: [evidence],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await as.zhouqiang!.post(`/api/supervision/tasks/${id}/acceptance`, {
          accept: false,
          requirement: '补充资金来源说明',
          dueDate: addDays(today, 7),
        })
      ).statusCode,
    ).toBe(200);
    expect((await as.zhangwei!.post(`/api/supervision/tasks/${id}/submit`, { summary: '已补充' })).statusCode).toBe(
      200,
    );
    expect(
      (await as.zhouqiang!.post(`/api/supervision/tasks/${id}/acceptance`, { accept: true, note: '同意办结' }))
        .statusCode,
    ).toBe(200);
  }

  it('refuses bad creations without writing anything', async () => {
    const before = await t.app.svc.db.supervisionTask.count();
    const past = await as.zhouqiang!.post('/api/supervision/tasks', task({ dueDate: addDays(today, -1) }));
    expect(past.statusCode).toBe(400);
    expect(past.json().code).toBe('due_date_past');
    expect((await as.zhangwei!.post('/api/supervision/tasks', task())).statusCode).toBe(403);
    const otherBasis = await as.chenming!.post(
      '/api/supervision/tasks',
      task({ basisType: 'other', supervisorId: ids.zhouqiang }),
    );
    expect(otherBasis.json().code).toBe('task_forbidden');
    expect(
      (await as.zhouqiang!.post('/api/supervision/tasks', task({ coUnitIds: [units['区发改委']] }))).json().code,
    ).toBe('lead_unit_as_co_unit');
    expect(
      (await as.zhouqiang!.post('/api/supervision/tasks', task({ basisType: 'meeting_decision' }))).json().code,
    ).toBe('basis_incomplete');
    expect((await as.zhouqiang!.post('/api/supervision/tasks', task({ dueDate: '2026-02-30' }))).statusCode).toBe(400);
    expect(await t.app.svc.db.supervisionTask.count()).toBe(before);
  });

  it('lets a leader raise a task from their own instruction, naming the supervisor', async () => {
    const res = await as.chenming!.post(
      '/api/supervision/tasks',
      task({ supervisorId: ids.zhouqiang, instructedById: undefined }),
    );
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    const detail = await get();
    expect(detail).toMatchObject({
      status: 'pending_sign',
      basisType: 'leader_instruction',
      instructedByName: '陈明',
      supervisorName: '周强',
      leadUnitName: '区发展和改革委员会',
    });
    expect(detail.code).toMatch(/^督办〔\d{4}〕\d+号$/);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    // The lead unit's head hears of it.
    const notes = (await as.lihua!.get('/api/notifications')).json().items;
    expect(notes[0]).toMatchObject({ kind: 'supervision.assigned', link: `/supervision/tasks/${id}` });
  });

  it('refuses to accept a task that was never submitted (409, nothing changes)', async () => {
    await givenRaised();
    const before = await stateCount();
    const res = await as.zhouqiang!.post(`/api/supervision/tasks/${id}/acceptance`, { accept: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_transition');
    expect(await stateCount()).toEqual(before);
  });

  it('lets only the lead unit sign, then hand the task down within the unit', async () => {
    await givenRaised();
    expect((await as.zhangwei!.post(`/api/supervision/tasks/${id}/sign`, {})).json().code).toBe('task_forbidden');
    const signed = await as.lihua!.post(`/api/supervision/tasks/${id}/sign`, { note: '已签收，由规划科承办' });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().status).toBe('in_progress');
    const outside = await as.lihua!.post(`/api/supervision/tasks/${id}/assign`, { ownerId: ids.hejun });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('assignee_outside_unit');
    const assigned = await as.lihua!.post(`/api/supervision/tasks/${id}/assign`, { ownerId: ids.zhangwei });
    expect(assigned.json()).toMatchObject({ ownerId: ids.zhangwei, ownerName: '张伟' });
    // The co-unit signs for its part and names its co-owner; it may not name the owner.
    expect((await as.yangfan!.post(`/api/supervision/tasks/${id}/sign`, {})).json().coUnits[0].signed).toBe(true);
    expect((await as.yangfan!.post(`/api/supervision/tasks/${id}/sign`, {})).json().code).toBe('already_signed');
    expect((await as.yangfan!.post(`/api/supervision/tasks/${id}/assign`, { ownerId: ids.hejun })).statusCode).toBe(
      403,
    );
    const co = await as.yangfan!.post(`/api/supervision/tasks/${id}/assign`, { coOwnerIds: [ids.hejun] });
    expect(co.json().coOwners).toEqual([{ id: ids.hejun, name: '何军', unitId: units['区财政局'] }]);
    expect((await get('zhangwei')).actions.sort()).toEqual([
      'report_progress',
      'request_coordination',
      'request_extension',
      'submit',
    ]);
  });

  it('takes progress with attachments, refusing oversized and forbidden files', async () => {
    await givenSignedAndAssigned();
    const before = await t.app.svc.db.supervisionAttachment.count();
    const big = await upload(
      as.zhangwei!,
      id,
      '附件.pdf',
      'application/pdf',
      Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10)]),
    );
    expect(big.statusCode).toBe(413);
    // The refusal names the limit (TONGBAN_SUPERVISION_ATTACHMENT_MB, 1 here) for the page to show.
    expect(big.json()).toMatchObject({ code: 'file_too_large', details: { maxMb: 1 } });
    const exe = await upload(as.zhangwei!, id, 'tool.exe', 'application/octet-stream', Buffer.from('MZ\x90\x00'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().code).toBe('unsupported_file_type');
    const fake = await upload(as.zhangwei!, id, 'report.pdf', 'application/pdf', Buffer.from('not a pdf at all'));
    expect(fake.json().code).toBe('mislabeled_file');
    expect(await t.app.svc.db.supervisionAttachment.count()).toBe(before);
    expect((await upload(as.matao!, id, '方案.pdf', 'application/pdf', PDF)).statusCode).toBe(404);

    const ok = await upload(as.zhangwei!, id, '改造方案初稿.pdf', 'application/pdf', PDF);
    expect(ok.statusCode).toBe(201);
    const attachmentId = ok.json().id;
    // Someone else cannot send my draft attachment with their report.
    expect(
      (
        await as.hejun!.post(`/api/supervision/tasks/${id}/progress`, {
          text: '配合测算资金',
          percent: 30,
          attachmentIds: [attachmentId],
        })
      ).json().code,
    ).toBe('attachment_unavailable');
    const report = await as.zhangwei!.post(`/api/supervision/tasks/${id}/progress`, {
      text: '已完成方案初稿',
      percent: 50,
      attachmentIds: [attachmentId],
    });
    expect(report.statusCode).toBe(200);
    const detail = report.json();
    expect(detail.progress).toBe(50);
    const entry = detail.timeline.find((e: { kind: string }) => e.kind === 'progress');
    expect(entry).toMatchObject({ percent: 50, actorName: '张伟', text: '已完成方案初稿' });
    expect(entry.attachments[0]).toMatchObject({ id: attachmentId, fileName: '改造方案初稿.pdf', kind: 'pdf' });
    const download = await as.zhouqiang!.get(`/api/supervision/attachments/${attachmentId}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await as.matao!.get(`/api/supervision/attachments/${attachmentId}`)).statusCode).toBe(404);

    // A co-unit reports its part: it is on the timeline, the task's own percentage stays the lead unit's.
    const co = (
      await as.hejun!.post(`/api/supervision/tasks/${id}/progress`, { text: '资金测算已完成', percent: 80 })
    ).json();
    expect(co.progress).toBe(50);
    expect(co.timeline.at(-1)).toMatchObject({ kind: 'progress', percent: 80, unitName: '区财政局' });
  });

  it('refuses malformed bodies with a 400 and changes nothing', async () => {
    await givenProgress();
    const before = await stateCount();
    for (const [path, body] of [
      ['progress', { text: '进展', percent: 101 }],
      ['progress', { text: '进展', percent: 12.5 }],
      ['progress', { text: '  ', percent: 10 }],
      ['progress', { text: '进展', percent: 10, status: 'completed' }],
      ['progress', { text: '进展', percent: 10, attachmentIds: 'all' }],
      ['extension', { reason: '需补充测绘', toDueDate: '2026-13-01' }],
      ['extension', { reason: '需补充测绘', toDueDate: 'next week' }],
      ['submit', {}],
      ['assign', {}],
      ['coordination', { difficulty: '难'.repeat(2001) }],
      ['sign', { note: 1 }],
    ] as const) {
      const res = await as.zhangwei!.post(`/api/supervision/tasks/${id}/${path}`, body);
      expect(res.statusCode, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBe(400);
    }
    const raw = await as.zhangwei!.request(
      'POST',
      `/api/supervision/tasks/${id}/progress`,
      '{"text":"进展","percent":',
      { 'content-type': 'application/json' },
    );
    expect(raw.statusCode).toBe(400);
    expect(
      (await as.zhouqiang!.post(`/api/supervision/tasks/${id}/acceptance`, { accept: false, requirement: '补充' }))
        .statusCode,
    ).toBe(400);
    expect(await stateCount()).toEqual(before);
  });

  it('handles extension requests and coordination', async () => {
    await givenProgress();
    const due = (await get()).dueDate as string;
    expect(
      (
        await as.zhangwei!.post(`/api/supervision/tasks/${id}/extension`, {
          reason: '需补充测绘',
          toDueDate: addDays(due, -1),
        })
      ).json().code,
    ).toBe('extension_not_later');
    const asked = await as.zhangwei!.post(`/api/supervision/tasks/${id}/extension`, {
      reason: '需补充测绘',
      toDueDate: addDays(due, 5),
    });
    expect(asked.json().status).toBe('extension_requested');
    expect((await as.zhangwei!.post(`/api/supervision/tasks/${id}/submit`, { summary: 'x' })).json().code).toBe(
      'invalid_transition',
    );
    expect(
      (await as.zhangwei!.post(`/api/supervision/tasks/${id}/extension/decision`, { approve: true })).statusCode,
    ).toBe(403);
    const refused = (
      await as.zhouqiang!.post(`/api/supervision/tasks/${id}/extension/decision`, { approve: false, note: '期限不变' })
    ).json();
    expect(refused).toMatchObject({ status: 'in_progress', dueDate: due });
    await as.zhangwei!.post(`/api/supervision/tasks/${id}/extension`, {
      reason: '需补充测绘',
      toDueDate: addDays(due, 3),
    });
    const approved = (await as.wuli!.post(`/api/supervision/tasks/${id}/extension/decision`, { approve: true })).json();
    expect(approved).toMatchObject({ status: 'in_progress', dueDate: addDays(due, 3), originalDueDate: due });
    expect(approved.extensions.map((e: { status: string }) => e.status)).toEqual(['refused', 'approved']);

    const raised = (
      await as.zhangwei!.post(`/api/supervision/tasks/${id}/coordination`, {
        difficulty: '用地指标需住建委协调',
        unitIds: [units['区住建委']],
      })
    ).json();
    const coordination = raised.coordinations[0];
    expect(coordination).toMatchObject({
      status: 'open',
      units: [{ id: units['区住建委'], name: '区住房和城乡建设委员会' }],
    });
    expect((await as.hejun!.post(`/api/supervision/tasks/${id}/coordination`, { difficulty: 'x' })).statusCode).toBe(
      403,
    );
    const outcome = (
      await as.zhouqiang!.post(`/api/supervision/tasks/${id}/coordination/${coordination.id}/outcome`, {
        outcome: '已召开协调会，住建委同意调剂',
      })
    ).json();
    expect(outcome.coordinations[0]).toMatchObject({
      status: 'resolved',
      outcome: '已召开协调会，住建委同意调剂',
      resolvedByName: '周强',
    });
    expect(
      (
        await as.zhouqiang!.post(`/api/supervision/tasks/${id}/coordination/${coordination.id}/outcome`, {
          outcome: '再次',
        })
      ).json().code,
    ).toBe('coordination_closed');
    // 区住建委, asked to help, hears the outcome; its head may open the task the notice links to, and only read it.
    const heard = (await as.guomin!.get('/api/notifications')).json().items[0];
    expect(heard).toMatchObject({ kind: 'supervision.coordination_recorded', link: `/supervision/tasks/${id}` });
    expect(await get('guomin')).toMatchObject({ myRoles: ['coordinating_handler'], actions: [] });
    expect(
      (await as.guomin!.post(`/api/supervision/tasks/${id}/progress`, { text: '配合', percent: 10 })).json().code,
    ).toBe('task_forbidden');
    expect((await as.matao!.get(`/api/supervision/tasks/${id}`)).statusCode).toBe(404);
  });

  it('lets only the lead unit submit; returns and accepts', async () => {
    await givenExtensionsAndCoordination();
    for (const who of ['hejun', 'yangfan']) {
      const res = await as[who]!.post(`/api/supervision/tasks/${id}/submit`, { summary: '协办单位提交' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('task_forbidden');
    }
    expect((await get()).status).toBe('in_progress');
    // The evidence goes with the submission (验收材料).
    const evidence = (await upload(as.zhangwei!, id, '实施方案（报审稿）.pdf', 'application/pdf', PDF)).json()
      .id as string;
    const submitted = (
      await as.zhangwei!.post(`/api/supervision/tasks/${id}/submit`, {
        summary: '方案已报区政府',
        attachmentIds: [evidence],
      })
    ).json();
    expect(submitted).toMatchObject({ status: 'pending_acceptance', lateDays: 0 });
    expect(submitted.timeline.at(-1)).toMatchObject({
      kind: 'submitted',
      text: '方案已报区政府',
      attachments: [{ id: evidence, fileName: '实施方案（报审稿）.pdf' }],
    });
    expect(
      (
        await as.zhouqiang!.post(`/api/supervision/tasks/${id}/acceptance`, {
          accept: false,
          requirement: '补充资金来源',
          dueDate: addDays(today, -2),
        })
      ).json().code,
    ).toBe('due_date_past');
    const returned = (
      await as.zhouqiang!.post(`/api/supervision/tasks/${id}/acceptance`, {
        accept: false,
        requirement: '补充资金来源说明',
        dueDate: addDays(today, 7),
      })
    ).json();
    expect(returned).toMatchObject({
      status: 'in_progress',
      rectification: '补充资金来源说明',
      rectifyDueDate: addDays(today, 7),
      deadlineDate: addDays(today, 7),
      returnCount: 1,
    });
    await as.zhangwei!.post(`/api/supervision/tasks/${id}/submit`, { summary: '已补充' });
    const accepted = (
      await as.zhouqiang!.post(`/api/supervision/tasks/${id}/acceptance`, { accept: true, note: '同意办结' })
    ).json();
    expect(accepted).toMatchObject({ status: 'completed', progress: 100, actions: [] });
    expect(accepted.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'signed',
      'assigned',
      'co_signed',
      'assigned',
      'progress',
      'progress',
      'extension_requested',
      'extension_refused',
      'extension_requested',
      'extension_approved',
      'coordination_requested',
      'coordination_recorded',
      'submitted',
      'returned',
      'submitted',
      'accepted',
    ]);
  });

  it('freezes the archived task', async () => {
    await givenCompleted();
    const before = await stateCount();
    const coordinationId = (await get()).coordinations[0].id as string;
    for (const [who, path, body] of [
      ['zhangwei', 'progress', { text: '补充', percent: 100 }],
      ['zhangwei', 'submit', { summary: 'x' }],
      ['zhouqiang', 'acceptance', { accept: true }],
      ['zhouqiang', 'acceptance', { accept: false, requirement: '再补充', dueDate: addDays(today, 9) }],
      ['lihua', 'assign', { ownerId: ids.zhangwei }],
      ['lihua', 'sign', {}],
      ['yangfan', 'sign', {}],
      ['zhangwei', 'extension', { reason: '再延期', toDueDate: addDays(today, 60) }],
      ['zhouqiang', 'extension/decision', { approve: true }],
      ['zhangwei', 'coordination', { difficulty: '新的困难' }],
      ['zhouqiang', `coordination/${coordinationId}/outcome`, { outcome: '再次' }],
    ] as const) {
      const res = await as[who]!.post(`/api/supervision/tasks/${id}/${path}`, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('task_archived');
    }
    expect((await upload(as.zhangwei!, id, 'late.pdf', 'application/pdf', PDF)).json().code).toBe('task_archived');
    expect(await stateCount()).toEqual(before);
  });

  it('audits every step', async () => {
    await givenCompleted();
    const actions = (
      await t.app.svc.db.auditEvent.findMany({ where: { resourceId: id }, orderBy: { seq: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'supervision.create',
        'supervision.sign',
        'supervision.co_sign',
        'supervision.assign',
        'supervision.progress',
        'supervision.attachment_upload',
        'supervision.extension_request',
        'supervision.extension_refuse',
        'supervision.extension_approve',
        'supervision.coordination_request',
        'supervision.coordination_record',
        'supervision.submit',
        'supervision.return',
        'supervision.accept',
      ]),
    );
  });

  it('shows the task in the right lists and to nobody else', async () => {
    await givenCompleted();
    const list = async (who: string, query: string) =>
      (await as[who]!.get(`/api/supervision/tasks?${query}`)).json().items.map((x: { id: string }) => x.id);
    expect(await list('zhangwei', 'scope=mine')).toContain(id);
    expect(await list('hejun', 'scope=unit')).toContain(id);
    expect(await list('wuli', 'scope=desk&status=completed')).toContain(id);
    expect(await list('wuli', 'scope=desk&status=in_progress')).not.toContain(id);
    expect(await list('chenming', 'scope=desk&q=老旧小区')).toContain(id);
    expect(await list('matao', 'scope=desk')).not.toContain(id);
    expect((await as.matao!.get(`/api/supervision/tasks/${id}`)).statusCode).toBe(404);
    // The whole timeline is open to the supervisor, the lead unit, the co-units and the leader who gave the instruction.
    const timeline = (await get()).timeline.map((e: { id: string }) => e.id);
    for (const who of ['lihua', 'zhangwei', 'yangfan', 'hejun', 'chenming'])
      expect((await get(who)).timeline.map((e: { id: string }) => e.id)).toEqual(timeline);
  });

  it('counts the unit in the statistics and exports them', async () => {
    await givenCompleted();
    const stats = (await as.zhouqiang!.get('/api/supervision/statistics')).json();
    const ndrc = stats.units.find((u: { unitId: string }) => u.unitId === units['区发改委']);
    expect(ndrc).toMatchObject({
      total: 1,
      completed: 1,
      completedOnTime: 1,
      overdue: 0,
      completionRate: 1,
      onTimeRate: 1,
      averageDaysLate: 0,
    });
    expect(stats.trend).toHaveLength(12);
    // Staff see their own unit only; they may not ask for another.
    expect(
      (await as.hejun!.get('/api/supervision/statistics')).json().units.map((u: { unitId: string }) => u.unitId),
    ).toEqual([units['区财政局']]);
    expect((await as.hejun!.get(`/api/supervision/statistics?unitId=${units['区发改委']}`)).statusCode).toBe(403);
    const xlsx = await as.zhouqiang!.get('/api/supervision/statistics/export');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const [header, ...rows] = xlsxRows(xlsx.rawPayload);
    expect(header).toEqual([
      '单位',
      '任务数',
      '已办结',
      '按期办结',
      '未办结',
      '逾期',
      '办结率(%)',
      '按期办结率(%)',
      '平均逾期天数',
    ]);
    expect(rows).toContainEqual(['区发展和改革委员会', '1', '1', '1', '0', '0', '100', '100', '0']);
    expect(rows.at(-1)![0]).toBe('合计');
    const trend = xlsxRows(xlsx.rawPayload, 2);
    expect(trend).toHaveLength(13);
    expect(trend.at(-1)).toEqual([stats.to, '1', '1', '1', '100', '100']);
    // Staff export only what they may read.
    expect(xlsxRows((await as.hejun!.get('/api/supervision/statistics/export')).rawPayload).map((r) => r[0])).toEqual([
      '单位',
      '区财政局',
      '合计',
    ]);
    // The repair tool counts the same from the tasks.
    const counters = () =>
      t.app.svc.db.supervisionUnitMonth.findMany({ orderBy: [{ unitId: 'asc' }, { month: 'asc' }] });
    const kept = await counters();
    expect(kept.length).toBeGreaterThan(0);
    await rebuildUnitMonthCounters(t.app.svc.db);
    expect(await counters()).toEqual(kept);

    const listXlsx = await as.zhouqiang!.get('/api/supervision/tasks/export?scope=desk&status=completed');
    expect(listXlsx.statusCode).toBe(200);
    const [listHeader, ...tasks] = xlsxRows(listXlsx.rawPayload);
    expect(listHeader.slice(0, 4)).toEqual(['编号', '事项', '依据', '状态']);
    const detail = await get();
    expect(tasks).toEqual([
      [
        detail.code,
        detail.title,
        '领导批示',
        '已办结',
        '紧急',
        '区发展和改革委员会',
        '区财政局',
        '张伟',
        '周强',
        detail.deadlineDate,
        '100',
        '0',
        '1',
      ],
    ]);
    expect(xlsxRows((await as.matao!.get('/api/supervision/tasks/export?scope=unit')).rawPayload)).toHaveLength(1);
  });
});

describe('classified tasks', () => {
  it('shows a 秘密 task only to people cleared for it, and puts only cleared people on it', async () => {
    const secret = task({ title: '涉密项目前期论证', classification: 'secret', coUnitIds: [] });
    expect(
      (await as.zhouqiang!.post('/api/supervision/tasks', { ...secret, supervisorId: ids.wuli })).json().code,
    ).toBe('supervisor_clearance');
    expect((await as.zhouqiang!.post('/api/supervision/tasks', { ...secret, ownerId: ids.zhangwei })).json().code).toBe(
      'assignee_clearance',
    );
    expect((await as.wuli!.post('/api/supervision/tasks', secret)).json().code).toBe('clearance');
    const created = await as.zhouqiang!.post('/api/supervision/tasks', secret);
    expect(created.statusCode).toBe(201);
    const secretId = created.json().id as string;
    const link = `/supervision/tasks/${secretId}`;

    expect((await as.lihua!.get(link.replace('/supervision', '/api/supervision'))).statusCode).toBe(200);
    expect((await as.lihua!.get('/api/notifications')).json().items.map((n: { link: string }) => n.link)).toContain(
      link,
    );
    for (const who of ['zhangwei', 'wuli']) {
      expect((await as[who]!.get(`/api/supervision/tasks/${secretId}`)).statusCode).toBe(404);
      expect(
        (await as[who]!.get('/api/notifications')).json().items.map((n: { link: string }) => n.link),
      ).not.toContain(link);
    }
    const listed = async (who: string, scope: string) =>
      (await as[who]!.get(`/api/supervision/tasks?scope=${scope}&q=涉密`))
        .json()
        .items.map((x: { id: string }) => x.id);
    expect(await listed('zhouqiang', 'desk')).toEqual([secretId]);
    expect(await listed('lihua', 'unit')).toEqual([secretId]);
    expect(await listed('zhangwei', 'unit')).toEqual([]);
    expect(await listed('wuli', 'desk')).toEqual([]);
  });
});

describe('filters and the leader dashboard', () => {
  it('finds overdue tasks and ranks units on the dashboard', async () => {
    // Two tasks already on the desk, due in 20 days (neither overdue nor soon), so that paging has a third page.
    for (let i = 0; i < 2; i++) await givenTask(as.zhouqiang!, task());
    const create = async (dueDate: string, leadUnitId: string) =>
      (
        await as.zhouqiang!.post(
          '/api/supervision/tasks',
          task({ dueDate, leadUnitId, coUnitIds: [], instructedById: ids.liufang }),
        )
      ).json().id as string;
    const late = await create(addDays(today, 1), units['区住建委']!);
    const soon = await create(addDays(today, 3), units['区应急局']!);
    await create(addDays(today, 60), units['区应急局']!);
    t.clock.advance(3 * 86_400_000);
    // Three days later every session has timed out: sign in again.
    for (const name of ['zhouqiang', 'zhangwei', 'chenming']) as[name] = await signedIn(t, name);
    const overdue = (await as.zhouqiang!.get('/api/supervision/tasks?scope=desk&overdue=true')).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toEqual([late]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, overdueDays: 2 });
    // Paging: the total holds on every page, past the last one too.
    const pages = await Promise.all(
      [1, 2, 9].map(async (page) =>
        (await as.zhouqiang!.get(`/api/supervision/tasks?scope=desk&pageSize=2&page=${page}`)).json(),
      ),
    );
    expect(pages.map((p) => p.total)).toEqual([pages[0].total, pages[0].total, pages[0].total]);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 0]);
    expect(new Set([...pages[0].items, ...pages[1].items].map((x: { id: string }) => x.id)).size).toBe(4);
    const notOverdue = (
      await as.zhouqiang!.get('/api/supervision/tasks?scope=desk&overdue=false&status=pending_sign')
    ).json();
    expect(notOverdue.items.map((x: { id: string }) => x.id)).not.toContain(late);
    const ranged = (
      await as.zhouqiang!.get(
        `/api/supervision/tasks?scope=desk&dueFrom=${addDays(today, 2)}&dueTo=${addDays(today, 4)}`,
      )
    ).json();
    expect(ranged.items.map((x: { id: string }) => x.id)).toEqual([soon]);
    const byUnit = (
      await as.zhouqiang!.get(
        `/api/supervision/tasks?scope=desk&unitId=${units['区应急局']}&basisType=leader_instruction`,
      )
    ).json();
    expect(byUnit.total).toBe(2);

    const dashboard = (await as.chenming!.get('/api/supervision/dashboard')).json();
    expect(dashboard.units[0]).toMatchObject({ unitId: units['区住建委'], overdue: 1 });
    expect(dashboard.overdue.map((x: { id: string }) => x.id)).toEqual([late]);
    expect(dashboard.atRisk.map((x: { id: string }) => x.id)).toContain(soon);
    expect((await as.zhangwei!.get('/api/supervision/dashboard')).statusCode).toBe(403);
    const stats = (await as.zhouqiang!.get('/api/supervision/statistics')).json();
    expect(stats.units.find((u: { unitId: string }) => u.unitId === units['区住建委'])).toMatchObject({
      total: 1,
      completed: 0,
      overdue: 1,
      averageDaysLate: 2,
    });
  });
});

describe('documents a task names', () => {
  it('only from documents the creator can read, and shows their titles only to those who can', async () => {
    const created = await as.zhangwei!.post('/api/documents', { kind: 'draft', title: '发改委内部测算稿' });
    expect(created.statusCode).toBe(201);
    const documentId = created.json().id as string;
    const fromDocument = task({
      basisType: 'upper_document',
      basisText: '',
      sourceDocumentId: documentId,
      instructedById: undefined,
      leadUnitId: units['区财政局'],
      coUnitIds: [],
    });
    // The supervisor cannot read 张伟's draft: the task is refused exactly as for a document that does not exist.
    const refused = await as.zhouqiang!.post('/api/supervision/tasks', fromDocument);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('basis_not_found');
    const missing = await as.zhouqiang!.post('/api/supervision/tasks', {
      ...fromDocument,
      sourceDocumentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.json()).toMatchObject({ code: 'basis_not_found', message: refused.json().message });

    const zhouqiang = await t.app.svc.db.user.findFirstOrThrow({ where: { username: 'zhouqiang' } });
    expect(
      (
        await as.zhangwei!.put(`/api/documents/${documentId}/shares`, {
          shares: [{ granteeType: 'user', granteeId: zhouqiang.id, access: 'view' }],
        })
      ).statusCode,
    ).toBe(200);
    const accepted = await as.zhouqiang!.post('/api/supervision/tasks', fromDocument);
    expect(accepted.statusCode).toBe(201);
    const taskId = accepted.json().id as string;
    expect((await as.zhouqiang!.get(`/api/supervision/tasks/${taskId}`)).json().sourceDocument).toEqual({
      id: documentId,
      title: '发改委内部测算稿',
      readable: true,
      officialDocumentId: null,
    });
    // 何军 of the lead unit sees the task, not the draft behind it.
    const seenByLeadUnit = await as.hejun!.get(`/api/supervision/tasks/${taskId}`);
    expect(seenByLeadUnit.statusCode).toBe(200);
    expect(seenByLeadUnit.json().sourceDocument).toEqual({
      id: documentId,
      title: null,
      readable: false,
      officialDocumentId: null,
    });
    expect(seenByLeadUnit.body).not.toContain('发改委内部测算稿');
  });
});
