// OCR of scanned paper, end to end on real tools: Chinese text the test sets in a PDF, rasterised at 300 dpi and
// wrapped back as an image-only PDF (or a PNG), is uploaded as a meeting material or as a 收文's scan; the upload answers
// at once, the background job recognises it page by page (tesseract chi_sim), ≥ 95% of the characters come back, the
// text is found by /api/search and can become a new draft — for those who may read the file, and no one else. A
// damaged file ends as failed without stopping the next one; a job stopped half-way goes on after a restart from the
// page it had reached. Waits on the job's and the indexer's events, never sleeps.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaterialOcrList, RecognisedText } from '../../common/ocr/ocrApi.ts';
import type { SearchPage } from '../../common/search/searchApi.ts';
import { buildApp } from '../app.ts';
import { documentText } from '../search/searchSources.ts';
import { addRoom, multipart, shanghai } from '../../tests/support/meetings.ts';
import { OFFICIAL_DOCS } from '../../tests/support/officialDocs.ts';
import { characterAccuracy, scannedPdf, scannedPng, textPdf } from '../../tests/support/scannedPaper.ts';
import { createTestApp, signedIn, TestClient, type TestApp } from '../../tests/support/testApp.ts';
import type { OcrFinishedEvent, OcrPageEvent, OcrRecognition } from './ocrRecognition.ts';
import type { SearchIndexer } from './searchIndexer.ts';

const FLOOD = [
  [
    '关于做好防汛抗旱工作的通知',
    '各街道办事处，区政府各部门：',
    '为切实做好今年汛期各项准备工作，',
    '确保人民群众生命财产安全，',
    '现将有关事项通知如下。',
  ],
  [
    '请各单位压实防汛责任，落实包保制度；',
    '排查整治隐患，加固堤防设施；',
    '加强值班值守，及时报送信息。',
    '特此通知。',
  ],
];
const LETTER = [
  '关于报送老旧小区改造计划的函',
  '区发改委：',
  '根据市政府工作安排，请于本月二十日前',
  '报送老旧小区改造项目清单，',
  '并附资金测算表和实施进度安排。',
  '联系人：王明，电话：八八六六。',
];
const IMAGE = ['会议签到须知', '请参会人员提前十分钟到场签到。'];

const allText = (pages: readonly (readonly string[])[]) => pages.map((p) => p.join('\n')).join('\n');

/** Resolves once `check` holds, asking again after each event of `on` (and once at once); fails after `ms`. */
function when(on: (listener: () => void) => () => void, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let off = () => {};
    const timer = setTimeout(() => {
      off();
      reject(new Error(`not within ${ms} ms`));
    }, ms);
    const ask = () => {
      check().then(
        (ok) => {
          if (!ok) return;
          clearTimeout(timer);
          off();
          resolve();
        },
        (err: unknown) => {
          clearTimeout(timer);
          off();
          reject(err as Error);
        },
      );
    };
    off = on(ask);
    ask();
  });
}

const onIndexed = (indexer: SearchIndexer) => (listener: () => void) => {
  indexer.events.on('indexed', listener);
  return () => indexer.events.off('indexed', listener);
};

async function search(client: TestClient, q: string): Promise<SearchPage> {
  const res = await client.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchPage;
}

