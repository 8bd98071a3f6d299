// 收文 over HTTP: a sealed 通知 distributed to 区发改委 and signed for becomes its 收文, which goes 拟办 → 批办 → 承办 (lead
// and helper units) → 传阅 (each read recorded) → 办结, and the sender sees the result on its 分发 row; 转为督办 from the
// leader's 批办 links both ways; 30 registrations at once take 30 收文编号 with no gap and no duplicate; bad input is
// refused in Chinese and English, changes nothing, and is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, pdfBytes } from '../../../tests/support/meetings.ts';
import { givenOfficialDoc, givenStep, givenSubmitted, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import { pngBytes } from '../../../tests/support/png.ts';
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
let sealId: string;

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei', 'qianwen', 'hejun', 'zhouqiang'])
    as[name] = await signedIn(t, name);
  for (const name of ['chenming', 'lihua']) as[name] = await signedInWithMfa(t, name);
  const office = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'zhaojing' } });
  const res = await as.zhaojing!.post('/api/seals', {
    unitId: office.unitId,
    name: '某某区人民政府办公室',
    holderIds: [ids.sunyue],
  });
  expect(res.statusCode).toBe(201);
  sealId = res.json().id;
});
afterAll(async () => {
  await t.close();
});

/** A 通知 to 区发改委, signed off, numbered, sealed and distributed; returns it and its 分发 row. */
async function distributedNotice(): Promise<{ sentId: string; rowId: string }> {
  const sentId = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [], mainRecipients: ['区发改委'] });
  await givenSubmitted(as.sunyue!, sentId, {
    steps: [{ id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: ids.chenming }] }],
  });
  expect((await as.chenming!.post(`${OFFICIAL_DOCS}/${sentId}/sign-off`, { opinion: '同意印发' })).statusCode).toBe(
    200,
  );
  expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${sentId}/number`, {})).statusCode).toBe(200);
  expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${sentId}/seal`, { sealId })).statusCode).toBe(200);
  const sent = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${sentId}/distribute`, {
    recipients: [{ unitId: units['区发改委'], role: 'main' }],
  });
  expect(sent.statusCode).toBe(200);
  return { sentId, rowId: sent.json().distributionIds[0] as string };
}

/** 拟办 by the clerk, 批办 by the bureau's leader, 承办 by 规划科 with 区财政局 helping, 传阅 to two readers, 办结 by the clerk. */
const incomingRoute = () => ({
  steps: [
    { id: 'propose', name: '拟办', kind: 'single', opinion: 'propose', handlers: [{ userId: ids.qianwen }] },
    { id: 'instruct', name: '批办', kind: 'single', opinion: 'instruct', handlers: [{ userId: ids.lihua }] },
    {
      id: 'undertake',
      name: '承办',
      kind: 'parallel',
      mode: 'all',
      opinion: 'undertake',
      handlers: [{ userId: ids.zhangwei }, { userId: ids.hejun }],
    },
    {
      id: 'circulate',
      name: '传阅',
      kind: 'parallel',
      mode: 'all',
      opinion: 'circulate',
      handlers: [{ userId: ids.lihua }, { userId: ids.zhangwei }],
    },
    { id: 'conclude', name: '办结', kind: 'single', opinion: 'conclude', handlers: [{ userId: ids.qianwen }] },
  ],
});

const incomingOf = async (client: TestClient, id: string) =>
  (await client.get(`${OFFICIAL_DOCS}/${id}/incoming`)).json();
const failures = (action: string) => t.app.svc.db.auditEvent.count({ where: { action, outcome: 'failure' } });

describe('收文', () => {
  it('a 收文 through 拟办 → 批办 → 承办 → 传阅 → 办结 with the sender seeing the result', async () => {
    const { sentId, rowId } = await distributedNotice();
    const signed = await as.qianwen!.post(`${OFFICIAL_DOCS}/distributions/${rowId}/sign-for`, {});
    expect(signed.statusCode).toBe(200);
    const row = await t.app.svc.db.officialDocumentDistribution.findUniqueOrThrow({ where: { id: rowId } });
    const id = row.incomingDocumentId!;
    expect(id).toBeTruthy();
    const sent = await t.app.svc.db.officialDocument.findUniqueOrThrow({ where: { id: sentId } });
    expect(await incomingOf(as.qianwen!, id)).toMatchObject({
      origin: 'distribution',
      number: '收文〔2026〕1号',
      sourceNumber: `${sent.numberPrefix}〔2026〕${sent.numberSeq}号`,
      distribution: { id: rowId, sentDocumentId: sentId, status: 'signed' },
      result: null,
      tasks: [],
    });
    expect((await as.qianwen!.get(`${OFFICIAL_DOCS}/${id}`)).json()).toMatchObject({
      status: 'draft',
      direction: 'incoming',
    });

    // 拟办 → 批办 → 承办, on the same engine and step actions as 发文.
    await givenSubmitted(as.qianwen!, id, incomingRoute());
    await givenStep(as.qianwen!, id, { action: 'approve', opinion: '拟请李主任阅示，由规划科牵头办理' });
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '请规划科牵头，财政局协助，月底前落实' });
    await givenStep(as.hejun!, id, { action: 'approve', opinion: '已配合提供资金安排' });
    await givenStep(as.zhangwei!, id, { action: 'approve', opinion: '已完成辖区排查' });

    // 传阅: only the named readers, each once; the clerk, whose 拟办 is past, is not one of them.
    const notReader = await as.qianwen!.post(`${OFFICIAL_DOCS}/${id}/read`, {});
    expect(notReader.statusCode).toBe(409);
    expect(notReader.json().code).toBe('moved_on');
    expect((await as.lihua!.post(`${OFFICIAL_DOCS}/${id}/read`, {})).statusCode).toBe(200);
    expect((await as.lihua!.post(`${OFFICIAL_DOCS}/${id}/read`, {})).statusCode).toBe(409);
    expect((await as.zhangwei!.post(`${OFFICIAL_DOCS}/${id}/read`, { note: '已阅，按要求落实' })).statusCode).toBe(200);

    // 办结: a result is required (audited), then the 收文 closes and the sender's row shows it.
    const empty = await as.qianwen!.post(`${OFFICIAL_DOCS}/${id}/finish`, { result: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'result_required' });
    expect(empty.json().message).toContain('办结须填写办理结果');
    expect(await failures('officialDoc.finish')).toBe(1);
    expect(
      (await as.qianwen!.post(`${OFFICIAL_DOCS}/${id}/finish`, { result: '已按要求完成排查整改' })).statusCode,
    ).toBe(200);

    const doc = (await as.qianwen!.get(`${OFFICIAL_DOCS}/${id}`)).json();
    expect(doc.status).toBe('finished');
    expect(doc.opinions.map((o: { kind: string; text: string }) => [o.kind, o.text])).toEqual([
      ['propose', '拟请李主任阅示，由规划科牵头办理'],
      ['instruct', '请规划科牵头，财政局协助，月底前落实'],
      ['undertake', '已配合提供资金安排'],
      ['undertake', '已完成辖区排查'],
      ['circulate', '已阅'],
      ['circulate', '已阅，按要求落实'],
      ['conclude', '已按要求完成排查整改'],
    ]);
    expect(await incomingOf(as.qianwen!, id)).toMatchObject({
      result: '已按要求完成排查整改',
      finishedBy: { id: ids.qianwen },
      distribution: { status: 'finished' },
    });
    expect(await t.app.svc.db.officialDocumentDistribution.findUniqueOrThrow({ where: { id: rowId } })).toMatchObject({
      status: 'finished',
      result: '已按要求完成排查整改',
      finishedById: ids.qianwen,
    });
    const senderRows = (await as.zhaojing!.get(`${OFFICIAL_DOCS}/${sentId}/distribution`)).json().items;
    expect(senderRows[0]).toMatchObject({ status: 'finished' });
    // Closed: nothing more happens on it.
    expect((await as.qianwen!.post(`${OFFICIAL_DOCS}/${id}/finish`, { result: '再次办结' })).statusCode).toBe(409);
  });

  it('转为督办 links both ways: the leader’s 批办 becomes a task whose basis names the 收文, shown on the 收文 with its closure', async () => {
    const reg = await as.qianwen!.post(`${OFFICIAL_DOCS}/incoming`, {
      origin: 'paper',
      title: '关于开展城镇燃气安全排查的通知',
      kind: 'notice',
      sourceUnit: '市住建委',
      sourceNumber: '市住建发〔2026〕8号',
      copies: 2,
      dueDate: '2026-03-31',
    });
    expect(reg.statusCode).toBe(201);
    const { id, documentId } = reg.json();
    await givenSubmitted(as.qianwen!, id, {
      steps: [
        { id: 'propose', name: '拟办', kind: 'single', opinion: 'propose', handlers: [{ userId: ids.qianwen }] },
        { id: 'instruct', name: '批办', kind: 'single', opinion: 'instruct', handlers: [{ userId: ids.lihua }] },
        { id: 'conclude', name: '办结', kind: 'single', opinion: 'conclude', handlers: [{ userId: ids.qianwen }] },
      ],
    });
    await givenStep(as.qianwen!, id, { action: 'approve', opinion: '拟请李主任批示' });
    await givenStep(as.lihua!, id, { action: 'approve', opinion: '请规划科3月底前完成排查并报结果' });

    const task = await as.lihua!.post('/api/supervision/tasks', {
      title: '城镇燃气安全排查',
      basisType: 'leader_instruction',
      basisText: '请规划科3月底前完成排查并报结果',
      sourceDocumentId: documentId,
      leadUnitId: units['区发改委'],
      requirement: '完成排查并报送结果',
      dueDate: '2026-03-31',
      classification: 'internal',
      supervisorId: ids.zhouqiang,
    });
    expect(task.statusCode).toBe(201);
    const taskId = task.json().id as string;
    const detail = (await as.lihua!.get(`/api/supervision/tasks/${taskId}`)).json();
    expect(detail.sourceDocument).toMatchObject({ id: documentId, officialDocumentId: id, readable: true });
    expect((await incomingOf(as.qianwen!, id)).tasks).toEqual([
      expect.objectContaining({ id: taskId, title: '城镇燃气安全排查', status: 'pending_sign', completedAt: null }),
    ]);
    // Someone who may not see the task does not learn of it through the 收文.
    expect((await incomingOf(as.hejun!, id)).tasks ?? []).toEqual([]);
  });

  it('takes 30 收文编号 at once with no gap and no duplicate', async () => {
    const before = await t.app.svc.db.incomingDocument.count({ where: { unitId: units['区发改委'] } });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        as.qianwen!.post(`${OFFICIAL_DOCS}/incoming`, {
          origin: 'pdf',
          title: `来文${i + 1}`,
          kind: 'letter',
          sourceUnit: '市发改委',
          copies: 1,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const seqs = (
      await t.app.svc.db.incomingDocument.findMany({ where: { unitId: units['区发改委'] }, select: { seq: true } })
    )
      .map((r) => r.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: before + 30 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.json().number)).size).toBe(30);
    const list = (await as.qianwen!.get(`${OFFICIAL_DOCS}/incoming?pageSize=100`)).json();
    expect(list.total).toBe(before + 30);
    expect(list.items).toHaveLength(before + 30);
    // Another unit's register does not list them.
    expect((await as.zhaojing!.get(`${OFFICIAL_DOCS}/incoming`)).json().total).toBe(0);
  });

  it('refuses bad input in Chinese and English, changes nothing, and audits it; the scan must be a PDF', async () => {
    const count = () => t.app.svc.db.incomingDocument.count();
    const before = await count();
    const good = { origin: 'paper', title: '关于报送统计数据的函', kind: 'letter', sourceUnit: '市统计局', copies: 1 };
    const cases: Array<[TestClient, Record<string, unknown>, number, string, string]> = [
      [as.zhangwei!, good, 403, 'register_forbidden', '只有本单位的收发员'],
      [as.qianwen!, { ...good, title: ' ' }, 400, 'incoming_field_required', '请填写标题和来文单位'],
      [as.qianwen!, { ...good, sourceUnit: '' }, 400, 'incoming_field_required', 'Give the title'],
      [as.qianwen!, { ...good, copies: 0 }, 400, 'incoming_copies', '份数须为'],
      [as.qianwen!, { ...good, dueDate: '2026-02-30' }, 400, 'incoming_due_date', '办理时限须为有效日期'],
      [as.qianwen!, { ...good, dueDate: '2026-03-09' }, 400, 'incoming_due_date', 'not before the day'],
      [as.qianwen!, { ...good, classification: 'confidential' }, 403, 'clearance', 'cleared'],
    ];
    const failed = await failures('officialDoc.registerIncoming');
    for (const [client, body, status, code, text] of cases) {
      const res = await client.post(`${OFFICIAL_DOCS}/incoming`, body);
      expect(res.statusCode, code).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toContain(text);
    }
    expect(await failures('officialDoc.registerIncoming')).toBe(failed + cases.length);
    expect(await count()).toBe(before);

    const { id } = (await as.qianwen!.post(`${OFFICIAL_DOCS}/incoming`, good)).json();
    const upload = (client: TestClient, fileName: string, mime: string, content: Buffer) => {
      const { payload, headers } = multipart(fileName, mime, content);
      return client.request('PUT', `${OFFICIAL_DOCS}/${id}/scan`, payload, headers);
    };
    const png = await upload(as.qianwen!, 'scan.png', 'image/png', pngBytes(4, 4));
    expect(png.statusCode).toBe(415);
    expect(png.json().message).toContain('来文扫描件须为 PDF 文件');
    expect((await upload(as.zhangwei!, 'scan.pdf', 'application/pdf', pdfBytes())).statusCode).toBe(403);
    expect(await failures('officialDoc.attachScan')).toBe(2);
    expect((await as.qianwen!.get(`${OFFICIAL_DOCS}/${id}/scan`)).statusCode).toBe(404);
    expect((await upload(as.qianwen!, '来文扫描.pdf', 'application/pdf', pdfBytes('来文'))).statusCode).toBe(200);
    expect(await incomingOf(as.zhangwei!, id)).toMatchObject({
      scan: { fileName: '来文扫描.pdf' },
      mayAttachScan: false,
    });
    const opened = await as.zhangwei!.get(`${OFFICIAL_DOCS}/${id}/scan`);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      await t.app.svc.db.officialDocumentEvent.count({
        where: { officialDocumentId: id, kind: 'download', userId: ids.zhangwei },
      }),
    ).toBe(1);
    // Another unit's people do not see the 收文 at all.
    expect((await as.hejun!.get(`${OFFICIAL_DOCS}/${id}/incoming`)).statusCode).toBe(404);
    expect((await as.hejun!.get(`${OFFICIAL_DOCS}/${id}/scan`)).statusCode).toBe(404);
    // A 发文 has no 收文 facts.
    const outgoing = await givenOfficialDoc(as.sunyue!);
    expect((await as.sunyue!.get(`${OFFICIAL_DOCS}/${outgoing}/incoming`)).json().code).toBe('not_incoming');
  });
});
