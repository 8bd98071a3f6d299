// The annotation API: material layers handed out per person, whiteboards per meeting with their first page, a frozen
// screen-share frame stored sealed and added as a page, an exported page appended to the minutes as a figure, and the
// images served only to readers of their document. Bad images are refused by their bytes and leave nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { whiteboardPages } from '../../../common/schema/inkModel.ts';
import { addRoom, demoIds, multipart, pdfBytes, shanghai } from '../../../tests/support/meetings.ts';
import { pngBytes } from '../../../tests/support/png.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const clients: Record<string, TestClient> = {};
let meetingId: string;
let otherMeetingId: string;
let pdfId: string;

const PNG = { 'content-type': 'image/png' };

// Every test on its own app: two meetings on one day, the first with a PDF material.
beforeEach(async () => {
  t = await createTestApp({ config: { maxUploadMb: 1 } });
  ids = await demoIds(t);
  for (const name of ['zhaojing', 'zhangwei', 'hejun', 'sunyue', 'matao']) clients[name] = await signedIn(t, name);
  const roomId = await addRoom(clients.zhaojing!, '第一会议室');
  const schedule = async (hm: string) => {
    const res = await clients.zhaojing!.post('/api/meetings', {
      title: '防汛工作部署会',
      type: 'zhuanti',
      mode: 'in_room',
      roomId,
      startAt: shanghai(t, 3, hm),
      endAt: shanghai(t, 3, `${hm.slice(0, 2)}:50`),
      hostId: ids.users.zhaojing,
      minuteTakerId: ids.users.sunyue,
      agenda: [{ title: '汛情研判', presenterId: ids.users.hejun }],
      participants: { users: [{ userId: ids.users.zhangwei! }, { userId: ids.users.hejun! }], units: [] },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  meetingId = await schedule('09:00');
  otherMeetingId = await schedule('14:00');
  const { payload, headers } = multipart('汛情报告.pdf', 'application/pdf', pdfBytes('flood'));
  pdfId = (await clients.zhaojing!.request('POST', `/api/meetings/${meetingId}/materials`, payload, headers)).json().id;
});
afterEach(async () => {
  await t.close();
});

function storedFiles(): string[] {
  const root = path.join(t.dataDir, 'files');
  return fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => d.name)
        .sort()
    : [];
}

async function liveDoc(documentId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await t.app.svc.collab.currentState(documentId));
  return doc;
}

describe('material layers', () => {
  it('gives everyone at the table the same shared layer and a private one of their own, created once', async () => {
    const first = (await clients.zhangwei!.get(`/api/meetings/${meetingId}/materials/${pdfId}/annotations`)).json();
    const again = (await clients.zhangwei!.get(`/api/meetings/${meetingId}/materials/${pdfId}/annotations`)).json();
    const presenter = (await clients.hejun!.get(`/api/meetings/${meetingId}/materials/${pdfId}/annotations`)).json();
    expect(again).toEqual(first);
    expect(first).toMatchObject({ canModerate: false, canPresent: false });
    expect(presenter).toMatchObject({ canModerate: true, canPresent: true });
    expect(presenter.sharedDocumentId).toBe(first.sharedDocumentId);
    expect(presenter.privateDocumentId).not.toBe(first.privateDocumentId);
    expect((await clients.zhangwei!.post(`/api/documents/${first.sharedDocumentId}/collab-token`)).json().access).toBe(
      'comment',
    );
    expect((await clients.hejun!.post(`/api/documents/${first.sharedDocumentId}/collab-token`)).json().access).toBe(
      'edit',
    );
    expect((await clients.zhangwei!.post(`/api/documents/${first.privateDocumentId}/collab-token`)).json().access).toBe(
      'edit',
    );
    expect(
      await t.app.svc.db.auditEvent.count({
        where: { action: 'document.create', resourceId: { in: [first.sharedDocumentId, first.privateDocumentId] } },
      }),
    ).toBe(2);
  });

  it('refuses people without a seat, unknown or removed materials, and files without pages', async () => {
    expect((await clients.matao!.get(`/api/meetings/${meetingId}/materials/${pdfId}/annotations`)).statusCode).toBe(
      404,
    );
    expect(
      (await clients.zhangwei!.get(`/api/meetings/${otherMeetingId}/materials/${pdfId}/annotations`)).statusCode,
    ).toBe(404);
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('[Content_Types].xml word/document.xml'),
      Buffer.alloc(200),
    ]);
    const { payload, headers } = multipart(
      '讲话稿.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      docx,
    );
    const docxId = (
      await clients.zhaojing!.request('POST', `/api/meetings/${meetingId}/materials`, payload, headers)
    ).json().id;
    expect(
      (await clients.zhangwei!.get(`/api/meetings/${meetingId}/materials/${docxId}/annotations`)).json().code,
    ).toBe('not_annotatable');
    const { payload: p2, headers: h2 } = multipart('作废.pdf', 'application/pdf', pdfBytes('void'));
    const removedId = (await clients.zhaojing!.request('POST', `/api/meetings/${meetingId}/materials`, p2, h2)).json()
      .id;
    const layers = (
      await clients.zhangwei!.get(`/api/meetings/${meetingId}/materials/${removedId}/annotations`)
    ).json();
    expect(
      (await clients.zhaojing!.request('DELETE', `/api/meetings/${meetingId}/materials/${removedId}`)).statusCode,
    ).toBe(200);
    expect(
      (await clients.zhangwei!.get(`/api/meetings/${meetingId}/materials/${removedId}/annotations`)).statusCode,
    ).toBe(404);
    expect((await clients.zhangwei!.post(`/api/documents/${layers.sharedDocumentId}/collab-token`)).statusCode).toBe(
      404,
    );
  });
});

