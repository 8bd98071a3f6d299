// 附件 over HTTP: the drafter attaches real files (a PDF, a DOCX) checked by their content, names, renames, reorders and
// removes them while the 公文 is a draft (the 附件说明 follows, the format check holds it against the files); others
// may not, and from 签发 on nobody may. Downloads are 查阅留痕. Sealing signs the attachments' SM3: the verify endpoint
// and the CLI accept each attachment (and say of which 公文) and refuse a copy with one byte changed.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, pdfBytes } from '../../../tests/support/meetings.ts';
import {
  givenAttachment,
  givenOfficialDoc,
  givenSubmitted,
  OFFICIAL_DOCS,
} from '../../../tests/support/officialDocs.ts';
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
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-attachments-'));
const root = path.resolve(import.meta.dirname, '../../..');

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The start of a real Word file: a zip whose first entries name its parts. */
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from('[Content_Types].xml word/document.xml 防汛责任人名单'),
  Buffer.alloc(200),
]);

const attachments = (client: TestClient, id: string) => client.get(`${OFFICIAL_DOCS}/${id}/attachments`);
const upload = (client: TestClient, id: string, fileName: string, mime: string, content: Buffer, name?: string) => {
  const { payload, headers } = multipart(fileName, mime, content);
  const query = name === undefined ? '' : `?name=${encodeURIComponent(name)}`;
  return client.request('POST', `${OFFICIAL_DOCS}/${id}/attachments${query}`, payload, headers);
};
const verify = (client: TestClient, bytes: Buffer, name: string) => {
  const { payload, headers } = multipart(name, 'application/octet-stream', bytes);
  return client.request('POST', '/api/seals/verify', payload, headers);
};

