// The electronic seal (电子印章) on an issued 公文: an SM2 signature (GB/T 32918, with SM3 per GB/T 35276) over the SM3
// hash of the frozen PDF, made with the unit seal's private key, which is kept outside the database.
//
// The signature travels inside the PDF, as a comment line appended after the document's last %%EOF:
//
//   %TongbanSeal-v1 <base64url of {"sealId","unitId","unitName","sealedAt","sm3","attachments","signature"}>
//   %%EOF
//
// The attachments (附件) are sealed with the document: their manifest (place, name, SM3 and size of each file) is part
// of the signed statement (statement v2), so a file can later be shown to be one of the attachments the seal covers.
// Seals made before attachments were kept have no manifest and sign statement v1; they verify as they always did.
//
// PDF readers ignore comments, so the sealed file opens exactly as before; the bytes before the line are what was
// signed. A document issued jointly by several units (联合行文) carries one line per seal, each covering everything
// before it, earlier seals included. Verifying walks the lines from the last one back and checks each signature with
// the public key the seal registry holds for that seal: one changed byte anywhere and the answer is "modified".
import { createHash } from 'node:crypto';
import { sm2, sm3 } from 'sm-crypto-v2';

const MARK = '%TongbanSeal-v1 ';
const SIGNATURE_OPTIONS = { hash: true, der: true } as const;

export interface SealKeyPair {
  /** Uncompressed SM2 public key, hex ("04…"). */
  publicKey: string;
  privateKey: string;
}

export interface SealIdentity {
  sealId: string;
  unitId: string;
  unitName: string;
}

/** One attachment a seal covers: its place in the 附件说明 (附件1 is 1), its name, and its content's SM3 and size. */
export interface AttachmentDigest {
  number: number;
  name: string;
  sm3: string;
  size: number;
}

export interface SealRecord extends SealIdentity {
  sealedAt: string;
  /** SM3 of the bytes the seal covers, hex. */
  sm3: string;
  /** The attachments sealed with the document; absent on seals made before attachments were kept (statement v1). */
  attachments?: AttachmentDigest[];
  /** SM2 signature (DER, hex) over the canonical statement. */
  signature: string;
}

export type SealCheck =
  | { status: 'intact'; seals: SealRecord[] }
  | { status: 'modified'; seals: SealRecord[]; reason: string }
  | { status: 'unknown_seal'; seals: SealRecord[]; sealId: string }
  | { status: 'unsealed' };

export function generateSealKeyPair(): SealKeyPair {
  const pair = sm2.generateKeyPairHex();
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}

export function publicKeyOf(privateKey: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKey);
}

function statement(record: Omit<SealRecord, 'signature'>): string {
  // Field by field, in a fixed order: the statement must serialise the same way forever.
  const fields = [record.sealId, record.unitId, record.unitName, record.sealedAt, record.sm3];
  if (record.attachments === undefined) return JSON.stringify(['tongban-seal/v1', ...fields]);
  const manifest = record.attachments.map((a) => [a.number, a.name, a.sm3, a.size]);
  return JSON.stringify(['tongban-seal/v2', ...fields, manifest]);
}

/** SM3 of a file's bytes, hex, as an attachment digest holds it (OpenSSL's SM3: the same digest, natively fast). */
export function sm3Of(content: Uint8Array): string {
  return createHash('sm3').update(content).digest('hex');
}

/**
 * Appends one seal to a PDF (already sealed or not) and returns the sealed bytes. The attachments given (none is an
 * empty list) are sealed with it.
 */
export function sealPdf(
  pdf: Uint8Array,
  seal: SealIdentity,
  key: SealKeyPair,
  at: Date,
  attachments: readonly AttachmentDigest[] = [],
): Buffer {
  const body = Buffer.from(pdf);
  const unsigned = {
    sealId: seal.sealId,
    unitId: seal.unitId,
    unitName: seal.unitName,
    sealedAt: at.toISOString(),
    sm3: sm3(body),
    attachments: attachments.map((a) => ({ number: a.number, name: a.name, sm3: a.sm3, size: a.size })),
  };
  const signature = sm2.doSignature(statement(unsigned), key.privateKey, {
    ...SIGNATURE_OPTIONS,
    publicKey: key.publicKey,
  });
  const record: SealRecord = { ...unsigned, signature };
  const line = `${body.at(-1) === 0x0a ? '' : '\n'}${MARK}${Buffer.from(JSON.stringify(record)).toString('base64url')}\n%%EOF\n`;
  return Buffer.concat([body, Buffer.from(line, 'latin1')]);
}