/** A whiteboard 何军 (presenter) adds to the first meeting; returns its document id. */
async function givenWhiteboard(): Promise<string> {
  const created = await clients.hejun!.post(`/api/meetings/${meetingId}/whiteboards`, { title: '汛情示意图' });
  expect(created.statusCode).toBe(201);
  return created.json().documentId as string;
}

describe('whiteboards', () => {
  let whiteboardId: string;

  it('are added by organisers, the host and presenters, with one blank page, and listed for everyone at the table', async () => {
    expect((await clients.zhangwei!.post(`/api/meetings/${meetingId}/whiteboards`, { title: '讨论' })).statusCode).toBe(
      403,
    );
    const created = await clients.hejun!.post(`/api/meetings/${meetingId}/whiteboards`, { title: '汛情示意图' });
    expect(created.statusCode).toBe(201);
    whiteboardId = created.json().documentId;
    expect(created.json().title).toBe('汛情示意图');
    const listed = (await clients.zhangwei!.get(`/api/meetings/${meetingId}/whiteboards`)).json();
    expect(listed).toMatchObject({
      items: [{ documentId: whiteboardId, title: '汛情示意图', createdById: ids.users.hejun }],
      canCreate: false,
    });
    expect((await clients.zhaojing!.get(`/api/meetings/${meetingId}/whiteboards`)).json().canCreate).toBe(true);
    expect((await clients.matao!.get(`/api/meetings/${meetingId}/whiteboards`)).statusCode).toBe(404);
    expect(whiteboardPages(await liveDoc(whiteboardId))).toMatchObject([
      { background: 'blank', createdBy: ids.users.hejun },
    ]);
    expect((await clients.zhangwei!.post(`/api/documents/${whiteboardId}/collab-token`)).json().access).toBe('comment');
    expect((await clients.zhangwei!.post(`/api/meetings/${meetingId}/whiteboards`, { title: '' })).statusCode).toBe(
      400,
    );
  });

  it('include a default one per meeting, made once when anyone at the table first asks', async () => {
    const lists = await Promise.all(
      [clients.zhangwei!, clients.hejun!, clients.zhangwei!].map((c) =>
        c.get(`/api/meetings/${otherMeetingId}/whiteboards`),
      ),
    );
    const items = lists.map((r) => r.json().items as Array<{ documentId: string }>);
    expect(items[0]).toHaveLength(1);
    expect(new Set(items.map((i) => i[0]!.documentId)).size).toBe(1);
    expect(whiteboardPages(await liveDoc(items[0]![0]!.documentId))).toHaveLength(1);
    expect(lists[1]!.json()).toMatchObject({ canCreate: true, canModerate: true, canPresent: true });
    expect((await clients.matao!.get(`/api/meetings/${otherMeetingId}/whiteboards`)).statusCode).toBe(404);
  });

  it('take a frozen screen frame as a new page; its image is sealed and served to the people at the table only', async () => {
    whiteboardId = await givenWhiteboard();
    const frame = pngBytes(1920, 1080);
    const res = await clients.hejun!.request(
      'POST',
      `/api/meetings/${meetingId}/whiteboards/${whiteboardId}/snapshots`,
      frame,
      PNG,
    );
    expect(res.statusCode).toBe(201);
    const { fileId, url, pageId, width, height } = res.json();
    expect({ width, height }).toEqual({ width: 1920, height: 1080 });
    expect(url).toBe(`/api/documents/${whiteboardId}/images/${fileId}`);
    expect(whiteboardPages(await liveDoc(whiteboardId)).at(-1)).toMatchObject({
      id: pageId,
      background: { snapshotFileId: fileId },
      createdBy: ids.users.hejun,
    });
    const seen = await clients.zhangwei!.get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect(seen.rawPayload.equals(frame)).toBe(true);
    expect((await clients.matao!.get(url)).statusCode).toBe(404);
    const row = await t.app.svc.db.documentImage.findUniqueOrThrow({ where: { id: fileId } });
    const sealed = fs.readFileSync(path.join(t.dataDir, 'files', row.sha256.slice(0, 2), row.sha256));
    expect(sealed.includes(frame.subarray(0, 16))).toBe(false);
    expect(
      await t.app.svc.db.auditEvent.count({ where: { action: 'meeting.whiteboard_snapshot', resourceId: meetingId } }),
    ).toBe(1);
  });

  it("refuses snapshots that are not PNG, too big or too large, from non-presenters, or for another meeting's whiteboard, keeping nothing", async () => {
    whiteboardId = await givenWhiteboard();
    const before = {
      files: storedFiles(),
      rows: await t.app.svc.db.documentImage.count(),
      pages: whiteboardPages(await liveDoc(whiteboardId)).length,
    };
    const post = (
      client: TestClient,
      body: Buffer | object,
      headers: Record<string, string> = PNG,
      meeting = meetingId,
    ) => client.request('POST', `/api/meetings/${meeting}/whiteboards/${whiteboardId}/snapshots`, body, headers);
    const cases: Array<[string, Promise<{ statusCode: number; json(): { code: string } }>, number, string]> = [
      [
        'a JPEG sent as PNG',
        post(clients.hejun!, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)])),
        415,
        'not_png',
      ],
      [
        'an SVG sent as PNG',
        post(clients.hejun!, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
        415,
        'not_png',
      ],
      ['JSON', post(clients.hejun!, { png: 'x' }, {}), 415, 'png_required'],
      [
        'over the size limit',
        post(clients.hejun!, Buffer.concat([pngBytes(100, 100), Buffer.alloc(1024 * 1024)])),
        413,
        'file_too_large',
      ],
      ['a decompression bomb', post(clients.hejun!, pngBytes(60_000, 60_000)), 422, 'image_too_large'],
      ['a participant', post(clients.zhangwei!, pngBytes(10, 10)), 403, 'forbidden'],
      ['another meeting', post(clients.zhaojing!, pngBytes(10, 10), PNG, otherMeetingId), 404, 'not_found'],
    ];
    for (const [label, request, status, code] of cases) {
      const res = await request;
      expect({ label, status: res.statusCode, code: res.json().code }).toEqual({ label, status, code });
    }
    expect(storedFiles()).toEqual(before.files);
    expect(await t.app.svc.db.documentImage.count()).toBe(before.rows);
    expect(whiteboardPages(await liveDoc(whiteboardId))).toHaveLength(before.pages);
  });
});

