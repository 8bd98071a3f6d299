// Minutes, stage 5: the task proposals the closed minutes make, reviewed by the supervisors' office (corrected, split,
// merged, dropped, added) and confirmed into supervision tasks linked to their decision items; closing again after a
// reopening adds only what is new. Also the OpenAPI description of these routes and the typed-minutes extractor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/calendar/isoDate.ts';
import {
  cityRenewalMeeting,
  CONFIRMERS,
  givenClosed,
  givenCultureReviewed,
  givenDecisionTasks,
  givenHealthDeadline,
  proposalsOf,
  type CityRenewal,
  type Proposal,
} from '../../../tests/support/cityRenewalMinutes.ts';
import { writeMinutes } from '../../../tests/support/minutes.ts';
import { nextEvent as once } from '../../../tests/support/sockets.ts';

let w: CityRenewal;
let documentId: string;
beforeEach(async () => {
  w = await cityRenewalMeeting();
});
afterEach(async () => {
  await w.close();
});

async function proposals(status = 'pending'): Promise<Proposal[]> {
  return proposalsOf(w, status);
}

describe('task proposals', () => {
  beforeEach(async () => {
    documentId = await givenClosed(w);
  });

  it('are for supervisors', async () => {
    expect((await w.as.zhangwei!.get('/api/supervision/proposals')).statusCode).toBe(403);
    expect((await w.as.sunyue!.get('/api/supervision/proposals')).statusCode).toBe(403);
  });

  it('come from the decision items as confirmed and from the plain numbered item', async () => {
    const { ids, today } = w;
    const items = await proposals();
    expect(items.map((p) => [p.origin, p.decisionId])).toEqual([
      ['decision', 'dec-housing-0001'],
      ['decision', 'dec-ndrc-00000002'],
      ['decision', 'dec-health-000003'],
      ['extracted', null],
    ]);
    const [housing, ndrc, health, culture] = items;
    expect(housing).toMatchObject({
      leadUnits: [{ unitId: ids.units['区住房和城乡建设委员会'], name: '区住建委' }],
      coUnits: [{ unitId: ids.units['区财政局'], name: '区财政局' }],
      owners: [{ userId: ids.users.guomin, name: '郭敏' }],
      due: addDays(today, 30),
      needsReview: false,
    });
    // Names typed rather than picked are matched to the directory.
    expect(ndrc).toMatchObject({
      leadUnits: [{ unitId: ids.units['区发展和改革委员会'], name: '区发改委' }],
      coUnits: [{ unitId: ids.units['区财政局'] }],
      due: addDays(today, 45),
    });
    expect(health).toMatchObject({ due: null, needsReview: false });
    expect(culture).toMatchObject({ leadUnits: [{ unitId: null, name: '区文旅局' }], needsReview: true });
    expect(culture!.due).not.toBeNull();
    // What the minute-taker confirmed is certain; a lead the directory does not know is highlighted for review.
    expect([housing, ndrc, health].map((p) => p!.uncertain)).toEqual([[], [], []]);
    expect(culture!.uncertain).toContain('leadUnits');
  });

  it('refuse to become tasks without a lead unit from the directory or a deadline (422, naming the field)', async () => {
    const { as, t } = w;
    const [, , health, culture] = await proposals();
    const noLead = await as.zhouqiang!.post('/api/supervision/proposals/confirm', { ids: [culture!.id] });
    expect(noLead.statusCode).toBe(422);
    expect(noLead.json()).toMatchObject({
      code: 'lead_unit_unresolved',
      details: { proposalId: culture!.id, field: 'leadUnits' },
    });
    const noDue = await as.zhouqiang!.post('/api/supervision/proposals/confirm', { ids: [health!.id] });
    expect(noDue.statusCode).toBe(422);
    expect(noDue.json()).toMatchObject({ code: 'due_required', details: { field: 'due' } });
    expect(await t.app.svc.db.supervisionTask.count()).toBe(0);
  });

  it('are corrected by the supervisor (a deadline, a unit), and bad edits are refused', async () => {
    const { as, today } = w;
    const [, , health] = await proposals();
    expect((await as.zhouqiang!.patch(`/api/supervision/proposals/${health!.id}`, {})).statusCode).toBe(400);
    expect(
      (await as.zhouqiang!.patch(`/api/supervision/proposals/${health!.id}`, { due: '2026-02-30x' })).statusCode,
    ).toBe(400);
    expect(
      (
        await as.zhouqiang!.patch(`/api/supervision/proposals/${health!.id}`, {
          leadUnits: [{ unitId: 'no-such-unit', name: '某局' }],
        })
      ).json().code,
    ).toBe('unknown_unit');
    expect(
      (await as.zhangwei!.patch(`/api/supervision/proposals/${health!.id}`, { due: addDays(today, 20) })).statusCode,
    ).toBe(403);
    const res = await as.zhouqiang!.patch(`/api/supervision/proposals/${health!.id}`, { due: addDays(today, 20) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ due: addDays(today, 20), edited: true });
  });

  it('are split, merged, dropped and added, with the rules checked', async () => {
    const { as, ids, today, meetingId } = w;
    await givenHealthDeadline(w);
    const [, , , culture] = await proposals();
    const url = `/api/supervision/proposals/${culture!.id}/split`;
    expect((await as.zhouqiang!.post(url, { parts: [{ title: '只有一部分' }] })).statusCode).toBe(400);
    expect((await as.zhouqiang!.post(url, { parts: [{ title: '甲' }, { title: '   ' }] })).statusCode).toBe(400);
    const split = await as.zhouqiang!.post(url, {
      parts: [{ title: '制定景区安全检查方案' }, { title: '组织景区安全检查', sourceText: '组织开展检查' }],
    });
    expect(split.statusCode).toBe(200);
    const parts = split.json().items as Proposal[];
    expect(parts.map((p) => [p.origin, p.title, p.leadUnits[0]!.name])).toEqual([
      ['split', '制定景区安全检查方案', '区文旅局'],
      ['split', '组织景区安全检查', '区文旅局'],
    ]);
    expect((await as.zhouqiang!.post(url, { parts: [{ title: '甲' }, { title: '乙' }] })).json().code).toBe(
      'proposal_not_pending',
    );

    expect((await as.zhouqiang!.post('/api/supervision/proposals/merge', { ids: [parts[0]!.id] })).statusCode).toBe(
      400,
    );
    expect(
      (await as.zhouqiang!.post('/api/supervision/proposals/merge', { ids: [parts[0]!.id, parts[0]!.id] })).json().code,
    ).toBe('merge_ids');
    expect(
      (await as.zhouqiang!.post('/api/supervision/proposals/merge', { ids: [parts[0]!.id, 'no-such-proposal'] }))
        .statusCode,
    ).toBe(404);
    const merged = await as.zhouqiang!.post('/api/supervision/proposals/merge', { ids: parts.map((p) => p.id) });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      origin: 'merged',
      title: '制定景区安全检查方案',
      leadUnits: [{ name: '区文旅局' }],
      status: 'pending',
    });
    expect((await as.zhouqiang!.post(`/api/supervision/proposals/${merged.json().id}/drop`)).json().status).toBe(
      'dropped',
    );

    const added = await as.zhouqiang!.post('/api/supervision/proposals', {
      meetingId,
      title: '景区安全检查',
      leadUnits: [{ unitId: ids.units['区应急管理局'], name: '区应急局' }],
      due: addDays(today, 10),
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ origin: 'manual', status: 'pending', meetingTitle: '城市更新工作专题会' });
    expect(
      (await as.zhouqiang!.post('/api/supervision/proposals', { meetingId: 'no-such-meeting', title: '甲' }))
        .statusCode,
    ).toBe(404);
  });

  it('become supervision tasks linked to their decision items, and the lead unit is told live', async () => {
    const { t, as, ids, today } = w;
    await givenHealthDeadline(w);
    await givenCultureReviewed(w);
    const pending = await proposals();
    const decisionProposals = pending.filter((p) => p.origin === 'decision');
    expect(decisionProposals).toHaveLength(3);
    const lead = await w.socketFor(as.guomin!);
    const assigned = once<{ kind: string; link: string }>(lead, 'notification:new', (n) =>
      n.kind.startsWith('supervision.'),
    );
    expect(
      (await as.zhangwei!.post('/api/supervision/proposals/confirm', { ids: [decisionProposals[0]!.id] })).statusCode,
    ).toBe(403);
    const res = await as.zhouqiang!.post('/api/supervision/proposals/confirm', {
      ids: decisionProposals.map((p) => p.id),
    });
    expect(res.statusCode).toBe(200);
    const tasks = res.json().tasks as Array<{ id: string; proposalId: string }>;
    expect(tasks).toHaveLength(3);
    const rows = await t.app.svc.db.supervisionTask.findMany({
      where: { id: { in: tasks.map((x) => x.id) } },
      include: { coUnits: true, coOwners: true },
    });
    const housingTask = rows.find((r) => r.decisionAnchor === 'dec-housing-0001')!;
    expect(housingTask).toMatchObject({
      basisType: 'meeting_decision',
      minutesDocumentId: documentId,
      leadUnitId: ids.units['区住房和城乡建设委员会'],
      ownerId: ids.users.guomin,
      dueDate: addDays(today, 30),
      status: 'pending_sign',
      supervisorId: ids.users.zhouqiang,
    });
    expect(housingTask.coUnits.map((u) => u.unitId)).toEqual([ids.units['区财政局']]);
    // The co-owner named in the minutes works in a co-unit: recorded on the task by account, not only by name.
    expect(housingTask.coOwners.map((c) => [c.userId, c.unitId])).toEqual([[ids.users.hejun, ids.units['区财政局']]]);
    expect(housingTask.requirement).not.toContain('何军');
    expect(rows.find((r) => r.decisionAnchor === 'dec-health-000003')!.dueDate).toBe(addDays(today, 20));
    expect((await assigned).link).toBe(`/supervision/tasks/${housingTask.id}`);
    // "Open in minutes" from the task works for the lead unit.
    expect((await as.guomin!.get(`/api/documents/${documentId}`)).json()).toMatchObject({
      id: documentId,
      access: 'view',
    });
    expect((await proposals('confirmed')).map((p) => p.taskIds)).toEqual(
      decisionProposals.map((p) => [tasks.find((x) => x.proposalId === p.id)!.id]),
    );

    const again = await as.zhouqiang!.post('/api/supervision/proposals/confirm', {
      ids: decisionProposals.map((p) => p.id),
    });
    expect(again.json().tasks).toEqual(expect.arrayContaining(tasks));
    expect(await t.app.svc.db.supervisionTask.count()).toBe(3);
  });

  it('are not made twice when the minutes are reopened, changed and closed again', async () => {
    const { t, as, ids, today, meetingId } = w;
    await givenHealthDeadline(w);
    await givenCultureReviewed(w);
    await givenDecisionTasks(w);
    const before = await t.app.svc.db.taskProposal.count({ where: { meetingId } });
    expect((await as.sunyue!.post(w.minutesUrl('/reopen'), { reason: '补充一项' })).json().status).toBe('drafting');
    await writeMinutes(
      w.base,
      as.sunyue!,
      documentId,
      (s) =>
        s.tr.insert(
          s.doc.content.size,
          s.schema.nodes.decisionItem!.create(
            {
              id: 'dec-market-000004',
              confirmed: true,
              leadUnits: [{ unitId: ids.units['区市场监督管理局'], name: '区市场监管局' }],
              due: addDays(today, 60),
            },
            s.schema.text('区市场监管局牵头开展食品安全专项整治。'),
          ),
        ),
      w.collaborators,
    );
    await as.sunyue!.post(w.minutesUrl('/finalise'));
    for (const name of CONFIRMERS) await as[name]!.post(w.minutesUrl('/confirmations'), { decision: 'confirm' });
    const res = await as.zhaojing!.post(w.minutesUrl('/close'));
    expect(res.statusCode).toBe(200);
    // The new item is added; confirmed, dropped and split ones stay as the supervisor left them.
    expect(res.json().proposals).toEqual({ created: 1, updated: 0, withdrawn: 0 });
    expect(await t.app.svc.db.taskProposal.count({ where: { meetingId } })).toBe(before + 1);
    expect((await proposals('pending')).map((p) => p.origin).sort()).toEqual(['decision', 'manual']);
    expect((await proposals('pending')).find((p) => p.origin === 'decision')!.decisionId).toBe('dec-market-000004');
    expect(await t.app.svc.db.supervisionTask.count()).toBe(3);
    expect((await as.zhangwei!.get(w.minutesUrl('/verify'))).json().valid).toBe(true);
  });
});

