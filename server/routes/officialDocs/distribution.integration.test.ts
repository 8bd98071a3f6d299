// 分发 over HTTP: a sealed 通知 goes to 3 units (two 主送, one 抄送, prefilled from its recipients); one unit's clerk signs
// for it (it becomes their 收文), another refuses it with a reason, the office recalls the third and reissues it; who
// reads the 公文 follows each step, the inbox and its counts agree, the sender sees every unit's status; wrong unit,
// twice and after recall are refused (403/409, audited); 20 sign-fors at once let exactly one through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenOfficialDoc, givenSubmitted, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
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

interface Row {
  id: string;
  unit: { id: string; name: string };
  role: string;
  status: string;
  actions: string[];
  refused: { reason: string | null };
  incomingDocumentId: string | null;
  reissueOfId: string | null;
}

/** A 通知 to 区发改委 and 区财政局, copied to 区住建委, signed off, numbered and sealed. */
async function sealedNotice(): Promise<string> {
  const id = await givenOfficialDoc(as.sunyue!, {
    attachmentNotes: [],
    mainRecipients: ['区发改委', '区财政局'],
    ccRecipients: ['区住建委'],
    urgency: 'urgent',
  });
  await givenSubmitted(as.sunyue!, id, {
    steps: [{ id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: ids.chenming }] }],
  });
  expect((await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意印发' })).statusCode).toBe(200);
  expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/number`, {})).statusCode).toBe(200);
  expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/seal`, { sealId })).statusCode).toBe(200);
  return id;
}

const everyone = () => [
  { unitId: units.ndrc!, role: 'main' },
  { unitId: units.finance!, role: 'main' },
  { unitId: units.housing!, role: 'cc' },
];

