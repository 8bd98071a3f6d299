// 归档 over HTTP, the job and the CLI: a 发文 distributed to 区发改委, signed for and 办结 there, is packaged (the 发文
// once its recipient is done, the 收文 too) by the archive job — PDF, attachment, opinion sheet, trail, versions,
// signatures — and frozen (archived, edits refused); the archivist sets the 保管期限 and seals it (档号, manifest), it
// verifies (API and CLI), exports as a zip whose manifest hashes match, and a tampered file fails verification by name;
// someone who may not read it gets 404 for package and zip; 档号 stay unique under 12 parallel seals; the retention job
// lists only packages past their period and destruction needs the archivist's approval, audited.
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../../../tests/support/meetings.ts';
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

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const ARCHIVE = '/api/archive/packages';

let t: TestApp;
const ids: Record<string, string> = {};
const units: Record<string, string> = {};
const as: Record<string, TestClient> = {};
let sentId: string;
let incomingId: string;
let sentPackage: string;

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const tick = () => (t.app as unknown as { jobs: { archive: { tick(): Promise<unknown> } } }).jobs.archive.tick();
const packageOf = (objectId: string) =>
  t.app.svc.db.archivePackage.findUniqueOrThrow({
    where: { objectType_objectId: { objectType: 'official_document', objectId } },
  });

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
      cwd: root,
      env: t.cliEnv,
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  t = await createTestApp({
    clockAt: new Date('2026-03-10T01:00:00Z'),
    config: { supervisionTickSeconds: 0, archiveTickSeconds: 0 },
  });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  // The 档案员 of the office (who also handles its 公文) and of 区发改委 (a staff member).
  for (const name of ['zhaojing', 'zhangwei'])
    await t.app.svc.db.userRole.create({ data: { userId: ids[name]!, role: 'archivist' } });
  await t.app.svc.db.unit.update({ where: { id: units['区政府办']! }, data: { archiveCode: 'ZFB' } });
  for (const name of ['sunyue', 'zhaojing', 'zhangwei', 'qianwen', 'matao']) as[name] = await signedIn(t, name);
  as.chenming = await signedInWithMfa(t, 'chenming');
  const seal = await as.zhaojing!.post('/api/seals', {
    unitId: units['区政府办'],
    name: '某某区人民政府办公室',
    holderIds: [ids.sunyue],
  });
  expect(seal.statusCode).toBe(201);

  // A 通知 with one attachment to 区发改委: signed off, numbered, sealed, distributed.
  sentId = await givenOfficialDoc(as.sunyue!, { mainRecipients: ['区发改委'] });
  await givenAttachment(as.sunyue!, sentId, {
    fileName: '防汛责任人名单.pdf',
    mimeType: 'application/pdf',
    content: pdfBytes('名单'),
    name: '防汛责任人名单',
  });
  await givenSubmitted(as.sunyue!, sentId, {
    steps: [{ id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: ids.chenming }] }],
  });
  expect((await as.chenming!.post(`${OFFICIAL_DOCS}/${sentId}/sign-off`, { opinion: '同意印发' })).statusCode).toBe(
    200,
  );
  expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${sentId}/number`, {})).statusCode).toBe(200);
  expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${sentId}/seal`, { sealId: seal.json().id })).statusCode).toBe(200);
  const sent = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${sentId}/distribute`, {
    recipients: [{ unitId: units['区发改委'], role: 'main' }],
  });
  expect(sent.statusCode).toBe(200);
  const rowId = sent.json().distributionIds[0] as string;
  expect((await as.qianwen!.post(`${OFFICIAL_DOCS}/distributions/${rowId}/sign-for`, {})).statusCode).toBe(200);
  incomingId = (await t.app.svc.db.officialDocumentDistribution.findUniqueOrThrow({ where: { id: rowId } }))
    .incomingDocumentId!;
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('归档', () => {
  it('packages a 发文 once every recipient is done, and the 收文 once 办结; both are frozen', async () => {
    // Distributed but its recipient has not 办结 yet: nothing to archive.
    expect(await tick()).toMatchObject({ queued: 0, built: 0 });
    await givenSubmitted(as.qianwen!, incomingId, {
      steps: [
        { id: 'conclude', name: '办结', kind: 'single', opinion: 'conclude', handlers: [{ userId: ids.qianwen }] },
      ],
    });
    expect((await as.qianwen!.post(`${OFFICIAL_DOCS}/${incomingId}/finish`, { result: '已落实' })).statusCode).toBe(
      200,
    );

    // The request that completed it did not wait for the package: the job queues and builds both.
    expect(await t.app.svc.db.archivePackage.count()).toBe(0);
    expect(await tick()).toMatchObject({ queued: 2, built: 2 });
    expect(await tick()).toMatchObject({ queued: 0, built: 0 });

    const sentPkg = await packageOf(sentId);
    sentPackage = sentPkg.id;
    expect(sentPkg).toMatchObject({ status: 'built', unitId: units['区政府办'], year: 2026, retention: '10y' });
    const incomingPkg = await packageOf(incomingId);
    expect(incomingPkg).toMatchObject({ status: 'built', unitId: units['区发改委'] });

    const files = await t.app.svc.db.archiveFile.findMany({
      where: { packageId: sentPkg.id },
      orderBy: { path: 'asc' },
    });
    expect(files.map((f) => [f.path, f.role])).toEqual(
      expect.arrayContaining([
        ['00-著录.json', 'record'],
        ['01-正文.pdf', 'document'],
        ['02-附件/附件1-防汛责任人名单.pdf', 'attachment'],
        ['03-办理意见.json', 'opinions'],
        ['03-办理意见.pdf', 'opinions'],
        ['04-办理过程.json', 'trail'],
        ['05-版本/版本.json', 'version'],
        ['06-签章.json', 'signature'],
      ]),
    );
    // The fixed-layout PDF is the sealed one, byte for byte; the opinion sheet holds the 签发 opinion.
    const sealUse = await t.app.svc.db.sealUse.findFirstOrThrow({ where: { officialDocumentId: sentId } });
    expect(files.find((f) => f.path === '01-正文.pdf')!.sha256).toBe(sealUse.fileKey);
    const opinions = JSON.parse(
      (await t.app.svc.files.read(files.find((f) => f.path === '03-办理意见.json')!.sha256)).toString('utf8'),
    ) as Array<{ text: string; decision: string }>;
    expect(opinions).toEqual([expect.objectContaining({ text: '同意印发', decision: 'signoff' })]);
    const signatures = JSON.parse(
      (await t.app.svc.files.read(files.find((f) => f.path === '06-签章.json')!.sha256)).toString('utf8'),
    ) as { seals: Array<{ sm3: string }> };
    expect(signatures.seals.map((s) => s.sm3)).toEqual([sealUse.sm3]);

    // Both are archived, their 正文 too, and the 发文 refuses edits; queueing is audited.
    expect((await as.sunyue!.get(`${OFFICIAL_DOCS}/${sentId}`)).json().status).toBe('archived');
    expect((await as.qianwen!.get(`${OFFICIAL_DOCS}/${incomingId}`)).json().status).toBe('archived');
    const sentRow = await t.app.svc.db.officialDocument.findUniqueOrThrow({
      where: { id: sentId },
      include: { document: true },
    });
    expect(sentRow.document.status).toBe('archived');
    const edit = await as.sunyue!.patch(`${OFFICIAL_DOCS}/${sentId}`, { remark: '改一下' });
    expect(edit.statusCode).toBe(409);
    // Nor does its 分发 move: a recalled row (a fixture here) is not reissued once archived.
    const row = await t.app.svc.db.officialDocumentDistribution.findFirstOrThrow({
      where: { officialDocumentId: sentId },
    });
    await t.app.svc.db.officialDocumentDistribution.update({ where: { id: row.id }, data: { status: 'recalled' } });
    const reissue = await as.zhaojing!.post(`${OFFICIAL_DOCS}/distributions/${row.id}/reissue`, {});
    expect(reissue.statusCode).toBe(409);
    expect(reissue.json().code).toBe('archived');
    await t.app.svc.db.officialDocumentDistribution.update({ where: { id: row.id }, data: { status: 'finished' } });
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'archive.queue' } })).toBe(2);
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'archive.build' } })).toBe(2);
  }, 60_000);

  it('the archivist sets the 保管期限 and seals; then nothing changes', async () => {
    // Only the unit's archivist: the drafter may read it but not seal it.
    expect((await as.sunyue!.post(`${ARCHIVE}/${sentPackage}/seal`)).statusCode).toBe(403);
    expect((await as.zhaojing!.put(`${ARCHIVE}/${sentPackage}/retention`, { retention: 'forever' })).statusCode).toBe(
      400,
    );
    expect((await as.zhaojing!.put(`${ARCHIVE}/${sentPackage}/retention`, { retention: '30y' })).statusCode).toBe(200);
    const sealed = await as.zhaojing!.post(`${ARCHIVE}/${sentPackage}/seal`);
    expect(sealed.statusCode).toBe(200);
    expect(sealed.json().archiveNumber).toBe('ZFB-2026-D30-0001');
    expect((await as.zhaojing!.post(`${ARCHIVE}/${sentPackage}/seal`)).statusCode).toBe(409);
    const again = await as.zhaojing!.put(`${ARCHIVE}/${sentPackage}/retention`, { retention: '10y' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('archive_sealed');

    // The database refuses to change a sealed package or its files, whatever code asks.
    await expect(
      t.app.svc.db.archivePackage.update({ where: { id: sentPackage }, data: { retention: '10y' } }),
    ).rejects.toThrow();
    await expect(
      t.app.svc.db.archiveFile.updateMany({ where: { packageId: sentPackage }, data: { size: 1 } }),
    ).rejects.toThrow();

    const detail = (await as.zhaojing!.get(`${ARCHIVE}/${sentPackage}`)).json();
    expect(detail).toMatchObject({ status: 'sealed', archiveNumber: 'ZFB-2026-D30-0001', keepUntil: '2056-12-31' });
    const manifest = JSON.parse(detail.manifest as string) as { files: Array<{ path: string; sha256: string }> };
    expect(sha256(detail.manifest as string)).toBe(detail.manifestSha256);
    expect(manifest.files.map((f) => f.path)).toEqual(detail.files.map((f: { path: string }) => f.path));
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'archive.seal', outcome: 'success' } })).toBe(1);
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'archive.seal', outcome: 'failure' } })).toBe(2);
  });

  it('verifies, exports a zip whose manifest hashes match, and hides the package from those who may not read it', async () => {
    const verdict = await as.zhaojing!.post(`${ARCHIVE}/${sentPackage}/verify`);
    expect(verdict.json()).toMatchObject({ ok: true, archiveNumber: 'ZFB-2026-D30-0001', problems: [] });
    const ok = await cli(['archive-verify', 'ZFB-2026-D30-0001']);
    expect(ok.out).toContain('OK ZFB-2026-D30-0001');
    expect(ok.code).toBe(0);

    const zip = await as.sunyue!.get(`${ARCHIVE}/${sentPackage}/zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(zip.rawPayload));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as {
      archiveNumber: string;
      files: Array<{ path: string; sha256: string; size: number }>;
    };
    expect(manifest.archiveNumber).toBe('ZFB-2026-D30-0001');
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', ...manifest.files.map((f) => f.path)].sort());
    for (const f of manifest.files) {
      expect(sha256(entries[f.path]!)).toBe(f.sha256);
      expect(entries[f.path]!.length).toBe(f.size);
    }
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'archive.export' } })).toBe(1);

    // A staff member of another unit: 404 for the package, its zip and its check, as if it did not exist.
    for (const url of [`${ARCHIVE}/${sentPackage}`, `${ARCHIVE}/${sentPackage}/zip`])
      expect((await as.matao!.get(url)).statusCode).toBe(404);
    expect((await as.matao!.post(`${ARCHIVE}/${sentPackage}/verify`)).statusCode).toBe(404);
    expect((await as.matao!.get(ARCHIVE)).json()).toEqual({ items: [], total: 0 });
    // 区发改委's archivist reads the 收文's package, and not the 发文's (sent to the unit's clerks, not to them).
    const incomingPkg = await packageOf(incomingId);
    expect((await as.zhangwei!.get(`${ARCHIVE}/${incomingPkg.id}`)).statusCode).toBe(200);
    expect((await as.zhangwei!.get(`${ARCHIVE}/${sentPackage}`)).statusCode).toBe(404);
    const theirs = (await as.zhangwei!.get(ARCHIVE)).json();
    expect(theirs.items.map((p: { id: string }) => p.id)).toEqual([incomingPkg.id]);
    expect(theirs.total).toBe(1);
  }, 60_000);

  it('names the tampered file when one stored file is changed', async () => {
    const file = await t.app.svc.db.archiveFile.findUniqueOrThrow({
      where: { packageId_path: { packageId: sentPackage, path: '02-附件/附件1-防汛责任人名单.pdf' } },
    });
    const stored = t.app.svc.files.pathOf(file.sha256);
    const bytes = fs.readFileSync(stored);
    bytes[bytes.length - 40] = (bytes[bytes.length - 40]! + 1) % 256;
    fs.chmodSync(stored, 0o600);
    fs.writeFileSync(stored, bytes);
    const verdict = (await as.zhaojing!.post(`${ARCHIVE}/${sentPackage}/verify`)).json();
    expect(verdict).toMatchObject({
      ok: false,
      problems: [{ path: '02-附件/附件1-防汛责任人名单.pdf', problem: 'altered' }],
    });
    const failed = await cli(['archive-verify', 'all']);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('FAILED ZFB-2026-D30-0001: 02-附件/附件1-防汛责任人名单.pdf (altered)');
    expect((await cli(['archive-verify', 'NO-SUCH-1'])).code).toBe(2);
  }, 60_000);

  it('allocates unique 档号 to 12 packages sealed at once', async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.svc.db.archivePackage.create({
          data: {
            objectType: 'official_document',
            objectId: randomUUID(),
            unitId: units['区政府办']!,
            year: 2015,
            kind: 'notice',
            title: `测试件${i + 1}`,
            retention: '10y',
            classification: 1,
            status: 'built',
            createdAt: t.clock.now(),
          },
        }),
      ),
    );
    const answers = await Promise.all(created.map((p) => as.zhaojing!.post(`${ARCHIVE}/${p.id}/seal`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(200));
    const numbers = answers.map((a) => a.json().archiveNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `ZFB-2015-D10-${String(i + 1).padStart(4, '0')}`));
  }, 60_000);

  it('lists only packages past their period, and destroys nothing without the archivist’s approval (audited)', async () => {
    // A 2016 package kept 10 years: its last day is 31 December 2026.
    const later = await t.app.svc.db.archivePackage.create({
      data: {
        objectType: 'official_document',
        objectId: randomUUID(),
        unitId: units['区政府办']!,
        year: 2016,
        kind: 'notice',
        title: '2016年测试件',
        retention: '10y',
        classification: 1,
        status: 'built',
        createdAt: t.clock.now(),
      },
    });
    expect((await as.zhaojing!.post(`${ARCHIVE}/${later.id}/seal`)).json().archiveNumber).toBe('ZFB-2016-D10-0001');

    // In March 2026 only the twelve 2015 packages (kept through 2025) are past their period: listed, not destroyed.
    expect(await tick()).toMatchObject({ listedForDestruction: 12 });
    expect(await tick()).toMatchObject({ listedForDestruction: 0 });
    const listed = (await as.zhaojing!.get(`${ARCHIVE}?destruction=listed&pageSize=100`)).json();
    expect(listed.total).toBe(12);
    expect(listed.items.every((p: { year: number; status: string }) => p.year === 2015 && p.status === 'sealed')).toBe(
      true,
    );
    // The 30-year package is not listed, and cannot be approved.
    const early = await as.zhaojing!.post(`${ARCHIVE}/${sentPackage}/destruction/approve`, { reason: '到期' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('not_listed_for_destruction');

    const first = listed.items[0].id as string;
    expect((await as.sunyue!.post(`${ARCHIVE}/${first}/destruction/approve`, { reason: '到期' })).statusCode).toBe(404);
    expect((await as.zhaojing!.post(`${ARCHIVE}/${first}/destruction/approve`, { reason: ' ' })).statusCode).toBe(400);
    expect(
      (await as.zhaojing!.post(`${ARCHIVE}/${first}/destruction/approve`, { reason: '经鉴定已无保存价值' })).statusCode,
    ).toBe(200);
    expect((await as.zhaojing!.post(`${ARCHIVE}/${first}/destruction/approve`, { reason: '再次' })).statusCode).toBe(
      409,
    );
    const row = await t.app.svc.db.archivePackage.findUniqueOrThrow({ where: { id: first } });
    expect(row).toMatchObject({ destruction: 'approved', destructionApprovedById: ids.zhaojing, status: 'sealed' });
    expect(
      await t.app.svc.db.auditEvent.count({
        where: { action: 'archive.destruction.approve', outcome: 'success', resourceId: first },
      }),
    ).toBe(1);
    expect(await t.app.svc.db.archivePackage.count({ where: { destruction: 'approved' } })).toBe(1);

    // The 2016 package: still kept on 31 December 2026 (China), listed on 1 January 2027.
    t.clock.advance(Date.parse('2026-12-31T12:00:00Z') - t.clock.now().getTime());
    expect(await tick()).toMatchObject({ listedForDestruction: 0 });
    t.clock.advance(12 * 3600 * 1000);
    expect(await tick()).toMatchObject({ listedForDestruction: 1 });
    expect((await t.app.svc.db.archivePackage.findUniqueOrThrow({ where: { id: later.id } })).destruction).toBe(
      'listed',
    );
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'archive.destruction.list' } })).toBe(13);
    expect(await t.app.svc.db.archivePackage.count({ where: { destruction: 'approved' } })).toBe(1);
  });
});
