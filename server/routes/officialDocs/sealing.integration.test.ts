// 用印 over HTTP: a signed-off, numbered 通知 is sealed by a holder of the issuing unit's seal; the download is the
// sealed PDF in GB/T 9704 layout (read back with poppler) that the verify endpoint accepts, and rejects once changed;
// people who may not use the seal, a document not yet numbered and a retired seal are refused with nothing changed.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../tests/support/meetings.ts';
import { givenOfficialDoc, givenSubmitted, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
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
let sealId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-sealing-'));
const root = path.resolve(import.meta.dirname, '../../..');

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

async function signedOff(): Promise<string> {
  const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
  await givenSubmitted(as.sunyue!, id, {
    steps: [{ id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: ids.chenming }] }],
  });
  expect((await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意印发' })).statusCode).toBe(200);
  return id;
}

const verify = (client: TestClient, bytes: Buffer) => {
  const { payload, headers } = multipart('公文.pdf', 'application/pdf', bytes);
  return client.request('POST', '/api/seals/verify', payload, headers);
};

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'zhangwei']) as[name] = await signedIn(t, name);
  as.chenming = await signedInWithMfa(t, 'chenming');
  const office = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'zhaojing' } });
  const res = await as.zhaojing!.post('/api/seals', {
    unitId: office.unitId,
    name: '某某区人民政府办公室',
    holderIds: [ids.sunyue],
  });
  expect(res.statusCode).toBe(201);
  sealId = res.json().id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('用印', () => {
  it('refuses to seal a document that has no number yet, and changes nothing', async () => {
    const id = await signedOff();
    const res = await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/seal`, { sealId });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(await t.app.svc.db.sealUse.count({ where: { officialDocumentId: id } })).toBe(0);
  });

  it('seals a numbered document: a GB/T 9704 PDF with the red seal at the date, that verifies, and not once changed', async () => {
    const id = await signedOff();
    expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/number`, {})).statusCode).toBe(200);
    // Someone who is not a holder of the seal may not use it.
    expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/seal`, { sealId })).statusCode).toBe(403);
    const sealed = await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/seal`, { sealId });
    expect(sealed.statusCode).toBe(200);
    expect(sealed.json()).toMatchObject({ status: 'sealed' });
    const use = await t.app.svc.db.sealUse.findFirstOrThrow({ where: { officialDocumentId: id } });
    expect(use).toMatchObject({ sealId, userId: ids.sunyue });
    expect(
      await t.app.svc.db.auditEvent.findFirst({
        where: { action: 'officialDoc.seal', resourceId: id, outcome: 'success' },
      }),
    ).not.toBeNull();

    const download = await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}/export?format=pdf`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const pdf = download.rawPayload;
    const file = path.join(dir, 'sealed.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('区政府办〔2026〕1号');
    expect(text).toContain('关于做好2026年春季防汛工作的通知');
    expect(text).toContain('2026年3月10日');

    const verdict = await verify(as.zhangwei!, pdf);
    expect(verdict.json()).toMatchObject({
      status: 'intact',
      seals: [{ sealId, unitName: '某某区人民政府办公室', registered: true }],
    });
    const changed = Buffer.from(pdf);
    changed[Math.floor(changed.length / 2)]! ^= 0x01;
    expect((await verify(as.zhangwei!, changed)).json().status).toBe('modified');

    // The same answers offline, from the command line.
    const good = await cliVerify(file);
    expect(good.code).toBe(0);
    expect(good.out).toContain('某某区人民政府办公室');
    expect(good.out).toContain('Intact');
    const changedFile = path.join(dir, 'changed.pdf');
    fs.writeFileSync(changedFile, changed);
    const bad = await cliVerify(changedFile);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Modified');
  });

  it('refuses a second seal and a retired seal', async () => {
    const id = await signedOff();
    expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/number`, {})).statusCode).toBe(200);
    expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/seal`, { sealId })).statusCode).toBe(200);
    const twice = await as.sunyue!.post(`${OFFICIAL_DOCS}/${id}/seal`, { sealId });
    expect(twice.statusCode).toBe(409);
    expect(await t.app.svc.db.sealUse.count({ where: { officialDocumentId: id } })).toBe(1);

    const next = await signedOff();
    expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${next}/number`, {})).statusCode).toBe(200);
    expect((await as.zhaojing!.post(`/api/seals/${sealId}/retire`)).statusCode).toBe(200);
    expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${next}/seal`, { sealId })).statusCode).toBe(403);
    expect(await t.app.svc.db.sealUse.count({ where: { officialDocumentId: next } })).toBe(0);
  });
});
