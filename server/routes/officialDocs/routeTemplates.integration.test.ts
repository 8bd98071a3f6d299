// Route templates (流程模板) over HTTP: the office of 区政府办 writes its 通知 route (审核 → 会签 by the leaders of two
// units → 主任核稿, skipped when 特急 → 签发 by a leader chosen from the district's), its people send 公文 with it (roles
// resolved to people, the 办理时限 kept), a 特急 one skips the step, and templates with unknown fields, a route the
// engine refuses, unknown people or units, a duplicate name, someone not of the office, a template of another 文种 and
// a retired one are each refused with a clear 4xx in Chinese and English, change nothing, and are audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoRouteTemplates } from '../../seed/demoRouteTemplates.ts';
import { givenOfficialDoc, givenStep, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

const ROUTE_TEMPLATES = `${OFFICIAL_DOCS}/route-templates`;

let t: TestApp;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};
const units: Record<string, string> = {};

beforeEach(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei']) as[name] = await signedIn(t, name);
  for (const name of ['lihua', 'yangfan', 'wanglei', 'chenming', 'liufang']) as[name] = await signedInWithMfa(t, name);
});
afterEach(async () => {
  await t.close();
});

const NOTICE_ROUTE = () => ({
  name: '通知（会签后签发）',
  kind: 'notice',
  steps: [
    { id: 'review', name: '科室负责人审核', kind: 'single', handlers: [{ userId: ids.zhaojing }], deadlineDays: 1 },
    {
      id: 'countersign',
      name: '相关单位会签',
      kind: 'parallel',
      mode: 'all',
      handlers: [
        { unitId: units['区发改委'], role: 'leader' },
        { unitId: units['区财政局'], role: 'leader' },
      ],
      deadlineDays: 3,
    },
    {
      id: 'check',
      name: '办公室主任核稿',
      kind: 'single',
      handlers: [{ userId: ids.wanglei }],
      skipWhenUrgent: true,
    },
    { id: 'signoff', name: '分管领导签发', kind: 'single', chooseFrom: [{ unitId: units['区政府'], role: 'leader' }] },
  ],
});
const GENERAL_ROUTE = () => ({
  name: '通用发文流程',
  steps: [
    { id: 'review', name: '科室负责人审核', kind: 'single', handlers: [{ userId: ids.zhaojing }] },
    { id: 'signoff', name: '办公室主任签发', kind: 'single', handlers: [{ userId: ids.wanglei }] },
  ],
});

const templateCount = () => t.app.svc.db.officialDocumentRouteTemplate.count();
const failures = async (action: string) =>
  (await t.app.svc.db.auditEvent.findMany({ where: { action, outcome: 'failure' }, orderBy: { seq: 'asc' } })).map(
    (e) => (JSON.parse(e.detail) as { code: string }).code,
  );