describe('attaching a page to the minutes', () => {
  const attach = (
    client: TestClient,
    body: Buffer,
    query = '?caption=%E7%99%BD%E6%9D%BF%E7%AC%AC1%E9%A1%B5&sourceType=whiteboard&sourceId=wb1&page=p1',
  ) => client.request('POST', `/api/meetings/${meetingId}/minutes/attachments${query}`, body, PNG);

  /** A minutes document for the first meeting, written straight to the database: no minutes workflow row yet. */
  async function givenMinutesDocument() {
    return t.app.svc.db.document.create({
      data: {
        kind: 'minutes',
        title: '防汛工作部署会纪要',
        unitId: (await t.app.svc.db.user.findUniqueOrThrow({ where: { id: ids.users.sunyue! } })).unitId,
        ownerId: ids.users.sunyue!,
        classification: 1,
        contextType: 'meeting',
        contextId: meetingId,
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      },
    });
  }

  it('waits for the minutes to exist', async () => {
    expect((await attach(clients.zhaojing!, pngBytes(800, 600))).json().code).toBe('no_minutes');
  });

  it("appends a captioned figure that everyone editing sees, served to the minutes' readers", async () => {
    const minutes = await givenMinutesDocument();
    const page = pngBytes(1600, 1200);
    const res = await attach(clients.hejun!, page);
    expect(res.statusCode).toBe(201);
    const { minutesDocumentId, imageId, url } = res.json();
    expect(minutesDocumentId).toBe(minutes.id);
    const fragment = (await liveDoc(minutes.id)).getXmlFragment(DOCUMENT_FIELD);
    const figure = fragment.get(fragment.length - 1) as Y.XmlElement;
    expect(figure.nodeName).toBe('image');
    expect(figure.getAttribute('src')).toBe(url);
    expect((fragment.get(fragment.length - 2) as Y.XmlElement).toString()).toContain('白板第1页');
    expect((await clients.sunyue!.get(url)).rawPayload.equals(page)).toBe(true);
    // People at the table read the minutes being drafted (as they read the materials); others do not.
    expect((await clients.zhangwei!.get(url)).statusCode).toBe(200);
    expect((await clients.matao!.get(url)).statusCode).toBe(404);
    const audit = await t.app.svc.db.auditEvent.findFirstOrThrow({
      where: { action: 'minutes.image_attach', resourceId: meetingId },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({
      imageId,
      minutesDocumentId,
      source: { type: 'whiteboard', id: 'wb1', page: 'p1' },
    });
  });

  it('is for presenters, the host and the minute-taker; refuses bad images and final minutes', async () => {
    await givenMinutesDocument();
    expect((await attach(clients.zhangwei!, pngBytes(10, 10))).statusCode).toBe(403);
    expect((await attach(clients.sunyue!, pngBytes(10, 10))).statusCode).toBe(201);
    expect((await attach(clients.sunyue!, Buffer.from('GIF89a....'))).json().code).toBe('not_png');
    expect((await attach(clients.sunyue!, pngBytes(10, 10), '?caption=')).statusCode).toBe(400);
    const minutes = await t.app.svc.db.document.findFirstOrThrow({ where: { kind: 'minutes', contextId: meetingId } });
    // The minutes workflow's own state decides once it has a row: finalised minutes are being confirmed, not edited.
    await t.app.svc.db.meetingMinutes.create({
      data: {
        meetingId,
        documentId: minutes.id,
        status: 'confirming',
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      },
    });
    expect((await attach(clients.sunyue!, pngBytes(10, 10))).json().code).toBe('minutes_final');
    await t.app.svc.db.meetingMinutes.update({ where: { meetingId }, data: { status: 'drafting' } });
    expect((await attach(clients.sunyue!, pngBytes(10, 10))).statusCode).toBe(201);
    await t.app.svc.db.document.update({ where: { id: minutes.id }, data: { status: 'finalised' } });
    expect((await attach(clients.sunyue!, pngBytes(10, 10))).json().code).toBe('minutes_final');
  });

  it('serves an image only under its own document', async () => {
    await givenWhiteboard();
    await givenMinutesDocument();
    expect((await attach(clients.hejun!, pngBytes(1600, 1200))).statusCode).toBe(201);
    const image = await t.app.svc.db.documentImage.findFirstOrThrow({ where: { purpose: 'minutes_attachment' } });
    const whiteboard = await t.app.svc.db.document.findFirstOrThrow({
      where: { kind: 'whiteboard', contextId: meetingId },
    });
    expect((await clients.hejun!.get(`/api/documents/${whiteboard.id}/images/${image.id}`)).statusCode).toBe(404);
  });
});
