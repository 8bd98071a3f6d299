// 公文 templates over HTTP: the office of 区政府办 writes a 通知 template, its people draft from it (the 版头 and fields
// fill the 公文, the 正文 starts from the skeleton in the collaborative document), and a template with unknown fields,
// a bad 正文, a duplicate name, someone not of the office and someone of another unit are each refused with a clear
// 4xx in Chinese and English, nothing changes, and the refusal is audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateBodyOf } from '../../../common/officialDocs/templates.ts';
import { pmDoc } from '../../../tests/support/collabClient.ts';
import { OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';
import * as Y from 'yjs';

const TEMPLATES = `${OFFICIAL_DOCS}/templates`;

let t: TestApp;
const as: Record<string, TestClient> = {};
const units: Record<string, string> = {};

beforeEach(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei']) as[name] = await signedIn(t, name);
  for (const name of ['wanglei', 'chenming']) as[name] = await signedInWithMfa(t, name);
});
afterEach(async () => {
  await t.close();
});

const NOTICE = {
  name: '通知（区政府办）',
  kind: 'notice',
  issuerMark: '区人民政府办公室文件',
  mainRecipients: ['各街道办事处', '区政府各部门'],
  ccRecipients: ['区委办公室'],
  remark: '',
  disclosure: 'proactive',
  body: templateBodyOf(['为……，现将有关事项通知如下：', '一、……', '二、……', '特此通知。']),
};

const templateCount = () => t.app.svc.db.officialDocumentTemplate.count();
const failures = async (action: string) =>
  (await t.app.svc.db.auditEvent.findMany({ where: { action, outcome: 'failure' } })).map(
    (e) => (JSON.parse(e.detail) as { code: string }).code,
  );

async function bodyText(documentId: string): Promise<string[]> {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, await t.app.svc.collab.currentState(documentId));
  const doc = pmDoc(ydoc);
  ydoc.destroy();
  return doc.children.map((c) => c.textContent);
}