async function created(body: Record<string, unknown>, by = as.sunyue!): Promise<string> {
  const res = await by.post(ROUTE_TEMPLATES, body);
  if (res.statusCode !== 201) throw new Error(`route template not created: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

const detail = async (id: string) => (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json();
const handlersOf = (step: { handlers: Array<{ id: string; state: string }> }) => step.handlers.map((h) => h.id).sort();

describe('the office keeps its unit’s route templates', () => {
  it('writes, lists (those of the 文种 first), changes and retires them, each audited', async () => {
    const general = await created(GENERAL_ROUTE());
    const notice = await created(NOTICE_ROUTE(), as.zhaojing!);
    const one = (await as.sunyue!.get(`${ROUTE_TEMPLATES}/${notice}`)).json();
    expect(one).toMatchObject({ unitId: units['区政府办'], kind: 'notice', direction: 'outgoing', mayManage: true });
    expect(one.names).toMatchObject({ [ids.zhaojing!]: '赵静', [units['区发改委']!]: '区发改委' });

    // A colleague of the unit sees them, of a 文种: that 文种's first, then those for every 文种; not for another 文种.
    const forNotice = (await as.sunyue!.get(`${ROUTE_TEMPLATES}?kind=notice`)).json().items;
    expect(forNotice.map((i: { id: string }) => i.id)).toEqual([notice, general]);
    expect(forNotice.map((i: { mayManage: boolean }) => i.mayManage)).toEqual([true, true]);
    const forRequest = (await as.sunyue!.get(`${ROUTE_TEMPLATES}?kind=request`)).json().items;
    expect(forRequest.map((i: { id: string }) => i.id)).toEqual([general]);

    const changed = await as.zhaojing!.patch(`${ROUTE_TEMPLATES}/${general}`, { name: '通用发文流程（二级）' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().name).toBe('通用发文流程（二级）');

    const retired = await as.sunyue!.post(`${ROUTE_TEMPLATES}/${general}/retire`);
    expect(retired.statusCode).toBe(200);
    expect(retired.json().retiredAt).toMatch(/^2026-03-10T/);
    expect((await as.sunyue!.get(`${ROUTE_TEMPLATES}?kind=request`)).json().items).toEqual([]);
    expect((await as.sunyue!.get(`${ROUTE_TEMPLATES}?includeRetired=true`)).json().items).toHaveLength(2);
    const again = await as.sunyue!.patch(`${ROUTE_TEMPLATES}/${general}`, { name: '再改' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('route_template_retired');
    expect(again.json().message).toContain('该流程模板已停用');
    expect((await as.sunyue!.post(`${ROUTE_TEMPLATES}/${general}/retire`)).statusCode).toBe(409);

    const actions = await t.app.svc.db.auditEvent.findMany({
      where: { resourceType: 'official_document_route_template' },
      orderBy: { seq: 'asc' },
    });
    expect(actions.map((a) => `${a.action} ${a.outcome}`)).toEqual([
      'officialDocRouteTemplate.create success',
      'officialDocRouteTemplate.create success',
      'officialDocRouteTemplate.update success',
      'officialDocRouteTemplate.retire success',
      'officialDocRouteTemplate.update failure',
      'officialDocRouteTemplate.retire failure',
    ]);
  });

  it('refuses unknown fields, a route the engine would refuse, unknown people and units; changes nothing; audits each', async () => {
    const unknown = await as.sunyue!.post(ROUTE_TEMPLATES, { ...GENERAL_ROUTE(), colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'route_template_unknown_fields', details: { fields: ['colour'] } });
    expect(unknown.json().message).toContain('流程模板含有未知字段');
    expect(unknown.json().message).toContain('fields it does not know');
    const route = GENERAL_ROUTE();
    const inStep = await as.sunyue!.post(ROUTE_TEMPLATES, {
      ...route,
      steps: [{ ...route.steps[0], approvers: 2 }, route.steps[1]],
    });
    expect(inStep.json()).toMatchObject({
      code: 'route_template_unknown_fields',
      details: { fields: ['steps.0.approvers'] },
    });

    const badPlans: Array<[string, unknown[]]> = [
      ['last step not a sign-off', [route.steps[0], { ...route.steps[1], opinion: 'review' }]],
      ['a sign-off before the last step', [{ ...route.steps[0], opinion: 'signoff' }, route.steps[1]]],
      ['parallel sign-off', [route.steps[0], { ...route.steps[1], kind: 'parallel' }]],
      ['urgent skips the sign-off', [route.steps[0], { ...route.steps[1], skipWhenUrgent: true }]],
      ['duplicate step ids', [route.steps[0], { ...route.steps[1], id: 'review' }]],
      ['fixed handlers and candidates', [{ ...route.steps[0], chooseFrom: [{ userId: ids.sunyue }] }, route.steps[1]]],
    ];
    for (const [what, steps] of badPlans) {
      const res = await as.sunyue!.post(ROUTE_TEMPLATES, { ...route, steps });
      expect(res.statusCode, what).toBe(400);
      expect(res.json().code, what).toBe('bad_plan');
      expect(res.json().message, what).toContain('办理流程设置有误');
    }
    const nobody = await as.sunyue!.post(ROUTE_TEMPLATES, {
      ...route,
      steps: [{ ...route.steps[0], handlers: [{ userId: 'no-such-person' }] }, route.steps[1]],
    });
    expect(nobody.json()).toMatchObject({ code: 'unknown_person' });
    expect(nobody.json().message).toContain('指定的人员不存在');
    const noUnit = await as.sunyue!.post(ROUTE_TEMPLATES, {
      ...route,
      steps: [{ ...route.steps[0], handlers: [{ unitId: 'no-such-unit', role: 'leader' }] }, route.steps[1]],
    });
    expect(noUnit.json()).toMatchObject({ code: 'unknown_unit' });
    expect(noUnit.json().message).toContain('A unit named does not exist');
    const kind = await as.sunyue!.post(ROUTE_TEMPLATES, { ...route, kind: 'memo' });
    expect(kind.json()).toMatchObject({ code: 'route_template_invalid' });

    expect(await templateCount()).toBe(0);
    expect(await failures('officialDocRouteTemplate.create')).toEqual([
      'route_template_unknown_fields',
      'route_template_unknown_fields',
      ...badPlans.map(() => 'bad_plan'),
      'unknown_person',
      'unknown_unit',
      'route_template_invalid',
    ]);
  });

  it('is the office’s alone: a leader or another unit is refused 403 or sees nothing', async () => {
    const leader = await as.chenming!.post(ROUTE_TEMPLATES, { ...GENERAL_ROUTE(), unitId: units['区政府'] });
    expect(leader.statusCode).toBe(403);
    expect(leader.json().code).toBe('route_template_forbidden');
    expect(leader.json().message).toContain('只有本单位办公室可以管理流程模板');
    // 李华 leads 区发改委, which has no office of its own here: he keeps no route templates either.
    expect((await as.lihua!.post(ROUTE_TEMPLATES, GENERAL_ROUTE())).statusCode).toBe(403);
    const id = await created(GENERAL_ROUTE());
    expect((await as.zhangwei!.get(`${ROUTE_TEMPLATES}/${id}`)).statusCode).toBe(404);
    expect((await as.zhangwei!.patch(`${ROUTE_TEMPLATES}/${id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await as.zhangwei!.post(`${ROUTE_TEMPLATES}/${id}/retire`)).statusCode).toBe(404);
    expect((await as.zhangwei!.get(`${ROUTE_TEMPLATES}?unitId=${units['区政府办']}`)).statusCode).toBe(404);
    expect(
      (await as.zhangwei!.post(ROUTE_TEMPLATES, { ...GENERAL_ROUTE(), unitId: units['区政府办'] })).statusCode,
    ).toBe(403);
    expect(await templateCount()).toBe(1);
    expect(await failures('officialDocRouteTemplate.create')).toEqual([
      'route_template_forbidden',
      'route_template_forbidden',
      'route_template_forbidden',
    ]);
    expect(await failures('officialDocRouteTemplate.update')).toEqual(['not_found']);
  });

  it('accepts the demo’s route templates as the office writes them', async () => {
    const templates = demoRouteTemplates(
      (username) => ({ userId: ids[username]! }),
      (unit) => ({ unitId: units[unit]!, role: 'leader' }),
    );
    for (const { unit, template } of templates) await created({ ...template, unitId: units[unit] }, as.zhaojing!);
    expect(await templateCount()).toBe(templates.length);
  });

  it('keeps one name per unit when the same template is written ten times at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? as.sunyue! : as.zhaojing!).post(ROUTE_TEMPLATES, GENERAL_ROUTE())),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, ...Array.from({ length: 9 }, () => 409)]);
    expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe('route_template_name_taken');
    expect(await templateCount()).toBe(1);
    expect(await failures('officialDocRouteTemplate.create')).toHaveLength(9);
  });
});

