// The electronic seal: SM2 over the SM3 of the frozen PDF; any change to the bytes, a forged seal line or a seal
// that is not ours is told apart from an intact document.
import PDFDocument from 'pdfkit';
import { sm2 } from 'sm-crypto-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSealKeyPair, publicKeyOf, sealPdf, verifySealedPdf, type SealKeyPair } from './documentSeal.ts';

function samplePdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(Date.UTC(2026, 11, 1)) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

const at = new Date('2026-12-04T02:00:00Z');
const office = { sealId: 'seal-office', unitId: 'unit-office', unitName: '某某市人民政府办公室' };
const finance = { sealId: 'seal-finance', unitId: 'unit-finance', unitName: '某某市财政局' };
let officeKey: SealKeyPair;
let financeKey: SealKeyPair;
let pdf: Buffer;
const registry = () =>
  new Map([
    [office.sealId, officeKey.publicKey],
    [finance.sealId, financeKey.publicKey],
  ]);
const lookup = (sealId: string) => registry().get(sealId) ?? null;

beforeAll(async () => {
  officeKey = generateSealKeyPair();
  financeKey = generateSealKeyPair();
  pdf = await samplePdf('Notice on the 2027 budget');
});

describe('document seal (SM2 over SM3)', () => {
  it('verifies an intact sealed PDF and names the unit and time', () => {
    const sealed = sealPdf(pdf, office, officeKey, at);
    expect(sealed.subarray(0, pdf.length).equals(pdf)).toBe(true);
    expect(sealed.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    const check = verifySealedPdf(sealed, lookup);
    expect(check).toMatchObject({
      status: 'intact',
      seals: [{ unitName: '某某市人民政府办公室', sealedAt: at.toISOString() }],
    });
  });

  it('says unsealed for a PDF without a seal', () => {
    expect(verifySealedPdf(pdf, lookup)).toEqual({ status: 'unsealed' });
  });

  it('says modified when one byte of the body changes', () => {
    const sealed = sealPdf(pdf, office, officeKey, at);
    const tampered = Buffer.from(sealed);
    // The page text is compressed in the content stream: flip one bit in the middle of the body.
    tampered[Math.floor(pdf.length / 2)]! ^= 0x01;
    expect(verifySealedPdf(tampered, lookup)).toMatchObject({ status: 'modified', reason: 'content hash differs' });
  });

  it('says modified when bytes are appended after the seal (an incremental update)', () => {
    const sealed = sealPdf(pdf, office, officeKey, at);
    const appended = Buffer.concat([sealed, Buffer.from('1 0 obj\n<< /Annot true >>\nendobj\n%%EOF\n')]);
    expect(verifySealedPdf(appended, lookup)).toMatchObject({ status: 'modified', reason: 'bytes after the seal' });
  });

  it('refuses a seal line re-signed with another key under a registered seal id', () => {
    const forger = generateSealKeyPair();
    const forged = sealPdf(pdf, office, forger, at);
    expect(verifySealedPdf(forged, lookup)).toMatchObject({ status: 'modified', reason: 'signature does not match' });
  });

  it('refuses a changed statement (another unit name) even with the right hash', () => {
    const sealed = sealPdf(pdf, office, officeKey, at).toString('latin1');
    const mark = sealed.lastIndexOf('%TongbanSeal-v1 ');
    const encoded = sealed.slice(mark + 16).split('\n')[0]!;
    const record = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    record.unitName = '某某市财政局';
    const rewritten =
      sealed.slice(0, mark + 16) + Buffer.from(JSON.stringify(record)).toString('base64url') + '\n%%EOF\n';
    expect(verifySealedPdf(Buffer.from(rewritten, 'latin1'), lookup)).toMatchObject({
      status: 'modified',
      reason: 'signature does not match',
    });
  });

  it('answers unknown_seal for a seal that is not in the registry', () => {
    const stranger = { sealId: 'seal-elsewhere', unitId: 'u', unitName: '外单位' };
    const sealed = sealPdf(pdf, stranger, generateSealKeyPair(), at);
    expect(verifySealedPdf(sealed, lookup)).toMatchObject({ status: 'unknown_seal', sealId: 'seal-elsewhere' });
  });

  it('verifies a jointly issued document with two seals, and breaks both ways', () => {
    const joint = sealPdf(sealPdf(pdf, office, officeKey, at), finance, financeKey, at);
    const check = verifySealedPdf(joint, lookup);
    expect(check.status).toBe('intact');
    expect(check.status === 'intact' && check.seals.map((s) => s.unitId)).toEqual(['unit-office', 'unit-finance']);
    const tampered = Buffer.from(joint);
    tampered[10]! ^= 0x01;
    expect(verifySealedPdf(tampered, lookup).status).toBe('modified');
  });

  it('derives the public key from the private key (keys kept outside the database can be checked)', () => {
    expect(publicKeyOf(officeKey.privateKey)).toBe(officeKey.publicKey);
    expect(sm2.verifyPublicKey(officeKey.publicKey)).toBe(true);
  });
});
