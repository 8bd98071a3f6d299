// Meeting materials: uploads checked by their bytes (a PDF that is not a PDF is refused, nothing kept), size limit,
// sealed content-addressed storage, per-agenda ordering, access only for the people at the table with clearance,
// and pre-reading marks.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRoom, demoIds, multipart, pdfBytes, shanghai } from '../../../tests/support/meetings.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let clerk: TestClient;
let meetingId: string;
let agenda: Array<{ id: string; title: string }>;

const as = (username: string) => signedIn(t, username);

function upload(client: TestClient, fileName: string, mime: string, content: Buffer, query = '') {
  const { payload, headers } = multipart(fileName, mime, content);
  return client.request('POST', `/api/meetings/${meetingId}/materials${query}`, payload, headers);
}

function storedFiles(): string[] {
  const root = path.join(t.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from('[Content_Types].xml word/document.xml'),
  Buffer.alloc(200),
]);

// Every test on its own app and meeting; the materials a test reads or arranges are uploaded by givenMaterials().
beforeEach(async () => {
  t = await createTestApp({ config: { maxUploadMb: 1 } });
  ids = await demoIds(t);
  clerk = await as('zhaojing');
  const roomId = await addRoom(clerk, '第五会议室');
  const res = await clerk.post('/api/meetings', {
    title: '预算审议会',
    type: 'zhuanti',
    mode: 'in_room',
    roomId,
    startAt: shanghai(t, 2, '09:00'),
    endAt: shanghai(t, 2, '11:00'),
    hostId: ids.users.zhaojing,
    agenda: [{ title: '预算草案', presenterId: ids.users.hejun }, { title: '审计报告' }],
    participants: { users: [{ userId: ids.users.zhangwei }, { userId: ids.users.hejun }], units: [] },
  });
  expect(res.statusCode).toBe(201);
  meetingId = res.json().id;
  agenda = (await clerk.get(`/api/meetings/${meetingId}`)).json().agenda;
});
afterEach(async () => {
  await t.close();
});

/** The budget draft (PDF) uploaded by the clerk under the first agenda item. */
async function givenBudgetDraft(): Promise<void> {
  expect(
    (await upload(clerk, '2027年预算草案.pdf', 'application/pdf', pdfBytes('budget'), `?agendaItemId=${agenda[0]!.id}`))
      .statusCode,
  ).toBe(201);
}

/** The budget draft, 何军's notes on it (DOCX) beside it, and the same PDF again under the second item as 审计引用的预算. */
async function givenMaterials(): Promise<void> {
  await givenBudgetDraft();
  expect(
    (
      await upload(
        await as('hejun'),
        '预算说明.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        DOCX,
        `?agendaItemId=${agenda[0]!.id}`,
      )
    ).statusCode,
  ).toBe(201);
  expect(
    (
      await upload(
        clerk,
        '预算草案（副本）.pdf',
        'application/pdf',
        pdfBytes('budget'),
        `?agendaItemId=${agenda[1]!.id}&title=${encodeURIComponent('审计引用的预算')}`,
      )
    ).statusCode,
  ).toBe(201);
}