describe('the office keeps its unit’s templates', () => {
  it('writes, lists, changes and removes them, each audited', async () => {
    const created = await as.sunyue!.post(TEMPLATES, NOTICE);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({
      unitId: units['区政府办'],
      kind: 'notice',
      issuerMark: '区人民政府办公室文件',
      mainRecipients: ['各街道办事处', '区政府各部门'],
      mayManage: true,
    });
    const list = await as.zhaojing!.get(`${TEMPLATES}?kind=notice`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    // The district head's unit (区人民政府) is served by this office: he reads its templates but does not keep them.
    const gov = (
      await as.sunyue!.post(TEMPLATES, { ...NOTICE, unitId: units['区政府'], issuerMark: '区人民政府文件' })
    ).json() as { id: string };
    expect((await as.chenming!.get(`${TEMPLATES}/${gov.id}`)).json()).toMatchObject({ mayManage: false });
    expect((await as.wanglei!.get(`${TEMPLATES}/${id}`)).json()).toMatchObject({ mayManage: true });

    const changed = await as.zhaojing!.patch(`${TEMPLATES}/${id}`, { issuerMark: '区政府办公室文件' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().issuerMark).toBe('区政府办公室文件');
    expect((await as.sunyue!.request('DELETE', `${TEMPLATES}/${id}`)).statusCode).toBe(200);
    expect(await templateCount()).toBe(1);
    const actions = await t.app.svc.db.auditEvent.findMany({
      where: { resourceType: 'official_document_template', outcome: 'success' },
      orderBy: { seq: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'officialDocTemplate.create',
      'officialDocTemplate.create',
      'officialDocTemplate.update',
      'officialDocTemplate.delete',
    ]);
  });

  it('refuses a template with unknown fields, in Chinese and English, changes nothing, and audits it', async () => {
    const res = await as.sunyue!.post(TEMPLATES, { ...NOTICE, layout: 'red', colour: '#c00' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'template_unknown_fields', details: { fields: ['layout', 'colour'] } });
    expect(res.json().message).toContain('模板含有未知字段');
    expect(res.json().message).toContain('fields it does not know');
    expect(res.json().message).toContain('layout');
    expect(await templateCount()).toBe(0);

    const { id } = (await as.sunyue!.post(TEMPLATES, NOTICE)).json() as { id: string };
    const patch = await as.sunyue!.patch(`${TEMPLATES}/${id}`, { issuerMark: '改', font: '宋体' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().code).toBe('template_unknown_fields');
    expect((await as.sunyue!.get(`${TEMPLATES}/${id}`)).json().issuerMark).toBe('区人民政府办公室文件');
    expect(await failures('officialDocTemplate.create')).toEqual(['template_unknown_fields']);
    expect(await failures('officialDocTemplate.update')).toEqual(['template_unknown_fields']);
  });

  it('refuses bad fields and a 正文 that is not plain paragraphs', async () => {
    const kind = await as.sunyue!.post(TEMPLATES, { ...NOTICE, kind: 'memo' });
    expect(kind.statusCode, kind.body).toBe(400);
    expect(kind.json().code).toBe('template_invalid');
    expect(kind.json().message).toContain('模板内容不符合要求');

    const heading = {
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '一、' }] }],
    };
    const bold = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '特此通知。', marks: [{ type: 'bold' }] }] }],
    };
    for (const body of [heading, bold, { type: 'doc', content: [] }]) {
      const res = await as.sunyue!.post(TEMPLATES, { ...NOTICE, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('template_body_invalid');
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/u);
    }
    const deep = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', content: [{ type: 'text', text: 'y' }] }] }],
    };
    expect((await as.sunyue!.post(TEMPLATES, { ...NOTICE, body: deep })).statusCode).toBe(400);
    expect(await templateCount()).toBe(0);
    expect(await failures('officialDocTemplate.create')).toHaveLength(5);
  });

  it('refuses a second template of the same kind and name', async () => {
    expect((await as.sunyue!.post(TEMPLATES, NOTICE)).statusCode).toBe(201);
    const again = await as.zhaojing!.post(TEMPLATES, NOTICE);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('template_name_taken');
    expect(await templateCount()).toBe(1);
  });

  it('is the office’s alone: the district head may not write one, another unit does not see them', async () => {
    const leader = await as.chenming!.post(TEMPLATES, { ...NOTICE, issuerMark: '区人民政府文件' });
    expect(leader.statusCode).toBe(403);
    expect(leader.json()).toMatchObject({ code: 'template_forbidden' });
    expect(leader.json().message).toContain('只有本单位办公室');
    const { id } = (await as.sunyue!.post(TEMPLATES, NOTICE)).json() as { id: string };
    // 张伟 of 区发改委: the office's templates do not exist for him, and he cannot write one for the office.
    expect((await as.zhangwei!.get(`${TEMPLATES}/${id}`)).statusCode).toBe(404);
    expect((await as.zhangwei!.get(`${TEMPLATES}?unitId=${units['区政府办']}`)).statusCode).toBe(404);
    expect((await as.zhangwei!.patch(`${TEMPLATES}/${id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await as.zhangwei!.request('DELETE', `${TEMPLATES}/${id}`)).statusCode).toBe(404);
    expect((await as.zhangwei!.post(TEMPLATES, { ...NOTICE, unitId: units['区政府办'] })).statusCode).toBe(403);
    expect((await as.zhangwei!.get(TEMPLATES)).json().items).toEqual([]);
    expect(await templateCount()).toBe(1);
    expect(await failures('officialDocTemplate.create')).toEqual(['template_forbidden', 'template_forbidden']);
  });
});

describe('drafting from a template', () => {
  it('fills the 版头 and fields, and starts the 正文 from the skeleton in the collaborative document', async () => {
    const { id: templateId } = (await as.sunyue!.post(TEMPLATES, NOTICE)).json() as { id: string };
    const res = await as.zhaojing!.post(OFFICIAL_DOCS, {
      title: '关于做好2026年春季防汛工作的通知',
      kind: 'notice',
      templateId,
      // What the drafter writes wins over the template.
      ccRecipients: ['区人大办公室'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      issuerMark: '区人民政府办公室文件',
      mainRecipients: ['各街道办事处', '区政府各部门'],
      ccRecipients: ['区人大办公室'],
      disclosure: 'proactive',
    });
    expect(await bodyText(res.json().documentId)).toEqual([
      '为……，现将有关事项通知如下：',
      '一、……',
      '二、……',
      '特此通知。',
    ]);
    const created = await t.app.svc.db.auditEvent.findFirstOrThrow({
      where: { action: 'officialDoc.create', resourceId: res.json().id },
    });
    expect(JSON.parse(created.detail)).toMatchObject({ templateId });
  });

  it('refuses a template of another kind, and one the drafter may not use, creating nothing', async () => {
    const { id: templateId } = (await as.sunyue!.post(TEMPLATES, NOTICE)).json() as { id: string };
    const before = await t.app.svc.db.officialDocument.count();
    const wrongKind = await as.sunyue!.post(OFFICIAL_DOCS, {
      title: '关于申请经费的请示',
      kind: 'request',
      templateId,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().code).toBe('template_kind_mismatch');
    expect(wrongKind.json().message).toContain('文种不一致');
    const otherUnit = await as.zhangwei!.post(OFFICIAL_DOCS, { title: '关于防汛的通知', kind: 'notice', templateId });
    expect(otherUnit.statusCode).toBe(404);
    expect(await t.app.svc.db.officialDocument.count()).toBe(before);
    expect(await t.app.svc.db.document.count({ where: { contextType: 'official_document' } })).toBe(before);
  });
});
