// The format check at 送审, over HTTP: a correct 通知 goes into its route; an incorrect one is refused with 422
// format_errors listing each problem in Chinese and English (where it is: a field, or a block of the 正文 as it stands
// in the collaborative document), nothing changes and the refusal is audited; warnings alone do not block. GET
// /:id/format-check lists the same problems to anyone who reads the 公文, and to nobody else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenBody, givenOfficialDoc, NOTICE_BODY, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const as: Record<string, TestClient> = {};

beforeEach(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei']) as[name] = await signedIn(t, name);
  as.chenming = await signedInWithMfa(t, 'chenming');
});
afterEach(async () => {
  await t.close();
});

const route = () => ({
  steps: [
    { id: 'review', name: '秘书科审核', kind: 'single', handlers: [{ userId: ids.zhaojing }] },
    { id: 'signoff', name: '签发', kind: 'single', handlers: [{ userId: ids.chenming }] },
  ],
});
const check = async (id: string, who = 'sunyue') => as[who]!.get(`${OFFICIAL_DOCS}/${id}/format-check`);
const documentIdOf = async (id: string) =>
  (await t.app.svc.db.officialDocument.findUniqueOrThrow({ where: { id } })).documentId;

describe('the format check at 送审', () => {
  it('lets a correct 通知 into its route', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const res = await check(id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ problems: [], errors: 0, warnings: 0 });
    const submitted = await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/submit`, route());
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('in_route');
  });

  it('refuses an incorrect one with every error in Chinese and English, changes nothing, and audits it', async () => {
    const id = await givenOfficialDoc(as.sunyue!, { title: '关于做好春季防汛工作', mainRecipients: [] }, [
      '为做好今年春季防汛工作，现通知如下：',
      '一、压实防汛责任',
      '三、加强隐患排查',
      '2、及时报送信息',
    ]);
    const listed = (await check(id)).json() as { problems: Array<{ code: string; at: unknown }>; errors: number };
    expect(listed.problems.map((p) => p.code).sort()).toEqual([
      'numbering_form',
      'numbering_sequence',
      'recipients_missing',
      'title_kind',
    ]);
    expect(listed.problems.find((p) => p.code === 'numbering_sequence')!.at).toEqual({ block: 2, offset: 0 });
    expect(listed.problems.find((p) => p.code === 'title_kind')!.at).toEqual({ field: 'title' });

    const before = await t.app.svc.db.officialDocument.findUniqueOrThrow({ where: { id } });
    const res = await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/submit`, route());
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; message: string; details: { problems: Array<Record<string, string>> } };
    expect(body.code).toBe('format_errors');
    expect(body.message).toContain('格式检查未通过');
    expect(body.message).toContain('fails the format check');
    expect(body.message).toContain('标题应以文种“通知”结尾');
    expect(body.details.problems).toHaveLength(4);
    for (const p of body.details.problems) {
      expect(p.severity).toBe('error');
      expect(p.zh).toMatch(/[\u4e00-\u9fff]/u);
      expect(p.en).toMatch(/[a-z]/);
    }
    expect(await t.app.svc.db.officialDocument.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await t.app.svc.db.officialDocumentHandler.count({ where: { officialDocumentId: id } })).toBe(0);
    expect(await t.app.svc.db.officialDocumentStepDeadline.count({ where: { officialDocumentId: id } })).toBe(0);
    const refused = await t.app.svc.db.auditEvent.findMany({
      where: { resourceId: id, action: 'officialDoc.submit', outcome: 'failure' },
    });
    expect(refused.map((e) => JSON.parse(e.detail))).toEqual([{ code: 'format_errors' }]);

    // Corrected in the 正文 and the record, it goes.
    await givenBody(as.sunyue!, await documentIdOf(id), NOTICE_BODY);
    await as.sunyue!.patch(`${OFFICIAL_DOCS}/${id}`, {
      title: '关于做好春季防汛工作的通知',
      mainRecipients: ['各街道'],
    });
    expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/submit`, route())).statusCode).toBe(200);
  });

  it('reads the 正文 as it stands, and an empty one is an error', async () => {
    const id = await givenOfficialDoc(as.sunyue!, {}, null);
    expect((await check(id)).json().problems.map((p: { code: string }) => p.code)).toEqual(['body_empty']);
    expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/submit`, route())).statusCode).toBe(422);
  });

  it('does not block on warnings', async () => {
    const id = await givenOfficialDoc(as.sunyue!, {}, [...NOTICE_BODY, '　　二〇二六年三月十日起执行。']);
    const listed = (await check(id)).json() as { errors: number; warnings: number; problems: Array<{ code: string }> };
    expect(listed.errors).toBe(0);
    expect(listed.problems.map((p) => p.code).sort()).toEqual(['date_numerals', 'manual_indent']);
    expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/submit`, route())).statusCode).toBe(200);
  });

  it('asks 签发人 of a 请示 only once it is signed off', async () => {
    const id = await givenOfficialDoc(as.sunyue!, { kind: 'request', title: '关于申请防汛物资经费的请示' }, [
      '为保障汛期物资供应，现申请防汛物资经费。',
      '妥否，请批示。',
    ]);
    expect((await check(id)).json().errors).toBe(0);
    expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/submit`, route())).statusCode).toBe(200);
  });

  it('shows the problems only to those who read the 公文: 404 for a colleague of another unit', async () => {
    const id = await givenOfficialDoc(as.sunyue!, { title: '关于防汛' });
    const res = await check(id, 'zhangwei');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('防汛');
    // Nor does someone who may not send it learn them by trying: the route refuses first.
    const submit = await as.zhangwei!.post(`${OFFICIAL_DOCS}/${id}/submit`, route());
    expect(submit.statusCode).toBe(404);
    expect(submit.body).not.toContain('format');
  });
});