describe('sending a 公文 with a route template', () => {
  it('offers the templates that fit, resolves roles to people, keeps the deadlines and lets the handler choose', async () => {
    const notice = await created(NOTICE_ROUTE());
    const general = await created(GENERAL_ROUTE());
    await created({ ...GENERAL_ROUTE(), name: '请示流程', kind: 'request' });
    const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });

    const offers = await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}/route-templates`);
    expect(offers.statusCode, offers.body).toBe(200);
    const items = offers.json().items;
    expect(items.map((o: { id: string }) => o.id)).toEqual([notice, general]);
    expect(items[0].problem).toBeNull();
    expect(items[0].steps[1].handlers.map((p: { name: string }) => p.name).sort()).toEqual(['李华', '杨帆'].sort());
    expect(items[0].steps[3].candidates.map((p: { name: string }) => p.name).sort()).toEqual(['刘芳', '陈明'].sort());
    // Only the one who sends it asks: a colleague reading the 公文 is refused.
    expect((await as.zhaojing!.get(`${OFFICIAL_DOCS}/${id}/route-templates`)).statusCode).toBe(403);

    const sent = await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/submit`, { routeTemplateId: notice });
    expect(sent.statusCode, sent.body).toBe(200);
    const route = (await detail(id)).route;
    expect(route.urgent).toBe(false);
    expect(route.steps.map((s: { name: string }) => s.name)).toEqual([
      '科室负责人审核',
      '相关单位会签',
      '办公室主任核稿',
      '分管领导签发',
    ]);
    expect(route.steps.map((s: { deadlineDays: number | null }) => s.deadlineDays)).toEqual([1, 3, null, null]);
    expect(handlersOf(route.steps[0])).toEqual([ids.zhaojing]);
    const audit = await t.app.svc.db.auditEvent.findFirstOrThrow({
      where: { action: 'officialDoc.submit', resourceId: id, outcome: 'success' },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({ routeTemplateId: notice });

    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    expect(handlersOf((await detail(id)).route.steps[1])).toEqual([ids.lihua, ids.yangfan].sort());
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.yangfan!, id, { action: 'approve', opinion: '同意' });
    // The 主任 chooses the signer from the district's leaders.
    const outsider = await as.wanglei!.post(`${OFFICIAL_DOCS}/${id}/step`, {
      action: 'approve',
      opinion: '同意',
      choose: [ids.zhaojing],
    });
    expect(outsider.json().code).toBe('choose_not_candidate');
    await givenStep(as.wanglei!, id, { action: 'approve', opinion: '同意', choose: [ids.liufang] });
    const last = (await detail(id)).route;
    expect(last.current).toBe(3);
    expect(handlersOf(last.steps[3])).toEqual([ids.liufang]);
  });

  it('takes the urgent route of a 特急 公文: the step the template names is skipped', async () => {
    const notice = await created(NOTICE_ROUTE());
    const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [], urgency: 'extra_urgent' });
    await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/submit`, { routeTemplateId: notice });
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
    // The last countersigner now sends it straight to the 签发, so they choose the signer.
    const unchosen = await as.yangfan!.post(`${OFFICIAL_DOCS}/${id}/step`, { action: 'approve', opinion: '同意' });
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.json().code).toBe('choose_required');
    await givenStep(as.yangfan!, id, { action: 'approve', opinion: '同意', choose: [ids.chenming] });
    const route = (await detail(id)).route;
    expect(route.urgent).toBe(true);
    expect(route.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'skipped', 'active']);
    expect(handlersOf(route.steps[3])).toEqual([ids.chenming]);
  });

  it('refuses a template with steps, of another 文种, retired, or of another unit; sends nothing; audits each', async () => {
    const notice = await created(NOTICE_ROUTE());
    const request = await created({ ...GENERAL_ROUTE(), name: '请示流程', kind: 'request' });
    const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
    const submit = (body: Record<string, unknown>, by = as.sunyue!) => by.post(`${OFFICIAL_DOCS}/${id}/submit`, body);

    const both = await submit({ routeTemplateId: notice, steps: GENERAL_ROUTE().steps });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('route_template_or_steps');
    expect((await submit({})).json().code).toBe('route_template_or_steps');
    const wrongKind = await submit({ routeTemplateId: request });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().code).toBe('route_template_mismatch');
    expect(wrongKind.json().message).toContain('不适用于本公文');
    expect((await submit({ routeTemplateId: 'no-such-template' })).statusCode).toBe(404);
    await as.sunyue!.post(`${ROUTE_TEMPLATES}/${notice}/retire`);
    const retired = await submit({ routeTemplateId: notice });
    expect(retired.statusCode).toBe(409);
    expect(retired.json().code).toBe('route_template_retired');

    expect((await detail(id)).status).toBe('draft');
    expect(await failures('officialDoc.submit')).toEqual([
      'route_template_or_steps',
      'route_template_or_steps',
      'route_template_mismatch',
      'not_found',
      'route_template_retired',
    ]);
  });

  it('lets the drafter choose the first step’s handler only among its candidates', async () => {
    const template = await created({
      name: '领导择一审核',
      kind: 'notice',
      steps: [
        { id: 'review', name: '审核', kind: 'single', chooseFrom: [{ unitId: units['区政府'], role: 'leader' }] },
        { id: 'signoff', name: '签发', kind: 'single', handlers: [{ userId: ids.wanglei }] },
      ],
    });
    const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
    const submit = (body: Record<string, unknown>) => as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/submit`, body);
    expect((await submit({ routeTemplateId: template })).json().code).toBe('choose_required');
    expect((await submit({ routeTemplateId: template, choose: [ids.lihua] })).json().code).toBe('choose_not_candidate');
    expect((await submit({ routeTemplateId: template, choose: [ids.liufang] })).statusCode).toBe(200);
    expect(handlersOf((await detail(id)).route.steps[0])).toEqual([ids.liufang]);
  });
});