describe('uploads', () => {
  it('stores a PDF sealed at the address of its content and lists it under its agenda item', async () => {
    const res = await upload(
      clerk,
      '2027年预算草案.pdf',
      'application/pdf',
      pdfBytes('budget'),
      `?agendaItemId=${agenda[0]!.id}`,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: '2027年预算草案',
      fileName: '2027年预算草案.pdf',
      kind: 'pdf',
      agendaItemId: agenda[0]!.id,
      position: 0,
      size: pdfBytes('budget').length,
      uploadedBy: { displayName: '赵静' },
    });
    const row = await t.app.svc.db.meetingMaterial.findUniqueOrThrow({ where: { id: res.json().id } });
    const file = path.join(t.dataDir, 'files', row.sha256.slice(0, 2), row.sha256);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readFileSync(file).includes(Buffer.from('%PDF'))).toBe(false);
    expect(
      await t.app.svc.db.auditEvent.count({ where: { action: 'meeting.material_upload', resourceId: meetingId } }),
    ).toBe(1);
  });

  it('refuses a mislabeled or unsupported file, and one over the size limit, keeping nothing', async () => {
    const before = { rows: await t.app.svc.db.meetingMaterial.count(), files: storedFiles() };
    const cases: Array<[string, string, Buffer, number, string]> = [
      ['假装是PDF.pdf', 'application/pdf', Buffer.from('这不是 PDF，只是文字'), 415, 'mislabeled_file'],
      [
        '图片.pdf',
        'application/pdf',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
        415,
        'mislabeled_file',
      ],
      ['说明.pdf', 'image/png', pdfBytes(), 415, 'mislabeled_file'],
      ['程序.exe', 'application/octet-stream', Buffer.from('MZ....'), 415, 'unsupported_file_type'],
      ['巨大.pdf', 'application/pdf', Buffer.concat([pdfBytes(), Buffer.alloc(1024 * 1024)]), 413, 'file_too_large'],
    ];
    for (const [name, mime, content, status, code] of cases) {
      const res = await upload(clerk, name, mime, content);
      expect({ name, status: res.statusCode, code: res.json().code }).toEqual({ name, status, code });
    }
    const notMultipart = await clerk.post(`/api/meetings/${meetingId}/materials`, { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect((await upload(clerk, 'a.pdf', 'application/pdf', pdfBytes(), '?agendaItemId=elsewhere')).json().code).toBe(
      'unknown_agenda_item',
    );
    expect(await t.app.svc.db.meetingMaterial.count()).toBe(before.rows);
    expect(storedFiles()).toEqual(before.files);
  });

  it('lets presenters upload for their meeting, not other participants', async () => {
    expect(
      (
        await upload(
          await as('hejun'),
          '预算说明.docx',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          DOCX,
          `?agendaItemId=${agenda[0]!.id}`,
        )
      ).statusCode,
    ).toBe(201);
    expect((await upload(await as('zhangwei'), '我的.pdf', 'application/pdf', pdfBytes())).statusCode).toBe(403);
  });

  it('keeps one stored copy of identical content', async () => {
    await givenBudgetDraft();
    const again = await upload(
      clerk,
      '预算草案（副本）.pdf',
      'application/pdf',
      pdfBytes('budget'),
      `?agendaItemId=${agenda[1]!.id}&title=${encodeURIComponent('审计引用的预算')}`,
    );
    expect(again.statusCode).toBe(201);
    expect(again.json().title).toBe('审计引用的预算');
    const rows = await t.app.svc.db.meetingMaterial.findMany({ where: { meetingId }, select: { sha256: true } });
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(rows.length - 1);
  });
});

