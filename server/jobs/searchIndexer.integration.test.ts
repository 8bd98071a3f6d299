// The search index follows edits within seconds: co-edited text (from the persisted collab log), a rename, a share
// (the audit feed) each reach the index by the indexer's next run, waited for on its events, never slept for; the
// rebuild command restores a dropped index; short queries, the API's filters and snippet parts as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchPage } from '../../common/search/searchApi.ts';
import { reindexSearch } from '../commands/search/searchReindexer.ts';
import { INDEX_SLICE } from '../search/searchRebuild.ts';
import { givenBody } from '../../tests/support/officialDocs.ts';
import { addRoom, multipart, shanghai } from '../../tests/support/meetings.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../tests/support/testApp.ts';

let t: TestApp;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { searchTickSeconds: 1 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['zhangwei', 'hejun', 'qianwen', 'zhaojing']) as[name] = await signedIn(t, name);
}, 120_000);
afterAll(async () => {
  await t.close();
});

const search = async (who: string, params: string): Promise<SearchPage> => {
  const res = await as[who]!.get(`/api/search?${params}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchPage;
};
const titles = (page: SearchPage) => page.hits.map((h) => h.title.map((p) => p.text).join(''));

/** Resolves once `check` holds, asking again after each run of the indexer (no sleeping); fails after 10 s. */
async function whenIndexed(check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  const { events } = t.app.jobs.searchIndexer;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      events.off('indexed', onRun);
      reject(new Error('the index did not follow within 10 s'));
    }, 10_000);
    const onRun = () => {
      check().then(
        (ok) => {
          if (!ok) return;
          clearTimeout(timer);
          events.off('indexed', onRun);
          resolve();
        },
        (err: unknown) => reject(err as Error),
      );
    };
    events.on('indexed', onRun);
    onRun();
  });
  return Date.now() - started;
}

describe('the search index follows edits', () => {
  let documentId: string;

  it('finds a draft by a phrase its owner just wrote, within seconds; a colleague of another unit does not', async () => {
    const res = await as.zhangwei!.post('/api/documents', { kind: 'draft', title: '城市更新测算稿' });
    expect(res.statusCode).toBe(201);
    documentId = res.json().id as string;
    await givenBody(as.zhangwei!, documentId, ['老旧小区改造资金测算如下，<script>alert(1)</script>请审阅。']);
    const took = await whenIndexed(async () => (await search('zhangwei', 'q=老旧小区改造')).total === 1);
    expect(took).toBeLessThan(5_000);
    const hit = (await search('zhangwei', 'q=老旧小区改造')).hits[0]!;
    expect(hit).toMatchObject({ kind: 'document', id: documentId, unitName: expect.any(String) });
    expect(hit.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['老旧小区改造']);
    // Markup in a document stays text in a part; the client renders parts as text nodes.
    expect(hit.snippet.map((p) => p.text).join('')).toContain('<script>alert(1)</script>');
    expect((await search('hejun', 'q=老旧小区改造')).total).toBe(0);
  });

  it('answers one- and two-character queries through the bigram index', async () => {
    expect(titles(await search('zhangwei', 'q=测算'))).toContain('城市更新测算稿');
    expect(titles(await search('zhangwei', 'q=稿'))).toContain('城市更新测算稿');
    expect(titles(await search('zhangwei', 'q=改造 审阅'))).toEqual(['城市更新测算稿']);
    expect((await search('zhangwei', 'q=，')).total).toBe(0);
  });

  it('follows a rename and a share from the audit feed', async () => {
    const renamed = await as.zhangwei!.patch(`/api/documents/${documentId}`, { title: '片区更新资金测算稿' });
    expect(renamed.statusCode).toBe(200);
    await whenIndexed(async () => titles(await search('zhangwei', 'q=片区更新')).includes('片区更新资金测算稿'));
    const shared = await as.zhangwei!.put(`/api/documents/${documentId}/shares`, {
      shares: [{ granteeType: 'user', granteeId: ids.hejun, access: 'view' }],
    });
    expect(shared.statusCode).toBe(200);
    await whenIndexed(async () => (await search('hejun', 'q=老旧小区改造')).total === 1);
  });

  it('filters by kind, unit and date within what one may open', async () => {
    const unitId = (await t.app.svc.db.document.findUniqueOrThrow({ where: { id: documentId } })).unitId;
    expect((await search('zhangwei', `q=测算&kind=document&unitId=${unitId}`)).total).toBe(1);
    expect((await search('zhangwei', 'q=测算&kind=task')).total).toBe(0);
    expect((await search('zhangwei', 'q=测算&from=2026-03-10&to=2026-03-10')).total).toBe(1);
    expect((await search('zhangwei', 'q=测算&to=2026-03-09')).total).toBe(0);
    expect((await as.zhangwei!.get('/api/search?q=')).statusCode).toBe(400);
  });

  it('goes on past a PDF pdftotext cannot read: it is found by its title, and later edits are still followed', async () => {
    const meeting = await as.zhaojing!.post('/api/meetings', {
      title: '供水设施改造专题会',
      type: 'zhuanti',
      mode: 'in_room',
      roomId: await addRoom(as.zhaojing!, '第七会议室'),
      startAt: shanghai(t, 2, '09:00'),
      endAt: shanghai(t, 2, '10:00'),
      hostId: ids.zhaojing,
      participants: { users: [{ userId: ids.zhangwei }], units: [] },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    // Starts like a PDF (the upload check passes) but has no pages: pdftotext exits with an error.
    const shell = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const { payload, headers } = multipart('水厂改造方案.pdf', 'application/pdf', shell);
    const uploaded = await as.zhaojing!.request(
      'POST',
      `/api/meetings/${meeting.json().id as string}/materials`,
      payload,
      headers,
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    await whenIndexed(async () => titles(await search('zhangwei', 'q=水厂改造方案')).includes('水厂改造方案'));
    // The feed moved on: an edit after the upload is found too.
    const later = await as.zhangwei!.post('/api/documents', { kind: 'draft', title: '管网漏损排查记录' });
    expect(later.statusCode).toBe(201);
    await whenIndexed(async () => (await search('zhangwei', 'q=管网漏损')).total === 1);
  });

  it('is rebuilt from the database by the reindex command, audited', async () => {
    const before = t.app.svc.search.count();
    t.app.svc.search.clear();
    expect((await search('zhangwei', 'q=老旧小区改造')).total).toBe(0);
    const ctx = { actor: null, ip: 'cli', userAgent: 'test', at: t.clock.now(), auditKey: t.app.svc.keys.audit };
    const { indexed } = await reindexSearch(t.app.svc, { ...ctx, actor: { id: 'cli', name: 'cli:test' } });
    expect(indexed).toBe(before);
    expect((await search('zhangwei', 'q=老旧小区改造')).total).toBe(1);
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'search.reindex' } })).toBe(1);
  });

  it('indexes many objects a slice at a time, serving the event loop between slices', async () => {
    const indexer = t.app.jobs.searchIndexer;
    await indexer.stop();
    const { search: index } = t.app.svc;
    const apply = index.apply.bind(index);
    let turns = 0;
    let counting = true;
    const count = () => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    try {
      const names = Array.from({ length: 10 }, (_, k) => `河道整治第${'一二三四五六七八九十'[k]}标段周报`);
      for (const title of names) {
        const res = await as.zhangwei!.post('/api/documents', { kind: 'draft', title });
        expect(res.statusCode).toBe(201);
        await givenBody(as.zhangwei!, res.json().id as string, [`${title}：清淤进度与护岸加固情况。`]);
      }
      const seen: Array<{ turns: number; objects: number }> = [];
      index.apply = (entries, gone) => {
        seen.push({ turns, objects: entries.length });
        apply(entries, gone);
      };
      setImmediate(count);
      await indexer.tick();
      counting = false;
      // Ten documents in slices of INDEX_SLICE, each slice written after the loop turned since the one before.
      const slices = Array.from({ length: Math.ceil(10 / INDEX_SLICE) }, (_, k) =>
        Math.min(INDEX_SLICE, 10 - k * INDEX_SLICE),
      );
      expect(seen.map((s) => s.objects)).toEqual(slices);
      for (let k = 1; k < seen.length; k++) expect(seen[k]!.turns).toBeGreaterThan(seen[k - 1]!.turns);
      expect((await search('zhangwei', 'q=河道整治')).total).toBe(10);
    } finally {
      counting = false;
      index.apply = apply;
      indexer.start();
    }
  });
});
