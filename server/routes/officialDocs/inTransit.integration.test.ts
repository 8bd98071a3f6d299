// The office's panel: its unit's 公文 on their way and the steps past their 办理时限 with who is late. Other units see
// none of them; the totals match the lists and the 公文 counted one by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveClockTo } from '../../../tests/support/meetings.ts';
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
const as: Record<string, TestClient> = {};
const docs: string[] = [];

interface Panel {
  inTransit: { total: number; items: Array<{ id: string; status: string; stepName: string }> };
  overdue: {
    total: number;
    items: Array<{ id: string; stepName: string; dueOn: string; daysLate: number; late: string[] }>;
  };
}
const panel = async (who: string, limit = 10): Promise<Panel> => {
  const res = await as[who]!.get(`${OFFICIAL_DOCS}/in-transit?limit=${limit}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Panel;
};

const route = (deadlineDays: number | null) => ({
  steps: [
    {
      id: 'countersign',
      name: '会签',
      kind: 'parallel',
      handlers: [{ userId: ids.lihua }, { userId: ids.yangfan }],
      ...(deadlineDays === null ? {} : { deadlineDays }),
    },
    { id: 'signoff', name: '签发', kind: 'single', handlers: [{ userId: ids.chenming }] },
  ],
});

beforeAll(async () => {
  // Friday 13 March 2026, 09:00 in China.
  t = await createTestApp({ clockAt: new Date('2026-03-13T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei']) as[name] = await signedIn(t, name);
  for (const name of ['lihua', 'yangfan']) as[name] = await signedInWithMfa(t, name);
  // Three 公文 of 区政府办 in their route (due in 2 working days, in 5, none), one still a draft.
  for (const days of [2, 5, null]) {
    const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
    await givenSubmitted(as.sunyue!, id, route(days));
    docs.push(id);
  }
  await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
  // 李华 countersigns the first one; 杨帆 does not.
  await givenStep(as.lihua!, docs[0]!, { action: 'approve', opinion: '同意' });
});
afterAll(async () => {
  await t.close();
});

describe('the unit’s 公文 in transit', () => {
  it('lists the unit’s 公文 in their route to the office, with the current step, and none to another unit', async () => {
    const office = await panel('zhaojing');
    expect(office.inTransit.total).toBe(3);
    expect(office.inTransit.items.map((i) => i.id).sort()).toEqual([...docs].sort());
    expect(office.inTransit.items.every((i) => i.status === 'in_route' && i.stepName === '会签')).toBe(true);
    expect(office.overdue).toEqual({ total: 0, items: [] });
    expect(await panel('zhangwei')).toEqual({ inTransit: { total: 0, items: [] }, overdue: { total: 0, items: [] } });
  });

  it('names the late handlers once past the 办理时限, the longest late first; totals count past the page', async () => {
    // Thursday the 19th: the first is 2 days late for 杨帆 (due the 17th), the second not yet due (the 20th).
    moveClockTo(t, new Date('2026-03-19T01:00:00Z'));
    as.zhaojing = await signedIn(t, 'zhaojing');
    const office = await panel('zhaojing');
    expect(office.overdue).toEqual({
      total: 1,
      items: [
        { id: docs[0], title: expect.any(String), stepName: '会签', dueOn: '2026-03-17', daysLate: 2, late: ['杨帆'] },
      ],
    });
    // Monday the 23rd: both timed ones are late; the page of one still counts both.
    moveClockTo(t, new Date('2026-03-23T01:00:00Z'));
    as.zhaojing = await signedIn(t, 'zhaojing');
    const page = await panel('zhaojing', 1);
    expect(page.overdue.total).toBe(2);
    expect(page.overdue.items.map((i) => [i.id, i.daysLate])).toEqual([[docs[0], 6]]);
    expect(page.inTransit.total).toBe(3);
    expect(page.inTransit.items).toHaveLength(1);
    // The oracle: the unit's 公文 in transit counted one by one.
    const unit = await t.app.svc.db.user.findUniqueOrThrow({
      where: { username: 'zhaojing' },
      select: { unitId: true },
    });
    const counted = (await t.app.svc.db.officialDocument.findMany({ include: { document: true } })).filter(
      (d) =>
        (d.unitId === unit.unitId || d.officeUnitId === unit.unitId) &&
        ['in_route', 'signed_off', 'numbered', 'sealed'].includes(d.status) &&
        d.document.deletedAt === null,
    ).length;
    expect(page.inTransit.total).toBe(counted);
  });
});
