// Audit details record ids, settings and counts, never business titles or content: the full demo (every command the
// product has, played in time order) plus a rename, then every audit row is searched for every title, name and text the
// database holds. The audit administrator reads details; the content is for those the policies let read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../tests/support/testApp.ts';
import { seedDemoContent } from '../seed/demoContent.ts';

let t: TestApp;
beforeAll(async () => {
  // The material PDFs need no real font here (a missing one gives the English fallback page): what the machine's
  // fontconfig offers must not decide whether this test runs.
  t = await createTestApp({ clockAt: new Date('2026-03-09T08:40:00+08:00'), config: { pdfFont: '/nonexistent.ttf' } });
  await seedDemoContent(t.app.svc);
  const { db } = t.app.svc;
  const draft = await db.document.findFirstOrThrow({
    where: { kind: 'draft', status: 'editing', owner: { adminRole: null } },
    include: { owner: true },
  });
  const owner = await signedIn(t, draft.owner.username);
  const renamed = await owner.patch(`/api/documents/${draft.id}`, { title: '关于调整老旧小区改造计划的请示（改名）' });
  expect(renamed.statusCode, renamed.body).toBe(200);
}, 300_000);
afterAll(async () => t.close());

/** Every title, name and free text the business tables hold (and the people's names), at least two characters long. */
async function businessTexts(): Promise<Map<string, string>> {
  const { db } = t.app.svc;
  const texts = new Map<string, string>();
  const add = (kind: string, values: Array<string | null | undefined>) => {
    for (const v of values) if (v && v.trim().length >= 2) texts.set(v.trim(), kind);
  };
  add(
    'unit name',
    (await db.unit.findMany()).map((u) => u.name),
  );
  add(
    'room name',
    (await db.room.findMany()).map((r) => r.name),
  );
  add(
    'person',
    (await db.user.findMany()).map((u) => u.displayName),
  );
  add(
    'document title',
    (await db.document.findMany()).map((d) => d.title),
  );
  add(
    'comment',
    (await db.comment.findMany()).map((c) => c.body),
  );
  add(
    'meeting title',
    (await db.meeting.findMany()).map((m) => m.title),
  );
  add(
    'cancel reason',
    (await db.meeting.findMany()).map((m) => m.cancelReason),
  );
  add(
    'agenda item',
    (await db.meetingAgendaItem.findMany()).map((a) => a.title),
  );
  add(
    'material',
    (await db.meetingMaterial.findMany()).flatMap((m) => [m.title, m.fileName]),
  );
  add(
    'task title',
    (await db.supervisionTask.findMany()).map((s) => s.title),
  );
  add(
    'task event',
    (await db.supervisionEvent.findMany()).map((e) => e.text),
  );
  add(
    'extension reason',
    (await db.supervisionExtension.findMany()).map((e) => e.reason),
  );
  add(
    'attachment',
    (await db.supervisionAttachment.findMany()).map((a) => a.fileName),
  );
  add(
    'proposal',
    (await db.taskProposal.findMany()).map((p) => p.title),
  );
  add(
    'version name',
    (await db.documentVersion.findMany()).map((v) => v.name),
  );
  return texts;
}

describe('audit details', () => {
  it('hold no title, name or text of the business content, in any event of the full demo', async () => {
    const texts = await businessTexts();
    expect(texts.size).toBeGreaterThan(200);
    expect([...texts.values()]).toEqual(expect.arrayContaining(['document title', 'comment', 'meeting title']));
    const rows = await t.app.svc.db.auditEvent.findMany({ select: { seq: true, action: true, detail: true } });
    expect(rows.length).toBeGreaterThan(500);
    const leaks: string[] = [];
    for (const row of rows) {
      for (const [text, kind] of texts)
        if (row.detail.includes(text)) leaks.push(`#${row.seq} ${row.action}: ${kind} "${text}"`);
      // Beyond the known strings: details are ids, codes, numbers and dates, so no Chinese text at all.
      if (/\p{Script=Han}/u.test(row.detail)) leaks.push(`#${row.seq} ${row.action}: Chinese text in ${row.detail}`);
    }
    expect([...new Set(leaks)]).toEqual([]);
  });
});