/** A meeting of 区政府办 (zhaojing) with 张伟 invited; 何军 of another bureau is not. */
async function givenMeeting(t: TestApp, clerk: TestClient, ids: Record<string, string>, title: string) {
  const res = await clerk.post('/api/meetings', {
    title,
    type: 'zhuanti',
    mode: 'in_room',
    roomId: await addRoom(clerk, `${title}会议室`),
    startAt: shanghai(t, 2, '09:00'),
    endAt: shanghai(t, 2, '10:00'),
    hostId: ids.zhaojing,
    participants: { users: [{ userId: ids.zhangwei }], units: [] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function uploadMaterial(clerk: TestClient, meetingId: string, fileName: string, mime: string, bytes: Buffer) {
  const { payload, headers } = multipart(fileName, mime, bytes);
  const res = await clerk.request('POST', `/api/meetings/${meetingId}/materials`, payload, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Runs the job once and collects its events. */
async function runJob(job: OcrRecognition) {
  const pages: OcrPageEvent[] = [];
  const finished: OcrFinishedEvent[] = [];
  const onPage = (e: OcrPageEvent) => pages.push(e);
  const onFinished = (e: OcrFinishedEvent) => finished.push(e);
  job.events.on('page', onPage).on('finished', onFinished);
  try {
    const run = await job.tick();
    return { run, pages, finished };
  } finally {
    job.events.off('page', onPage).off('finished', onFinished);
  }
}

describe('OCR of scanned materials and 收文', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const as: Record<string, TestClient> = {};
  let meetingId: string;
  let scannedId: string;

  beforeAll(async () => {
    // The OCR timer is off: each test runs the job itself (job.tick()), so what is queued when is certain.
    t = await createTestApp({
      clockAt: new Date('2026-03-10T01:00:00Z'),
      config: { searchTickSeconds: 1, ocrTickSeconds: 0 },
    });
    for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
    for (const name of ['zhaojing', 'zhangwei', 'hejun', 'qianwen']) as[name] = await signedIn(t, name);
    meetingId = await givenMeeting(t, as.zhaojing!, ids, '防汛工作专题会');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers the upload at once, then recognises a scanned PDF page by page: ≥ 95% of the characters', async () => {
    const pdf = await scannedPdf(FLOOD);
    scannedId = await uploadMaterial(as.zhaojing!, meetingId, '防汛通知扫描件.pdf', 'application/pdf', pdf);
    // The upload answered before any recognition: the file waits in the queue.
    const queued = (await as.zhangwei!.get(`/api/meetings/${meetingId}/materials/ocr`)).json() as MaterialOcrList;
    expect(queued.items).toEqual([
      { materialId: scannedId, state: 'queued', pagesDone: 0, pagesTotal: null, error: null },
    ]);
    const { run, pages, finished } = await runJob(t.app.jobs.ocr);
    expect(run.finished).toBe(1);
    expect(pages.map((p) => [p.page, p.pagesTotal])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(finished.map((f) => f.state)).toEqual(['done']);
    const list = (await as.zhangwei!.get(`/api/meetings/${meetingId}/materials/ocr`)).json() as MaterialOcrList;
    expect(list.items).toEqual([{ materialId: scannedId, state: 'done', pagesDone: 2, pagesTotal: 2, error: null }]);
    const res = await as.zhangwei!.get(`/api/meetings/${meetingId}/materials/${scannedId}/text`);
    expect(res.statusCode, res.body).toBe(200);
    const { text } = res.json() as RecognisedText;
    const accuracy = characterAccuracy(allText(FLOOD), text ?? '');
    console.log(`OCR character accuracy on the 2-page scanned PDF: ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    // The job wrote an audit event naming the material's meeting, for the indexer's feed.
    const event = await t.app.svc.db.auditEvent.findFirst({ where: { action: 'ocr.finish', resourceId: meetingId } });
    expect(JSON.parse(event!.detail)).toMatchObject({ materialId: scannedId, state: 'done', pages: 2 });
  }, 60_000);

  it('makes the recognised text searchable for those who may read the material, and for no one else', async () => {
    await when(onIndexed(t.app.jobs.searchIndexer), async () => (await search(as.zhangwei!, '加固堤防设施')).total > 0);
    const hit = (await search(as.zhangwei!, '加固堤防设施')).hits[0]!;
    expect(hit).toMatchObject({ kind: 'material', id: scannedId, parentId: meetingId });
    expect(hit.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['加固堤防设施']);
    expect((await search(as.hejun!, '加固堤防设施')).total).toBe(0);
    expect((await as.hejun!.get(`/api/meetings/${meetingId}/materials/${scannedId}/text`)).statusCode).toBe(404);
    expect((await as.hejun!.post(`/api/meetings/${meetingId}/materials/${scannedId}/text/draft`)).statusCode).toBe(404);
    expect((await as.hejun!.get(`/api/meetings/${meetingId}/materials/ocr`)).statusCode).toBe(404);
  }, 30_000);

  it('turns the recognised text into a new draft of the reader, at the meeting’s classification', async () => {
    const res = await as.zhangwei!.post(`/api/meetings/${meetingId}/materials/${scannedId}/text/draft`);
    expect(res.statusCode, res.body).toBe(201);
    const draft = await t.app.svc.db.document.findUniqueOrThrow({ where: { id: res.json().id as string } });
    expect(draft).toMatchObject({ kind: 'draft', ownerId: ids.zhangwei, title: '防汛通知扫描件（识别文字）' });
    const meeting = await t.app.svc.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(draft.classification).toBe(meeting.classification);
    const body = await documentText(t.app.svc, draft.id);
    expect(characterAccuracy(allText(FLOOD), body)).toBeGreaterThanOrEqual(0.95);
    expect(body).toContain('加固堤防设施');
  });

  it('marks a damaged file failed with its reason and goes on with the next one; a PDF with text needs no OCR', async () => {
    // Starts like a PDF (the upload check passes) but has no page: pdfinfo gives up on it.
    const shell = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const broken = await uploadMaterial(as.zhaojing!, meetingId, '损坏扫描件.pdf', 'application/pdf', shell);
    // A PNG header with nothing decodable after it.
    const png = Buffer.concat([(await scannedPng(IMAGE)).subarray(0, 64), Buffer.alloc(64)]);
    const garbled = await uploadMaterial(as.zhaojing!, meetingId, '损坏照片.png', 'image/png', png);
    const image = await uploadMaterial(as.zhaojing!, meetingId, '签到须知.png', 'image/png', await scannedPng(IMAGE));
    const typed = await uploadMaterial(
      as.zhaojing!,
      meetingId,
      '会议议程.pdf',
      'application/pdf',
      await textPdf([IMAGE]),
    );
    const { run, finished } = await runJob(t.app.jobs.ocr);
    expect(run.finished).toBe(4);
    expect(finished.map((f) => f.state)).toEqual(['failed', 'failed', 'done', 'text_layer']);
    const list = (await as.zhangwei!.get(`/api/meetings/${meetingId}/materials/ocr`)).json() as MaterialOcrList;
    const of = (id: string) => list.items.find((i) => i.materialId === id);
    expect(of(broken)).toMatchObject({ state: 'failed', error: 'unreadable', pagesDone: 0 });
    expect(of(garbled)).toMatchObject({ state: 'failed', error: 'unreadable' });
    expect(of(image)).toMatchObject({ state: 'done', pagesDone: 1, pagesTotal: 1 });
    expect(of(typed)).toMatchObject({ state: 'text_layer', error: null });
    const text = (
      await as.zhangwei!.get(`/api/meetings/${meetingId}/materials/${image}/text`)
    ).json() as RecognisedText;
    expect(characterAccuracy(IMAGE.join('\n'), text.text ?? '')).toBeGreaterThanOrEqual(0.95);
    // A failed file has no text to copy: a clear refusal, not a 5xx.
    const draft = await as.zhangwei!.post(`/api/meetings/${meetingId}/materials/${broken}/text/draft`);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe('ocr_not_done');
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'ocr.fail', resourceId: meetingId } })).toBe(2);
  }, 60_000);

  it('queues by itself the files stored before OCR existed (no job row), and recognises them', async () => {
    const image = await uploadMaterial(as.zhaojing!, meetingId, '旧照片.png', 'image/png', await scannedPng(IMAGE));
    const { sha256 } = await t.app.svc.db.meetingMaterial.findUniqueOrThrow({ where: { id: image } });
    // As if uploaded by a version without OCR: the file is stored, no job knows it.
    await t.app.svc.db.ocrJob.delete({ where: { sha256 } });
    const { finished } = await runJob(t.app.jobs.ocr);
    expect(finished).toEqual([{ sha256, state: 'done' }]);
  }, 60_000);

  it('leaves the queue as it is while tesseract is missing (the machine’s fault, not the file’s), then goes on', async () => {
    const lines = ['会场纪律', '请将手机调至静音状态。'];
    const image = await uploadMaterial(as.zhaojing!, meetingId, '会场纪律.png', 'image/png', await scannedPng(lines));
    const { sha256 } = await t.app.svc.db.meetingMaterial.findUniqueOrThrow({ where: { id: image } });
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect((await runJob(t.app.jobs.ocr)).finished).toEqual([]);
    } finally {
      process.env.PATH = path;
    }
    expect(await t.app.svc.db.ocrJob.findUniqueOrThrow({ where: { sha256 } })).toMatchObject({ error: null });
    expect((await runJob(t.app.jobs.ocr)).finished).toEqual([{ sha256, state: 'done' }]);
  }, 60_000);

  it('recognises the scan of a 收文 from paper: found by its words, readable by the unit, not by another', async () => {
    const registered = await as.qianwen!.post(`${OFFICIAL_DOCS}/incoming`, {
      origin: 'paper',
      title: '关于报送改造计划的函',
      kind: 'letter',
      sourceUnit: '市住建委',
      copies: 1,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const id = registered.json().id as string;
    const { payload, headers } = multipart('来文扫描.pdf', 'application/pdf', await scannedPdf([LETTER]));
    const attached = await as.qianwen!.request('PUT', `${OFFICIAL_DOCS}/${id}/scan`, payload, headers);
    expect(attached.statusCode, attached.body).toBe(200);
    expect((await as.zhangwei!.get(`${OFFICIAL_DOCS}/${id}/incoming`)).json().scan.ocr).toEqual({
      state: 'queued',
      pagesDone: 0,
      pagesTotal: null,
      error: null,
    });
    const { finished } = await runJob(t.app.jobs.ocr);
    expect(finished.map((f) => f.state)).toEqual(['done']);
    expect((await as.zhangwei!.get(`${OFFICIAL_DOCS}/${id}/incoming`)).json().scan.ocr).toMatchObject({
      state: 'done',
      pagesDone: 1,
      pagesTotal: 1,
    });
    const res = await as.zhangwei!.get(`${OFFICIAL_DOCS}/${id}/scan/text`);
    expect(res.statusCode, res.body).toBe(200);
    const accuracy = characterAccuracy(LETTER.join('\n'), (res.json() as RecognisedText).text ?? '');
    console.log(`OCR character accuracy on the 收文 scan: ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    await when(onIndexed(t.app.jobs.searchIndexer), async () => (await search(as.zhangwei!, '资金测算表')).total > 0);
    expect((await search(as.zhangwei!, '资金测算表')).hits[0]).toMatchObject({ kind: 'officialDoc', id });
    expect((await search(as.hejun!, '资金测算表')).total).toBe(0);
    expect((await as.hejun!.get(`${OFFICIAL_DOCS}/${id}/scan/text`)).statusCode).toBe(404);
    expect((await as.hejun!.post(`${OFFICIAL_DOCS}/${id}/scan/text/draft`)).statusCode).toBe(404);
    const draft = await as.zhangwei!.post(`${OFFICIAL_DOCS}/${id}/scan/text/draft`);
    expect(draft.statusCode, draft.body).toBe(201);
    expect(await documentText(t.app.svc, draft.json().id as string)).toContain('资金测算表');
    // Reading the text is left in the 查阅留痕, as opening the scan is.
    const trail = await t.app.svc.db.officialDocumentEvent.findMany({
      where: { officialDocumentId: id, kind: 'download', userId: ids.zhangwei },
    });
    expect(trail.map((e) => JSON.parse(e.detail).what)).toContain('scan_text');
  }, 60_000);
});

describe('an OCR job stopped half-way', () => {
  it('goes on after a restart from the page it had reached, and shows its progress meanwhile', async () => {
    const pagesOf = Array.from({ length: 4 }, (_, i) => [`第${'一二三四'[i]}页`, ...FLOOD[i % 2]!]);
    const t = await createTestApp({
      clockAt: new Date('2026-03-10T01:00:00Z'),
      config: { searchTickSeconds: 0, ocrTickSeconds: 0 },
    });
    let dataDirKept = false;
    try {
      const ids: Record<string, string> = {};
      for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
      const clerk = await signedIn(t, 'zhaojing');
      const meetingId = await givenMeeting(t, clerk, ids, '汛期准备会');
      const materialId = await uploadMaterial(
        clerk,
        meetingId,
        '四页扫描件.pdf',
        'application/pdf',
        await scannedPdf(pagesOf),
      );
      const { sha256 } = await t.app.svc.db.meetingMaterial.findUniqueOrThrow({ where: { id: materialId } });
      // Stop the app once the first page is kept: the page under way then finishes, the rest waits.
      const job = t.app.jobs.ocr;
      const closed = new Promise<void>((resolve, reject) => {
        job.events.on('page', (e) => {
          if (e.page === 1) t.app.close().then(resolve, reject);
        });
      });
      void job.tick();
      await closed;
      dataDirKept = true;
      const restart = async (ocrTickSeconds: number) => {
        const app = await buildApp({
          config: {
            dataDir: t.dataDir,
            databaseUrl: t.databaseUrl,
            publicUrl: 'http://localhost:3000',
            searchTickSeconds: 0,
            ocrTickSeconds,
          },
          clock: t.clock,
          serveClient: false,
          logger: false,
        });
        await app.ready();
        return app;
      };
      // Started again with the OCR timer off: the job stands where it stopped, and the API shows how far it got.
      const paused = await restart(0);
      let pagesDone: number;
      try {
        const stopped = await paused.svc.db.ocrJob.findUniqueOrThrow({ where: { sha256 } });
        expect(stopped).toMatchObject({ state: 'running', pagesTotal: 4 });
        pagesDone = stopped.pagesDone;
        expect(pagesDone).toBeGreaterThanOrEqual(1);
        expect(pagesDone).toBeLessThan(4);
        const reader = new TestClient(paused);
        expect((await reader.signIn('zhangwei')).statusCode).toBe(200);
        expect((await reader.get(`/api/meetings/${meetingId}/materials/ocr`)).json()).toEqual({
          items: [{ materialId, state: 'running', pagesDone, pagesTotal: 4, error: null }],
        });
      } finally {
        await paused.close();
      }
      // Started with its timer on, the job goes on by itself from the next page.
      const restarted = await buildApp({
        config: {
          dataDir: t.dataDir,
          databaseUrl: t.databaseUrl,
          publicUrl: 'http://localhost:3000',
          searchTickSeconds: 0,
          ocrTickSeconds: 1,
        },
        clock: t.clock,
        serveClient: false,
        logger: false,
      });
      try {
        const pages: number[] = [];
        restarted.jobs.ocr.events.on('page', (e) => pages.push(e.page));
        const done = new Promise<OcrFinishedEvent>((resolve) => restarted.jobs.ocr.events.once('finished', resolve));
        await restarted.ready();
        expect((await done).state).toBe('done');
        expect(pages).toEqual(Array.from({ length: 4 - pagesDone }, (_, i) => pagesDone + 1 + i));
        const reader = new TestClient(restarted);
        expect((await reader.signIn('zhangwei')).statusCode).toBe(200);
        const text = (await reader.get(`/api/meetings/${meetingId}/materials/${materialId}/text`)).json();
        const accuracy = characterAccuracy(allText(pagesOf), (text as RecognisedText).text ?? '');
        console.log(`OCR after a restart at page ${pagesDone + 1} of 4: ${(accuracy * 100).toFixed(1)}%`);
        expect(accuracy).toBeGreaterThanOrEqual(0.95);
      } finally {
        await restarted.close();
      }
    } finally {
      if (dataDirKept) fs.rmSync(t.dataDir, { recursive: true, force: true });
      else await t.close();
    }
  }, 120_000);
});