describe('API description', () => {
  it('lists the minutes and proposal routes in OpenAPI with their statuses', async () => {
    const spec = (await w.as.zhangwei!.get('/api/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/meetings/{id}/minutes',
        '/api/meetings/{id}/minutes/finalise',
        '/api/meetings/{id}/minutes/confirmations',
        '/api/meetings/{id}/minutes/objections/{userId}/resolve',
        '/api/meetings/{id}/minutes/reopen',
        '/api/meetings/{id}/minutes/close',
        '/api/meetings/{id}/minutes/pdf',
        '/api/meetings/{id}/minutes/verify',
        '/api/minutes/extract',
        '/api/supervision/proposals/',
        '/api/supervision/proposals/{id}',
        '/api/supervision/proposals/{id}/split',
        '/api/supervision/proposals/merge',
        '/api/supervision/proposals/{id}/drop',
        '/api/supervision/proposals/confirm',
      ]),
    );
    expect(Object.keys(spec.paths['/api/supervision/proposals/confirm'].post.responses)).toEqual(
      expect.arrayContaining(['200', '403', '404', '409', '422']),
    );
    expect(
      spec.paths['/api/meetings/{id}/minutes/confirmations'].post.requestBody.content['application/json'].schema
        .additionalProperties,
    ).toBe(false);
  });

  it('proposes structured fields for typed minutes items, matched to the directory', async () => {
    const { as, ids } = w;
    const res = await as.sunyue!.post('/api/minutes/extract', {
      text: '一、由区住建委牵头，区财政局配合，3个工作日内报送改造清单。\n二、会议听取了汇报。',
      meetingDate: '2026-11-20',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().tasks).toHaveLength(1);
    expect(res.json().tasks[0]).toMatchObject({
      leadUnits: [{ unitId: ids.units['区住房和城乡建设委员会'], name: '区住建委' }],
      coUnits: [{ unitId: ids.units['区财政局'], name: '区财政局' }],
      due: '2026-11-25',
    });
    expect((await as.sunyue!.post('/api/minutes/extract', { text: 'x', meetingDate: '2026-02-30' })).statusCode).toBe(
      400,
    );
    expect(
      (await as.sunyue!.post('/api/minutes/extract', { text: 'x'.repeat(50_001), meetingDate: '2026-11-20' }))
        .statusCode,
    ).toBe(400);
  });
});