async function rows(client: TestClient, id: string): Promise<Row[]> {
  const res = await client.get(`${OFFICIAL_DOCS}/${id}/distribution`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Row[];
}

const rowOf = async (id: string, unit: string) =>
  (await rows(as.zhaojing!, id)).filter((r) => r.unit.id === units[unit]).at(-1)!;
const act = (client: TestClient, rowId: string, verb: string, body: unknown = {}) =>
  client.post(`${OFFICIAL_DOCS}/distributions/${rowId}/${verb}`, body);
const reads = async (client: TestClient, id: string) => (await client.get(`${OFFICIAL_DOCS}/${id}`)).statusCode;
const failures = (action: string, code: string) =>
  t.app.svc.db.auditEvent.count({ where: { action, outcome: 'failure', detail: { contains: code } } });

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  units.ndrc = units['区发改委']!;
  units.finance = units['区财政局']!;
  units.housing = units['区住建委']!;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei', 'qianwen', 'tangmin', 'songjia'])
    as[name] = await signedIn(t, name);
  as.chenming = await signedInWithMfa(t, 'chenming');
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

describe('分发', () => {
  it('distribution to 3 units with sign-for, refusal and recall (+ reissue, + access before and after)', async () => {
    const id = await sealedNotice();
    // Before distribution no recipient reads it.
    expect(await reads(as.qianwen!, id)).toBe(404);

    // The office is offered the units, those named in 主送/抄送 prefilled.
    const offered = (await as.zhaojing!.get(`${OFFICIAL_DOCS}/${id}/distribution`)).json();
    expect(offered.items).toEqual([]);
    expect(
      new Set(offered.offer.prefilled.map((p: { unitId: string; role: string }) => `${p.unitId}:${p.role}`)),
    ).toEqual(new Set([`${units.ndrc}:main`, `${units.finance}:main`, `${units.housing}:cc`]));

    // Only the office distributes; nothing to nobody is refused.
    expect((await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/distribute`, { recipients: everyone() })).statusCode).toBe(
      403,
    );
    expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/distribute`, { recipients: [] })).statusCode).toBe(400);
    const sent = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/distribute`, { recipients: everyone() });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().distributionIds).toHaveLength(3);
    expect((await as.zhaojing!.get(`${OFFICIAL_DOCS}/${id}`)).json().status).toBe('distributed');
    // Twice: the route is closed.
    expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/distribute`, { recipients: everyone() })).statusCode).toBe(
      409,
    );
    expect(await t.app.svc.db.officialDocumentDistribution.count({ where: { officialDocumentId: id } })).toBe(3);
    // Each row carries the 公文's classification, deletion and urgency (the 待办 centre filters on them alone).
    const official = await t.app.svc.db.officialDocument.findUniqueOrThrow({
      where: { id },
      select: { urgency: true, document: { select: { classification: true } } },
    });
    expect(official.urgency).toBe('urgent');
    expect(
      await t.app.svc.db.officialDocumentDistribution.findMany({
        where: { officialDocumentId: id },
        select: { classification: true, documentDeleted: true, urgency: true },
      }),
    ).toEqual(
      Array(3).fill({ classification: official.document.classification, documentDeleted: false, urgency: 'urgent' }),
    );

    // Each unit's clerk reads it and finds it in the inbox, with a notice; a staff member of the unit does not.
    for (const clerk of ['qianwen', 'tangmin', 'songjia']) {
      expect(await reads(as[clerk]!, id)).toBe(200);
      const inbox = (await as[clerk]!.get(`${OFFICIAL_DOCS}/inbox`)).json();
      expect(inbox.items.map((i: { officialDocumentId: string }) => i.officialDocumentId)).toEqual([id]);
      expect(inbox.counts).toMatchObject({ pending: 1, signed: 0, refused: 0 });
      expect(
        await t.app.svc.db.notification.count({ where: { userId: ids[clerk], kind: 'officialDoc.distributed' } }),
      ).toBe(1);
    }
    expect(await reads(as.zhangwei!, id)).toBe(404);
    expect((await as.zhangwei!.get(`${OFFICIAL_DOCS}/inbox`)).json().total).toBe(0);
    // The sealed PDF downloads for a recipient, and the download is in the 查阅留痕.
    expect((await as.qianwen!.get(`${OFFICIAL_DOCS}/${id}/export?format=pdf`)).statusCode).toBe(200);
    expect(
      await t.app.svc.db.officialDocumentEvent.count({
        where: { officialDocumentId: id, kind: 'download', userId: ids.qianwen },
      }),
    ).toBe(1);

    // 签收: the wrong unit's clerk may not; the right one does, once; it became their 收文.
    const ndrc = await rowOf(id, 'ndrc');
    expect((await act(as.tangmin!, ndrc.id, 'sign-for')).statusCode).toBe(403);
    expect(await failures('officialDoc.distribution.signFor', 'distribution_forbidden')).toBe(1);
    const signed = await act(as.qianwen!, ndrc.id, 'sign-for');
    expect(signed.statusCode).toBe(200);
    expect(signed.json().incomingDocumentId).toBeTruthy();
    expect((await act(as.qianwen!, ndrc.id, 'sign-for')).statusCode).toBe(409);
    expect((await act(as.zhaojing!, ndrc.id, 'recall')).statusCode).toBe(409);
    expect(await t.app.svc.db.incomingDocument.count({ where: { distributionId: ndrc.id, unitId: units.ndrc } })).toBe(
      1,
    );
    expect(await reads(as.qianwen!, id)).toBe(200);

    // 拒收 needs a reason; the refusing unit stops reading it, its inbox keeps the row with the reason.
    const finance = await rowOf(id, 'finance');
    expect((await act(as.tangmin!, finance.id, 'refuse', { reason: '  ' })).statusCode).toBe(400);
    expect((await act(as.tangmin!, finance.id, 'refuse', { reason: '非本单位职责' })).statusCode).toBe(200);
    expect(await reads(as.tangmin!, id)).toBe(404);
    const refusedInbox = (await as.tangmin!.get(`${OFFICIAL_DOCS}/inbox`)).json();
    expect(refusedInbox.items[0]).toMatchObject({ status: 'refused', refusalReason: '非本单位职责' });
    expect(refusedInbox.counts).toMatchObject({ pending: 0, refused: 1 });

    // 撤回 while pending: the unit stops reading it and may no longer sign for it; only the office recalls.
    const housing = await rowOf(id, 'housing');
    expect((await act(as.songjia!, housing.id, 'recall')).statusCode).toBe(403);
    expect((await act(as.zhaojing!, housing.id, 'recall')).statusCode).toBe(200);
    expect(await reads(as.songjia!, id)).toBe(404);
    expect((await act(as.songjia!, housing.id, 'sign-for')).statusCode).toBe(409);
    expect((await as.songjia!.get(`${OFFICIAL_DOCS}/inbox`)).json().total).toBe(0);

    // The sender sees each unit's status, with reissue offered after refusal and recall.
    const table = await rows(as.zhaojing!, id);
    expect(table.map((r) => [r.unit.id, r.role, r.status, r.actions])).toEqual([
      [units.ndrc, 'main', 'signed', []],
      [units.finance, 'main', 'refused', ['reissue']],
      [units.housing, 'cc', 'recalled', ['reissue']],
    ]);
    expect(table[1]!.refused.reason).toBe('非本单位职责');

    // 重新分发: a new row (history stays), the unit reads it again; a row is reissued once.
    const again = await act(as.zhaojing!, housing.id, 'reissue');
    expect(again.statusCode).toBe(200);
    expect((await act(as.zhaojing!, housing.id, 'reissue')).statusCode).toBe(409);
    expect((await act(as.zhaojing!, ndrc.id, 'reissue')).statusCode).toBe(409);
    expect(await reads(as.songjia!, id)).toBe(200);
    const after = await rows(as.zhaojing!, id);
    expect(after).toHaveLength(4);
    expect(after.at(-1)).toMatchObject({ status: 'pending', reissueOfId: housing.id, actions: ['recall'] });
    expect((await act(as.songjia!, again.json().distributionId as string, 'sign-for')).statusCode).toBe(200);

    // The sender heard of the sign-fors and the refusal; every change is audited.
    expect(
      await t.app.svc.db.notification.count({
        where: { userId: ids.zhaojing, kind: 'officialDoc.distribution_signed' },
      }),
    ).toBe(2);
    expect(
      await t.app.svc.db.notification.count({
        where: { userId: ids.zhaojing, kind: 'officialDoc.distribution_refused' },
      }),
    ).toBe(1);
    for (const action of ['signFor', 'refuse', 'recall', 'reissue'])
      expect(
        await t.app.svc.db.auditEvent.count({
          where: { action: `officialDoc.distribution.${action}`, outcome: 'success' },
        }),
      ).toBeGreaterThan(0);
  });

  it('lets exactly one of 20 simultaneous sign-fors through', async () => {
    const id = await sealedNotice();
    const sent = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/distribute`, {
      recipients: [{ unitId: units.ndrc, role: 'main' }],
    });
    const [rowId] = sent.json().distributionIds as string[];
    const answers = await Promise.all(Array.from({ length: 20 }, () => act(as.qianwen!, rowId!, 'sign-for')));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(await t.app.svc.db.incomingDocument.count({ where: { distributionId: rowId } })).toBe(1);
    expect(
      await t.app.svc.db.auditEvent.count({
        where: { action: 'officialDoc.distribution.signFor', resourceId: rowId, outcome: 'success' },
      }),
    ).toBe(1);
  });

  it('refuses a document not yet sealed, and a receiver outside the unit', async () => {
    const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
    expect(
      (await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/distribute`, { recipients: everyone() })).statusCode,
    ).toBeGreaterThanOrEqual(400);
    const sealed = await sealedNotice();
    const wrong = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${sealed}/distribute`, {
      recipients: [{ unitId: units.ndrc, role: 'main', receiverId: ids.hejun }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('distribution_receiver_invalid');
    expect(await t.app.svc.db.officialDocumentDistribution.count({ where: { officialDocumentId: sealed } })).toBe(0);
    // A 函 to a named receiver: they read it and sign for it, though not a clerk.
    const letter = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${sealed}/distribute`, {
      recipients: [{ unitId: units.ndrc, role: 'main', receiverId: ids.zhangwei }],
    });
    expect(letter.statusCode).toBe(200);
    expect(await reads(as.zhangwei!, sealed)).toBe(200);
    const inbox = (await as.zhangwei!.get(`${OFFICIAL_DOCS}/inbox`)).json();
    expect(inbox.items[0]).toMatchObject({ officialDocumentId: sealed, addressedToMe: true });
    expect((await act(as.zhangwei!, letter.json().distributionIds[0] as string, 'sign-for')).statusCode).toBe(200);
  });
});
