// DOCX and PDF export: tracked changes as Word revisions with author (or applied), comments as Word comments.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';
import { connectCollaborator, paragraph } from '../../../tests/support/collabClient.ts';
import { findCjkFont } from '../../export/cjkFont.ts';

let t: TestApp;
let base: string;
let owner: TestClient;
let reviewer: TestClient;
let documentId: string;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.listen();
  owner = await signedIn(t, 'zhangwei');
  reviewer = await signedIn(t, 'hejun');
  const hejun = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'hejun' } });
  documentId = (await owner.post('/api/documents', { kind: 'draft', title: '关于开展专项检查的通知' })).json().id;
  await owner.put(`/api/documents/${documentId}/shares`, {
    shares: [{ granteeType: 'user', granteeId: hejun.id, access: 'suggest' }],
  });
  const a = await connectCollaborator(base, owner, documentId);
  a.edit((s) =>
    s.tr.insert(0, [
      s.schema.nodes.heading!.create({ level: 1 }, s.schema.text('一、检查范围')),
      paragraph('全区各类生产经营单位。'),
    ]),
  );
  await a.acked();
  const b = await connectCollaborator(base, reviewer, documentId);
  b.suggest(hejun.id, (s) => s.tr.insertText('重点', 10));
  await b.acked();
  const thread = (
    await reviewer.post(`/api/documents/${documentId}/threads`, {
      quote: '生产经营单位',
      body: '是否包括个体工商户？',
      mentions: [],
    })
  ).json();
  b.edit((s) => s.tr.addMark(12, 16, s.schema.marks.comment!.create({ threadId: thread.threadId })));
  await b.acked();
  a.destroy();
  b.destroy();
});
afterAll(async () => t.close());

function docxXml(body: Buffer, file: string): string {
  return strFromU8(unzipSync(new Uint8Array(body))[file]!);
}

describe('export', () => {
  it('writes DOCX with tracked changes by author and comments as Word comments', async () => {
    const res = await owner.get(`/api/documents/${documentId}/export?format=docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('关于开展专项检查的通知.docx'));
    const xml = docxXml(res.rawPayload, 'word/document.xml');
    expect(xml).toMatch(/<w:ins [^>]*w:author="何军"/);
    expect(xml).toContain('重点');
    expect(xml).toContain('w:commentReference');
    expect(docxXml(res.rawPayload, 'word/comments.xml')).toContain('是否包括个体工商户');
    const audit = await t.app.svc.db.auditEvent.findFirst({
      where: { action: 'document.export', resourceId: documentId },
    });
    expect(audit).not.toBeNull();
  });

  it('applies suggestions and leaves comments out when asked', async () => {
    const res = await owner.get(`/api/documents/${documentId}/export?format=docx&suggestions=apply&comments=false`);
    const xml = docxXml(res.rawPayload, 'word/document.xml');
    expect(xml).not.toContain('<w:ins');
    expect(xml).toContain('重点');
    expect(xml).not.toContain('w:commentReference');
  });

  it('writes a PDF when a Chinese font is installed', async () => {
    const res = await owner.get(`/api/documents/${documentId}/export?format=pdf`);
    if (findCjkFont()) {
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.headers['content-type']).toBe('application/pdf');
    } else {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('no_cjk_font');
    }
  });

  it('refuses people who cannot open the document', async () => {
    const outsider = await signedIn(t, 'matao');
    expect((await outsider.get(`/api/documents/${documentId}/export?format=docx`)).statusCode).toBe(403);
  });
});
