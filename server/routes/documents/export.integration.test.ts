// DOCX and PDF export: tracked changes as Word revisions with author (or applied), comments as Word comments.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  // A last paragraph whose final words the reviewer proposes to delete.
  a.edit((s) => s.tr.insert(s.doc.content.size, paragraph('本通知自印发之日起施行删去此句')));
  await a.acked();
  await new Promise((r) => setTimeout(r, 100));
  b.suggest(hejun.id, (s) => s.tr.delete(s.doc.content.size - 5, s.doc.content.size - 1), t.clock.now().getTime());
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

  it('keeps the title in the DOCX body and a proposed deletion as a Word deletion', async () => {
    const xml = docxXml(
      (await owner.get(`/api/documents/${documentId}/export?format=docx`)).rawPayload,
      'word/document.xml',
    );
    expect(xml).toMatch(/<w:t(?: [^>]*)?>关于开展专项检查的通知<\/w:t>/);
    expect(xml).toMatch(/<w:del [^>]*w:author="何军"[\s\S]*?<w:delText(?: [^>]*)?>删去此句<\/w:delText>/);
  });

  it('writes a PDF in which a proposed deletion is struck through and the rest is not', async () => {
    expect(findCjkFont()).not.toBeNull();
    const res = await owner.get(`/api/documents/${documentId}/export?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-export-'));
    try {
      const file = path.join(dir, 'doc.pdf');
      fs.writeFileSync(file, res.rawPayload);
      const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
      const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">本通知自印发之日起施行删去此句</.exec(
        bbox,
      );
      expect(m).not.toBeNull();
      const [x0, y0, x1, y1] = m!.slice(1, 5).map(Number) as [number, number, number, number];
      const dpi = 144;
      execFileSync('pdftoppm', [
        '-r',
        String(dpi),
        '-f',
        '1',
        '-l',
        '1',
        '-gray',
        '-singlefile',
        file,
        path.join(dir, 'p'),
      ]);
      const pgm = fs.readFileSync(path.join(dir, 'p.pgm'));
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
      const width = Number(header[1]);
      const offset = header[0].length;
      const dark = (x: number, y: number) => pgm[offset + y * width + x]! < 200;
      /** The longest horizontal run of ink in any row of a stretch of the line (in points). */
      const longestRun = (from: number, to: number) => {
        const s = dpi / 72;
        let best = 0;
        for (let y = Math.floor(y0 * s); y <= Math.ceil(y1 * s); y++) {
          let run = 0;
          for (let x = Math.floor(from * s); x <= Math.ceil(to * s); x++) {
            run = dark(x, y) ? run + 1 : 0;
            best = Math.max(best, run);
          }
        }
        return best / s;
      };
      const charWidth = (x1 - x0) / 15;
      const deleted = [x1 - 4 * charWidth, x1] as const;
      const kept = [x0, x0 + 4 * charWidth] as const;
      // A strike line crosses all four deleted characters; no stroke of the kept text runs that long.
      expect(longestRun(...deleted)).toBeGreaterThan(3.5 * charWidth);
      expect(longestRun(...kept)).toBeLessThan(1.5 * charWidth);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses people who cannot open the document', async () => {
    const outsider = await signedIn(t, 'matao');
    // As if it did not exist: an outsider cannot tell a document they may not open from a missing one.
    expect((await outsider.get(`/api/documents/${documentId}/export?format=docx`)).statusCode).toBe(404);
  });
});