/** `npm run cli -- verify-document FILE` against the test server's data directory. */
async function cliVerify(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/cli/main.ts', 'verify-document', file],
      { cwd: root, env: t.cliEnv },
    );
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const route = () => ({
  steps: [{ id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: ids.chenming }] }],
});

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei']) as[name] = await signedIn(t, name);
  as.chenming = await signedInWithMfa(t, 'chenming');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('attachments while drafting', () => {
  it('takes a PDF and a DOCX checked by their content, numbers them and keeps the 附件说明 in step', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const first = await upload(as.sunyue!, id, '防汛责任人名单.pdf', 'application/pdf', pdfBytes('名单'));
    expect(first.statusCode).toBe(201);
    const second = await upload(as.sunyue!, id, 'duty.docx', DOCX_MIME, DOCX, '汛期值班表');
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      mayEdit: true,
      items: [
        { number: 1, name: '防汛责任人名单', fileName: '防汛责任人名单.pdf', kind: 'pdf' },
        { number: 2, name: '汛期值班表', fileName: 'duty.docx', kind: 'docx', uploadedBy: { id: ids.sunyue } },
      ],
    });
    expect(second.json().items[0].sm3).toMatch(/^[0-9a-f]{64}$/);
    const doc = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json();
    expect(doc.attachmentNotes).toEqual(['防汛责任人名单', '汛期值班表']);
    // The note names the files in order: nothing to report about attachments.
    const check = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}/format-check`)).json();
    expect(check.problems.filter((p: { at: { field?: string } }) => p.at.field === 'attachments')).toEqual([]);
    expect(
      await t.app.svc.db.auditEvent.count({ where: { action: 'officialDoc.attachment.upload', resourceId: id } }),
    ).toBe(2);
  });

  it('refuses a file whose content is not what its name says, in Chinese and English, and keeps nothing', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const fake = await upload(as.sunyue!, id, '名单.pdf', 'application/pdf', Buffer.from('not a pdf at all'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().code).toBe('attachment_type');
    expect(fake.json().message).toContain('附件只能是');
    expect(fake.json().message).toContain('An attachment is a PDF');
    const exe = await upload(as.sunyue!, id, 'setup.exe', 'application/octet-stream', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(400);
    const badName = await upload(as.sunyue!, id, 'a.pdf', 'application/pdf', pdfBytes(), '《名单》');
    expect(badName.statusCode).toBe(400);
    expect(badName.json().code).toBe('attachment_name_invalid');
    expect(await t.app.svc.db.officialDocumentAttachment.count({ where: { officialDocumentId: id } })).toBe(0);
    expect(
      await t.app.svc.db.auditEvent.count({
        where: { action: 'officialDoc.attachment.upload', resourceId: id, outcome: 'failure' },
      }),
    ).toBe(3);
  });

  it('renames, reorders and removes (the rest close up), for the drafter only', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const a = await givenAttachment(as.sunyue!, id, {
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      content: pdfBytes('a'),
    });
    const b = await givenAttachment(as.sunyue!, id, { fileName: 'b.docx', mimeType: DOCX_MIME, content: DOCX });
    const c = await givenAttachment(as.sunyue!, id, {
      fileName: 'c.pdf',
      mimeType: 'application/pdf',
      content: pdfBytes('c'),
    });
    const renamed = await as.sunyue!.patch(`${OFFICIAL_DOCS}/${id}/attachments/${b}`, { name: '值班安排表' });
    expect(renamed.statusCode).toBe(200);
    const ordered = await as.sunyue!.put(`${OFFICIAL_DOCS}/${id}/attachments/order`, { ids: [c, a, b] });
    expect(ordered.json().items.map((x: { name: string }) => x.name)).toEqual(['c', 'a', '值班安排表']);
    expect((await as.sunyue!.put(`${OFFICIAL_DOCS}/${id}/attachments/order`, { ids: [c, a] })).statusCode).toBe(400);
    expect((await as.sunyue!.request('DELETE', `${OFFICIAL_DOCS}/${id}/attachments/${c}`)).statusCode).toBe(200);
    const after = (await attachments(as.sunyue!, id)).json();
    expect(after.items.map((x: { number: number; name: string }) => [x.number, x.name])).toEqual([
      [1, 'a'],
      [2, '值班安排表'],
    ]);
    expect((await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json().attachmentNotes).toEqual(['a', '值班安排表']);

    // Someone of the unit reads them but may not change them; someone outside does not see the 公文 at all.
    const colleague = await as.zhaojing!.patch(`${OFFICIAL_DOCS}/${id}/attachments/${a}`, { name: '改名' });
    expect(colleague.statusCode).toBe(403);
    expect(colleague.json().code).toBe('attachments_forbidden');
    expect((await attachments(as.zhaojing!, id)).json().mayEdit).toBe(false);
    expect((await upload(as.zhaojing!, id, 'x.pdf', 'application/pdf', pdfBytes('x'))).statusCode).toBe(403);
    expect((await attachments(as.zhangwei!, id)).statusCode).toBe(404);
    expect((await as.zhangwei!.get(`${OFFICIAL_DOCS}/${id}/attachments/${a}/content`)).statusCode).toBe(404);
  });

  it('keeps one order under parallel uploads: each file its own number, no gap, the note in step', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        upload(as.sunyue!, id, `附件${i}.pdf`, 'application/pdf', pdfBytes(`parallel ${i}`)),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const { items } = (await attachments(as.sunyue!, id)).json();
    expect(items.map((x: { number: number }) => x.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(items.map((x: { fileName: string }) => x.fileName)).size).toBe(6);
    expect((await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json().attachmentNotes).toEqual(
      items.map((x: { name: string }) => x.name),
    );
  });

  it('leaves each download in the 查阅留痕, for whoever reads the 公文', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    const a = await givenAttachment(as.sunyue!, id, {
      fileName: '名单.pdf',
      mimeType: 'application/pdf',
      content: pdfBytes('trail'),
    });
    const res = await as.zhaojing!.get(`${OFFICIAL_DOCS}/${id}/attachments/${a}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.equals(pdfBytes('trail'))).toBe(true);
    const log = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}/access-log`)).json();
    expect(log.items).toContainEqual(
      expect.objectContaining({ kind: 'download', what: 'attachment', by: { id: ids.zhaojing, name: '赵静' } }),
    );
  });
});

describe('sealed with the document', () => {
  it('freezes the attachments from 签发 on, and a seal covers each: verified by the API and the CLI, not once changed', async () => {
    const office = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'zhaojing' } });
    const seal = await as.zhaojing!.post('/api/seals', {
      unitId: office.unitId,
      name: '某某区人民政府办公室',
      holderIds: [ids.sunyue],
    });
    expect(seal.statusCode).toBe(201);
    const id = await givenOfficialDoc(as.sunyue!);
    const pdf = pdfBytes('防汛责任人名单 sealed');
    const a = await givenAttachment(as.sunyue!, id, {
      fileName: '防汛责任人名单.pdf',
      mimeType: 'application/pdf',
      content: pdf,
    });
    await givenAttachment(as.sunyue!, id, { fileName: '值班表.docx', mimeType: DOCX_MIME, content: DOCX });

    await givenSubmitted(as.sunyue!, id, route());
    // In its route the drafter waits for it to come back (409), and so after 签发 (frozen, 409).
    const inRoute = await upload(as.sunyue!, id, 'late.pdf', 'application/pdf', pdfBytes('late'));
    expect(inRoute.statusCode).toBe(409);
    expect(inRoute.json().code).toBe('attachments_in_route');
    expect((await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意印发' })).statusCode).toBe(200);
    const frozen = await as.sunyue!.request('DELETE', `${OFFICIAL_DOCS}/${id}/attachments/${a}`);
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('attachments_frozen');
    expect(frozen.json().message).toContain('附件已冻结');
    expect((await as.sunyue!.patch(`${OFFICIAL_DOCS}/${id}/attachments/${a}`, { name: '新名' })).statusCode).toBe(409);

    expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/number`, {})).statusCode).toBe(200);
    expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/seal`, { sealId: seal.json().id })).statusCode).toBe(200);
    const use = await t.app.svc.db.sealUse.findFirstOrThrow({ where: { officialDocumentId: id } });
    const manifest = JSON.parse(use.attachments) as Array<{ number: number; name: string; sm3: string }>;
    expect(manifest.map((m) => [m.number, m.name])).toEqual([
      [1, '防汛责任人名单'],
      [2, '值班表'],
    ]);

    // The sealed PDF still verifies as before.
    const sealedPdf = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}/export?format=pdf`)).rawPayload;
    expect((await verify(as.zhangwei!, sealedPdf, '公文.pdf')).json().status).toBe('intact');

    for (const [bytes, name, number] of [
      [pdf, '防汛责任人名单.pdf', 1],
      [DOCX, '值班表.docx', 2],
    ] as const) {
      const verdict = await verify(as.zhangwei!, bytes, name);
      expect(verdict.statusCode).toBe(200);
      expect(verdict.json()).toMatchObject({
        status: 'intact',
        seals: [{ unitName: '某某区人民政府办公室', registered: true }],
        attachment: { number, documentNumber: '区政府办〔2026〕1号' },
      });
      const changed = Buffer.from(bytes);
      changed[Math.floor(changed.length / 2)]! ^= 0x01;
      expect((await verify(as.zhangwei!, changed, name)).json()).toMatchObject({
        status: 'unsealed',
        attachment: null,
      });
    }

    const good = path.join(dir, '防汛责任人名单.pdf');
    fs.writeFileSync(good, pdf);
    const ok = await cliVerify(good);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('附件1');
    expect(ok.out).toContain('区政府办〔2026〕1号');
    const changed = Buffer.from(pdf);
    changed[10]! ^= 0x01;
    const bad = path.join(dir, 'changed.pdf');
    fs.writeFileSync(bad, changed);
    expect((await cliVerify(bad)).code).toBe(1);
    // Laying out, sealing and two runs of the CLI (each starting its own process) take a while on a busy machine.
  }, 120_000);
});
