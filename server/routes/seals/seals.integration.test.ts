// Electronic seals through the API: the office registers a seal (its private key lands in the key directory, only the
// public key in the database) and names its holders; others may not; a sealed PDF verifies as intact and by which
// unit, a changed copy as modified, an unsealed one as such; each change is audited.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../tests/support/meetings.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';
import { sealPdf } from '../../security/documentSeal.ts';
import { SealKeyStore } from '../../security/sealKeys.ts';

let t: TestApp;
let office: TestClient;
let officeUnitId: string;
let sunyueId: string;
let sealId: string;

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { CreationDate: new Date(Date.UTC(2026, 11, 1)) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

const verify = (client: TestClient, bytes: Buffer, name = 'doc.pdf') => {
  const { payload, headers } = multipart(name, 'application/pdf', bytes);
  return client.request('POST', '/api/seals/verify', payload, headers);
};

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-12-04T09:00:00+08:00') });
  office = await signedIn(t, 'zhaojing');
  const zhaojing = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'zhaojing' } });
  officeUnitId = zhaojing.unitId;
  sunyueId = (await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'sunyue' } })).id;
});
afterAll(async () => t.close());

describe('seal register', () => {
  it('lets the office register a seal: the private key in the key directory, the public key in the database', async () => {
    const res = await office.post('/api/seals', {
      unitId: officeUnitId,
      name: '某某区人民政府办公室',
      holderIds: [sunyueId],
    });
    expect(res.statusCode).toBe(201);
    sealId = res.json().id;
    const keyFile = path.join(t.app.svc.config.keyDir, 'seals', `${sealId}.key`);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const privateKey = fs.readFileSync(keyFile, 'utf8').trim();
    const row = await t.app.svc.db.seal.findUniqueOrThrow({ where: { id: sealId } });
    expect(row.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(JSON.stringify(row)).not.toContain(privateKey);
    const list = (await office.get(`/api/seals?unitId=${officeUnitId}`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        id: sealId,
        holders: [{ id: sunyueId, displayName: '孙悦' }],
        uses: 0,
        retiredAt: null,
      }),
    ]);
    expect(
      await t.app.svc.db.auditEvent.findFirst({ where: { action: 'seal.register', resourceId: sealId } }),
    ).not.toBeNull();
  });

  it('refuses people outside the unit’s office, and administrators', async () => {
    for (const username of ['zhangwei', 'lihua']) {
      const other = await signedIn(t, username);
      expect(
        (await other.post('/api/seals', { unitId: officeUnitId, name: '伪造的印章', holderIds: [] })).statusCode,
      ).toBe(403);
      expect((await other.get(`/api/seals?unitId=${officeUnitId}`)).statusCode).toBe(403);
      expect((await other.put(`/api/seals/${sealId}/holders`, { holderIds: [] })).statusCode).toBe(403);
    }
    expect(await t.app.svc.db.seal.count()).toBe(1);
  });

  it('offers each holder the seals they may use, and nobody else any', async () => {
    const sunyue = await signedIn(t, 'sunyue');
    const usable = await sunyue.get(`/api/seals/usable?unitId=${officeUnitId}`);
    expect(usable.statusCode).toBe(200);
    expect(usable.json()).toEqual({ items: [{ id: sealId, name: '某某区人民政府办公室' }] });
    for (const client of [office, await signedIn(t, 'zhangwei')])
      expect((await client.get(`/api/seals/usable?unitId=${officeUnitId}`)).json()).toEqual({ items: [] });
    expect((await sunyue.get('/api/seals/usable')).statusCode).toBe(400);
  });

  it('refuses an administrator as holder and leaves no seal and no key behind', async () => {
    const admin = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'sysadmin' } });
    const before = fs.readdirSync(path.join(t.app.svc.config.keyDir, 'seals')).length;
    const res = await office.post('/api/seals', {
      unitId: officeUnitId,
      name: '某某区人民政府办公室',
      holderIds: [admin.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('seal_holder_invalid');
    expect(await t.app.svc.db.seal.count()).toBe(1);
    expect(fs.readdirSync(path.join(t.app.svc.config.keyDir, 'seals')).length).toBe(before);
  });

  it('validates bodies with a clear 400', async () => {
    for (const body of [
      {},
      { unitId: officeUnitId, name: '', holderIds: [] },
      { unitId: officeUnitId, name: '印', holderIds: 'x' },
    ])
      expect((await office.post('/api/seals', body)).statusCode).toBe(400);
  });
});

describe('verifying a sealed PDF', () => {
  let sealed: Buffer;
  let sealedAt: Date;
  beforeAll(async () => {
    sealedAt = t.clock.now();
    const pair = new SealKeyStore(t.app.svc.config.keyDir).load(sealId)!;
    sealed = sealPdf(
      await pdf('关于做好冬季安全生产工作的通知'),
      { sealId, unitId: officeUnitId, unitName: '某某区人民政府办公室' },
      pair,
      sealedAt,
    );
  });

  it('says intact, with the unit and the time, to anyone signed in', async () => {
    const res = await verify(await signedIn(t, 'hejun'), sealed);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'intact',
      reason: null,
      seals: [
        {
          sealId,
          unitId: officeUnitId,
          unitName: '某某区人民政府办公室',
          sealedAt: sealedAt.toISOString(),
          registered: true,
        },
      ],
      attachment: null,
    });
  });

  it('says modified for a copy with one byte changed, and unsealed for a plain PDF', async () => {
    const changed = Buffer.from(sealed);
    changed[Math.floor(changed.length / 3)]! ^= 0x20;
    expect((await verify(office, changed)).json()).toMatchObject({ status: 'modified' });
    expect((await verify(office, await pdf('未盖章'))).json()).toMatchObject({ status: 'unsealed', seals: [] });
  });

  it('refuses what is not a PDF, and a request without a file', async () => {
    const res = await verify(office, Buffer.from('hello'));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('not_pdf');
    expect((await office.post('/api/seals/verify', { file: 'x' })).statusCode).toBe(400);
  });

  it('keeps verifying after the seal is retired, which then takes no new holders', async () => {
    expect((await office.post(`/api/seals/${sealId}/retire`)).statusCode).toBe(200);
    expect((await verify(office, sealed)).json().status).toBe('intact');
    const res = await office.put(`/api/seals/${sealId}/holders`, { holderIds: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('seal_retired');
  });
});
