// The 通讯录: every business user finds the organisation's people by name, pinyin initials, 职务, office phone or
// unit subtree; disabled and 三员 accounts are never listed; only directory fields leave the server (mobile and e-mail
// for one's own unit). The lists are checked against an oracle that applies the rule to every account one by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinyinInitials } from '../../domain/directory/pinyinInitials.ts';
import { listedInAddressBook } from '../../policies/addressBook.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
const units: Record<string, string> = {};
const as: Record<string, TestClient> = {};

interface Entry {
  id: string;
  displayName: string;
  title: string;
  officePhone: string;
  unit: { id: string; name: string; path: string[] };
  phone: string | null;
  email: string | null;
}
interface Page {
  items: Entry[];
  total: number;
}

const search = async (who: string, params: string): Promise<Page> => {
  const res = await as[who]!.get(`/api/address-book?${params}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

/** Every page of a search, concatenated. */
async function everyPage(
  who: string,
  params: string,
  pageSize: number,
): Promise<{ names: string[]; totals: number[] }> {
  const names: string[] = [];
  const totals: number[] = [];
  for (let page = 1; page < 50; page++) {
    const body = await search(who, `${params}&page=${page}&pageSize=${pageSize}`);
    totals.push(body.total);
    names.push(...body.items.map((i) => i.displayName));
    if (body.items.length < pageSize) break;
  }
  return { names, totals };
}

/** The oracle: every account, the rule applied one by one. */
async function oracle(
  match: (u: { displayName: string; title: string; unitName: string; officePhone: string; unitId: string }) => boolean,
) {
  const all = await t.app.svc.db.user.findMany({ include: { unit: { select: { name: true } } } });
  return all
    .filter((u) => listedInAddressBook(u))
    .filter((u) => match({ ...u, unitName: u.unit.name }))
    .map((u) => u.displayName)
    .sort();
}

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-13T01:00:00Z') });
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  for (const name of ['zhangwei', 'hejun', 'sunyue']) as[name] = await signedIn(t, name);
  as.sysadmin = await signedInWithMfa(t, 'sysadmin');
  // 何军 has left: the system administrator disables his account.
  const hejun = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'hejun' } });
  expect((await as.sysadmin.patch(`/api/users/${hejun.id}`, { disabled: true })).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('the address book', () => {
  it('finds a person by name with unit, 职务 and office phone, and nothing an account manager keeps', async () => {
    const { items, total } = await search('zhangwei', 'q=陈明');
    expect(total).toBe(1);
    expect(items[0]).toEqual({
      id: expect.any(String),
      displayName: '陈明',
      title: '区长',
      officePhone: expect.stringMatching(/^0571-8688\d{4}$/),
      unit: { id: units['区政府'], name: '区人民政府', path: ['区人民政府'] },
      phone: null,
      email: null,
    });
    const wu = (await search('zhangwei', 'q=吴丽')).items[0]!;
    expect(wu.unit.path).toEqual(['区人民政府', '区政府办公室', '区政府督查室']);
  });

  it('finds people by pinyin initials, 职务 and office phone', async () => {
    expect((await search('zhangwei', 'q=cm')).items.map((i) => i.displayName)).toEqual(['陈明']);
    expect((await search('zhangwei', 'q=WL')).items.map((i) => i.displayName).sort()).toEqual(['吴丽', '王磊']);
    expect((await search('zhangwei', 'q=副区长')).items.map((i) => i.displayName)).toEqual(['刘芳']);
    const phone = (await search('zhangwei', 'q=刘芳')).items[0]!.officePhone;
    expect((await search('zhangwei', `q=${encodeURIComponent(phone)}`)).items.map((i) => i.displayName)).toEqual([
      '刘芳',
    ]);
  });

  it('lists a unit with the units below it, without disabled or administrator accounts (oracle, page by page)', async () => {
    const office = units['区政府办']!;
    const below = new Set([office, units['督查室'], units['大数据中心']]);
    const cases: Array<[string, Parameters<typeof oracle>[0]]> = [
      [`unitId=${office}`, (u) => below.has(u.unitId)],
      ['q=', () => true],
      ['q=科', (u) => u.displayName.includes('科') || u.title.includes('科') || u.unitName.includes('科')],
      ['q=区', (u) => u.displayName.includes('区') || u.title.includes('区') || u.unitName.includes('区')],
      [
        'q=z',
        (u) =>
          pinyinInitials(u.displayName).startsWith('Z') ||
          u.displayName.toLowerCase().includes('z') ||
          u.title.toLowerCase().includes('z') ||
          u.unitName.toLowerCase().includes('z'),
      ],
      [`unitId=${units['区财政局']}`, (u) => u.unitId === units['区财政局']],
    ];
    for (const [params, match] of cases) {
      const expected = await oracle(match);
      for (const pageSize of [1, 3, 50]) {
        const { names, totals } = await everyPage('zhangwei', params, pageSize);
        expect([...names].sort(), `${params} by ${pageSize}`).toEqual(expected);
        expect(new Set(totals), params).toEqual(new Set([expected.length]));
      }
    }
    const everyone = (await everyPage('zhangwei', 'q=', 50)).names;
    for (const gone of ['何军', '系统管理员', '安全保密管理员', '安全审计员']) expect(everyone).not.toContain(gone);
  });

  it('shows mobile and e-mail only for people of one’s own unit', async () => {
    const db = t.app.svc.db;
    await db.user.updateMany({ where: { username: { in: ['zhaojing', 'zhangwei'] } }, data: { phone: '13800000000' } });
    expect((await search('sunyue', 'q=赵静')).items[0]).toMatchObject({ phone: '13800000000' });
    expect((await search('sunyue', 'q=张伟')).items[0]).toMatchObject({ phone: null, email: null });
  });

  it('is for business users: administrators and signed-out callers are refused', async () => {
    expect((await as.sysadmin!.get('/api/address-book?q=陈')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/address-book' })).statusCode).toBe(401);
  });

  it('answers the same under parallel searches', async () => {
    const bodies = await Promise.all(Array.from({ length: 8 }, () => search('zhangwei', 'q=区&pageSize=5')));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
  });
});
