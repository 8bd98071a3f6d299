// The 发文登记簿 and the issuing setting over HTTP. The register lists every 序号 of a 代字 and year — used by a 公文,
// reserved, voided — with who took it and when, for the issuing office only; a 公文 the viewer may not read (a 秘密 one,
// for a clerk cleared only for 内部) keeps its title to itself. The issuing setting: the office sets the 发文机关标志
// and 代字, the system administrator names the office (三员分立), everyone else is refused; each change is audited.
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
const as: Record<string, TestClient> = {};
let officeUnitId: string;

/** A 公文 drafted by `drafter`, signed off by 陈明 and numbered by `office`; returns its id. */
async function numbered(
  drafter: TestClient,
  office: TestClient,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const id = await givenOfficialDoc(drafter, fields);
  await givenSubmitted(drafter, id, {
    steps: [{ id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: ids.chenming }] }],
  });
  expect((await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意' })).statusCode).toBe(200);
  expect((await office.post(`${OFFICIAL_DOCS}/${id}/number`, {})).statusCode).toBe(200);
  return id;
}

const register = (client: TestClient, query = '') =>
  client.get(`${OFFICIAL_DOCS}/numbers?unitId=${encodeURIComponent(officeUnitId)}${query}`);

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei', 'qianwen']) as[name] = await signedIn(t, name);
  as.chenming = await signedInWithMfa(t, 'chenming');
  as.sysadmin = await signedInWithMfa(t, 'sysadmin');
  officeUnitId = (await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'zhaojing' } })).unitId;
});
afterAll(() => t.close());

describe('发文登记簿', () => {
  it('lists used, reserved and void numbers with who and when, and hides the titles the viewer may not read', async () => {
    const open = await numbered(as.sunyue!, as.zhaojing!);
    const secret = await numbered(as.zhaojing!, as.zhaojing!, {
      title: '关于调整防汛物资储备点的通知',
      classification: 'secret',
      secrecyPeriod: '10年',
      copyNumber: '000001',
    });
    const reserved = await as.zhaojing!.post(`${OFFICIAL_DOCS}/numbers/reserve`, {
      unitId: officeUnitId,
      note: '留给汛期通报',
    });
    expect(reserved.statusCode).toBe(201);
    const toVoid = (await as.zhaojing!.post(`${OFFICIAL_DOCS}/numbers/reserve`, { unitId: officeUnitId })).json();
    const voided = await as.zhaojing!.post(`${OFFICIAL_DOCS}/numbers/void`, {
      unitId: officeUnitId,
      seq: toVoid.seq,
      note: '登记错误',
    });
    expect(voided.statusCode).toBe(200);

    const full = await register(as.zhaojing!);
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({ prefix: '区政府办', year: 2026 });
    expect(full.json().items).toEqual([
      expect.objectContaining({
        seq: 1,
        text: '区政府办〔2026〕1号',
        status: 'used',
        document: { id: open, title: '关于做好2026年春季防汛工作的通知' },
        by: { id: ids.zhaojing, name: '赵静' },
      }),
      expect.objectContaining({
        seq: 2,
        status: 'used',
        document: { id: secret, title: '关于调整防汛物资储备点的通知' },
      }),
      expect.objectContaining({ seq: 3, status: 'reserved', note: '留给汛期通报', document: null }),
      expect.objectContaining({ seq: 4, status: 'void', note: '登记错误', document: null }),
    ]);
    expect(full.json().items[0].createdAt.slice(0, 10)).toBe('2026-03-10');

    // 孙悦 is a clerk of the same office, cleared only for 内部: the 秘密 公文's number is listed, its title is not.
    const limited = (await register(as.sunyue!)).json();
    expect(limited.items.map((i: { status: string }) => i.status)).toEqual(['used', 'used', 'reserved', 'void']);
    expect(limited.items[0].document).toEqual({ id: open, title: '关于做好2026年春季防汛工作的通知' });
    expect(limited.items[1].document).toEqual({ id: null, title: null });

    // Filters: another 代字 or year is another series.
    expect((await register(as.zhaojing!, '&year=2025')).json().items).toEqual([]);
    expect((await register(as.zhaojing!, `&prefix=${encodeURIComponent('区政府办函')}`)).json().items).toEqual([]);
    expect((await register(as.zhaojing!)).json().series).toContainEqual({ prefix: '区政府办', year: 2026 });
  });

  it('is the issuing office’s: another unit’s clerk and the administrators are refused', async () => {
    const other = await register(as.qianwen!);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('只有发文单位办公室');
    expect((await register(as.zhangwei!)).statusCode).toBe(403);
    expect((await register(as.sysadmin!)).statusCode).toBe(403);
  });
});

describe('issuing setting', () => {
  const setting = (client: TestClient) => client.get(`/api/units/${officeUnitId}/issuing-setting`);
  const change = (client: TestClient, body: Record<string, unknown>) =>
    client.put(`/api/units/${officeUnitId}/issuing-setting`, body);

  it('lets the office set the 发文机关标志 and 代字, which the next 公文 carries, audited', async () => {
    const before = (await setting(as.zhaojing!)).json();
    expect(before).toMatchObject({
      issuerMark: null,
      numberPrefix: null,
      effective: { numberPrefix: '区政府办', officeUnitId },
      mayEditMarks: true,
      mayAssignOffice: false,
    });
    const res = await change(as.zhaojing!, { issuerMark: '某某区人民政府办公室文件', numberPrefix: '区府办发' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      issuerMark: '某某区人民政府办公室文件',
      numberPrefix: '区府办发',
      effective: { issuerMark: '某某区人民政府办公室文件', numberPrefix: '区府办发' },
    });
    const drafted = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${await givenOfficialDoc(as.sunyue!)}`)).json();
    expect(drafted).toMatchObject({ issuerMark: '某某区人民政府办公室文件', numberPrefix: '区府办发' });
    expect(
      await t.app.svc.db.auditEvent.count({
        where: { action: 'unit.issuing_setting', resourceId: officeUnitId, outcome: 'success' },
      }),
    ).toBe(1);
    const bad = await change(as.zhaojing!, { numberPrefix: '区府 办，发' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('issuing_invalid');
  });

  it('lets the system administrator name the office but not write what goes on a document; others get 403', async () => {
    const admin = await setting(as.sysadmin!);
    expect(admin.statusCode).toBe(200);
    expect(admin.json()).toMatchObject({ mayEditMarks: false, mayAssignOffice: true });
    const marks = await change(as.sysadmin!, { issuerMark: '某某文件' });
    expect(marks.statusCode).toBe(403);
    expect(marks.json().code).toBe('issuing_forbidden');
    expect((await change(as.sysadmin!, { officeUnitId: ids.zhangwei })).statusCode).toBe(400);
    // The office may not hand its duty elsewhere.
    const handOver = await change(as.zhaojing!, { officeUnitId });
    expect(handOver.statusCode).toBe(403);
    expect(handOver.json().code).toBe('issuing_office_forbidden');
    expect((await change(as.sysadmin!, { officeUnitId })).statusCode).toBe(200);

    for (const name of ['zhangwei', 'qianwen', 'chenming'] as const) {
      expect((await setting(as[name]!)).statusCode).toBe(403);
      const refused = await change(as[name]!, { numberPrefix: '乱改' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toContain('只有本单位办公室');
    }
    expect(
      await t.app.svc.db.auditEvent.count({
        where: { action: 'unit.issuing_setting', resourceId: officeUnitId, outcome: 'failure' },
      }),
    ).toBeGreaterThanOrEqual(6);
  });
});