function isManifest(value: unknown): value is AttachmentDigest[] {
  return (
    Array.isArray(value) &&
    value.every(
      (a: Partial<AttachmentDigest> | null) =>
        typeof a === 'object' &&
        a !== null &&
        typeof a.number === 'number' &&
        typeof a.name === 'string' &&
        typeof a.sm3 === 'string' &&
        typeof a.size === 'number',
    )
  );
}

/** Splits off the last seal line: the bytes it covers and its record, or null when the file ends without one. */
function lastSeal(file: Buffer): { covered: Buffer; record: SealRecord | null } | null {
  const at = file.lastIndexOf(MARK, undefined, 'latin1');
  if (at < 0) return null;
  const rest = file.subarray(at + MARK.length).toString('latin1');
  const match = /^([A-Za-z0-9_-]+)\n%%EOF\n$/.exec(rest);
  // Anything other than exactly our two lines after the mark: bytes were added after sealing.
  if (!match) return { covered: file.subarray(0, at), record: null };
  // The newline sealPdf put before the mark belongs to the seal line, not to the covered bytes, unless the body
  // already ended with one; the signature tells which (both are tried below).
  let record: SealRecord | null = null;
  try {
    const parsed = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8')) as Partial<SealRecord>;
    if (
      typeof parsed.sealId === 'string' &&
      typeof parsed.unitId === 'string' &&
      typeof parsed.unitName === 'string' &&
      typeof parsed.sealedAt === 'string' &&
      typeof parsed.sm3 === 'string' &&
      typeof parsed.signature === 'string' &&
      (parsed.attachments === undefined || isManifest(parsed.attachments))
    )
      record = parsed as SealRecord;
  } catch {
    record = null;
  }
  return { covered: file.subarray(0, at), record };
}

/**
 * Checks every seal on a PDF, last first. `publicKeyFor(sealId)` answers the registered public key of a seal, or null
 * when the seal is not one of ours.
 */
export function verifySealedPdf(file: Uint8Array, publicKeyFor: (sealId: string) => string | null): SealCheck {
  let rest: Buffer = Buffer.from(file);
  const seals: SealRecord[] = [];
  for (;;) {
    const found = lastSeal(rest);
    if (!found) break;
    if (!found.record) return { status: 'modified', seals, reason: 'bytes after the seal' };
    const record = found.record;
    const publicKey = publicKeyFor(record.sealId);
    if (!publicKey) return { status: 'unknown_seal', seals: [record, ...seals], sealId: record.sealId };
    // The covered bytes are the body with or without the one newline sealPdf added before the mark.
    const withNewline = found.covered;
    const candidates =
      withNewline.at(-1) === 0x0a ? [withNewline.subarray(0, withNewline.length - 1), withNewline] : [withNewline];
    const covered = candidates.find((c) => sm3(c) === record.sm3);
    if (!covered) return { status: 'modified', seals: [record, ...seals], reason: 'content hash differs' };
    const { signature, ...unsigned } = record;
    if (!sm2.doVerifySignature(statement(unsigned), signature, publicKey, SIGNATURE_OPTIONS))
      return { status: 'modified', seals: [record, ...seals], reason: 'signature does not match' };
    seals.unshift(record);
    rest = covered;
  }
  return seals.length === 0 ? { status: 'unsealed' } : { status: 'intact', seals };
}

/** Whether a file carries a seal line at all (readable or not): then it is checked as a sealed PDF. */
export function carriesSeal(file: Uint8Array): boolean {
  return Buffer.from(file.buffer, file.byteOffset, file.byteLength).includes(MARK, 0, 'latin1');
}

/** The seal ids a file's seal lines name (readable or not as a whole), so their keys can be looked up at once. */
export function sealIdsIn(file: Uint8Array): string[] {
  const text = Buffer.from(file).toString('latin1');
  const ids = new Set<string>();
  for (const m of text.matchAll(/%TongbanSeal-v1 ([A-Za-z0-9_-]+)\n/g)) {
    try {
      const record = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as { sealId?: unknown };
      if (typeof record.sealId === 'string') ids.add(record.sealId);
    } catch {
      // Not a seal line after all: verifying will say so.
    }
  }
  return [...ids];
}