describe('reading', () => {
  it('serves the file to participants and marks who opened it; organisers see the marks', async () => {
    await givenMaterials();
    const detail = (await clerk.get(`/api/meetings/${meetingId}`)).json();
    const pdf = detail.materials.find(
      (m: { kind: string; agendaItemId: string }) => m.kind === 'pdf' && m.agendaItemId === agenda[0]!.id,
    );
    const zhang = await as('zhangwei');
    const res = await zhang.get(`/api/meetings/${meetingId}/materials/${pdf.id}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('2027年预算草案.pdf')}`,
    );
    expect(res.rawPayload.equals(pdfBytes('budget'))).toBe(true);
    await zhang.get(`/api/meetings/${meetingId}/materials/${pdf.id}/content`);
    const docx = detail.materials.find((m: { kind: string }) => m.kind === 'docx');
    expect(
      (await zhang.get(`/api/meetings/${meetingId}/materials/${docx.id}/content`)).headers['content-disposition'],
    ).toMatch(/^attachment;/);

    const mine = (await zhang.get(`/api/meetings/${meetingId}`)).json();
    expect(mine.materials.find((m: { id: string }) => m.id === pdf.id)).toMatchObject({
      openedAt: expect.any(String),
      readers: null,
    });
    const readers = (await clerk.get(`/api/meetings/${meetingId}/readers`)).json();
    const entry = readers.items.find((i: { materialId: string }) => i.materialId === pdf.id);
    expect(entry.readers).toEqual([
      expect.objectContaining({ userId: ids.users.zhangwei, displayName: '张伟', count: 2 }),
    ]);
    expect(entry.notYet.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['何军', '赵静'].sort());
    expect((await zhang.get(`/api/meetings/${meetingId}/readers`)).statusCode).toBe(403);
    expect(
      await t.app.svc.db.auditEvent.count({ where: { action: 'meeting.material_open', actorId: ids.users.zhangwei } }),
    ).toBe(3);
  });

  it('keeps materials from people outside the table, even in the organising unit, and from people without clearance', async () => {
    await givenMaterials();
    const { materials } = (await clerk.get(`/api/meetings/${meetingId}`)).json();
    expect(
      (await (await as('matao')).get(`/api/meetings/${meetingId}/materials/${materials[0].id}/content`)).statusCode,
    ).toBe(404);

    // 李华 (区发改委) calls a meeting; her colleague 张伟 sees it on the unit calendar but is not at the table.
    const lihua = await signedInWithMfa(t, 'lihua');
    const own = await lihua.post('/api/meetings', {
      title: '发改委主任办公会',
      type: 'bangong',
      mode: 'online',
      startAt: shanghai(t, 3, '15:00'),
      endAt: shanghai(t, 3, '16:00'),
      participants: { users: [{ userId: ids.users.hejun }], units: [] },
    });
    expect(own.statusCode).toBe(201);
    const { payload, headers } = multipart('议题.pdf', 'application/pdf', pdfBytes('ndrc'));
    const material = await lihua.request('POST', `/api/meetings/${own.json().id}/materials`, payload, headers);
    expect(material.statusCode).toBe(201);
    const colleague = await as('zhangwei');
    const view = await colleague.get(`/api/meetings/${own.json().id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().materials).toBeNull();
    expect(
      (await colleague.get(`/api/meetings/${own.json().id}/materials/${material.json().id}/content`)).statusCode,
    ).toBe(403);
    expect(
      (await (await as('hejun')).get(`/api/meetings/${own.json().id}/materials/${material.json().id}/content`))
        .statusCode,
    ).toBe(200);
    // Raising the meeting to 秘密 is refused while uncleared people are at the table.
    expect((await clerk.patch(`/api/meetings/${meetingId}`, { classification: 'secret' })).json().code).toBe(
      'participant_clearance',
    );
  });
});

describe('arranging', () => {
  it('orders materials within an agenda item, moves one in, refuses an incomplete order, removes one', async () => {
    await givenMaterials();
    const { materials } = (await clerk.get(`/api/meetings/${meetingId}`)).json() as {
      materials: Array<{ id: string; agendaItemId: string | null; title: string }>;
    };
    const first = materials.filter((m) => m.agendaItemId === agenda[0]!.id).map((m) => m.id);
    const second = materials.filter((m) => m.agendaItemId === agenda[1]!.id).map((m) => m.id);
    expect(first).toHaveLength(2);
    const incomplete = await clerk.put(`/api/meetings/${meetingId}/materials/order`, {
      agendaItemId: agenda[0]!.id,
      ids: [first[1]],
    });
    expect(incomplete.json().code).toBe('order_incomplete');
    const res = await clerk.put(`/api/meetings/${meetingId}/materials/order`, {
      agendaItemId: agenda[0]!.id,
      ids: [second[0], first[1], first[0]],
    });
    expect(res.statusCode).toBe(200);
    const after = (await clerk.get(`/api/meetings/${meetingId}`)).json().materials as Array<{
      id: string;
      agendaItemId: string;
      position: number;
    }>;
    expect(
      after
        .filter((m) => m.agendaItemId === agenda[0]!.id)
        .sort((a, b) => a.position - b.position)
        .map((m) => m.id),
    ).toEqual([second[0], first[1], first[0]]);

    expect(
      (await (await as('zhangwei')).request('DELETE', `/api/meetings/${meetingId}/materials/${first[0]}`)).statusCode,
    ).toBe(403);
    expect((await clerk.request('DELETE', `/api/meetings/${meetingId}/materials/${first[0]}`)).statusCode).toBe(200);
    expect(
      (await clerk.get(`/api/meetings/${meetingId}`)).json().materials.map((m: { id: string }) => m.id),
    ).not.toContain(first[0]);
    expect((await clerk.get(`/api/meetings/${meetingId}/materials/${first[0]}/content`)).statusCode).toBe(404);
    expect(
      await t.app.svc.db.auditEvent.count({
        where: { action: { in: ['meeting.material_order', 'meeting.material_remove'] }, resourceId: meetingId },
      }),
    ).toBe(2);
  });
});
