// Envelopes for secrets and classified content at rest. Two generations, both readable for good:
//   v1 (legacy): AES-256-GCM under the master key itself; "v1.<iv>.<tag>.<ciphertext>" as text, iv | tag | ciphertext
//      as bytes. Written by seal()/sealBytes() when given a bare key (backups and older callers).
//   v2: "TBS2" | cipher id (1 byte) | key id (uint32 BE) | iv | ciphertext | tag, as bytes; "v2.<base64url of that>"
//      as text. Written when given SealingKeys (a keyring): the blob names the cipher and the key version it was
//      sealed with, so switching TONGBAN_CIPHER or rotating the key leaves every older value readable until it is
//      re-sealed. Ciphers: AES-256-GCM (id 1), and SM4-CTR with HMAC-SM3 encrypt-then-MAC (id 2, GB/T 32907 and
//      GB/T 32905, the 国密 choice; Node's OpenSSL has SM4-CTR and SM3 but no SM4-GCM). The header is authenticated.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';

/** TONGBAN_CIPHER: what new values are sealed with. */
export const CIPHER_NAMES = ['aes-256-gcm', 'sm4'] as const;
export type CipherName = (typeof CIPHER_NAMES)[number];

/** One key version: its id (0 = the master key, the only key before rotation existed) and 32 bytes of material. */
export interface SealingKey {
  id: number;
  cipher: CipherName;
  material: Buffer;
}

/** What seals and opens at rest: the key new values are sealed with, and every key version still held. */
export interface SealingKeys {
  current(): SealingKey;
  /** A key version's material to open with; undefined when it is unknown or retired. */
  find(id: number): Buffer | undefined;
}

/** What a sealed value names about itself (v1 values: AES-256-GCM under key 0). */
export interface SealedWith {
  cipher: CipherName;
  keyId: number;
  legacy: boolean;
}

/** SealingKeys of one key: the master key alone, as before key rotation (tests and tools). */
export function singleKey(material: Buffer, cipher: CipherName = 'aes-256-gcm', id = 0): SealingKeys {
  const key: SealingKey = { id, cipher, material };
  return { current: () => key, find: (wanted) => (wanted === id ? material : undefined) };
}

export function seal(key: Buffer | SealingKeys, plaintext: Buffer | string, associatedData = ''): string {
  if (!Buffer.isBuffer(key))
    return `v2.${sealV2(key.current(), toBuffer(plaintext), associatedData).toString('base64url')}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

export function open(key: Buffer | SealingKeys, sealed: string, associatedData = ''): Buffer {
  if (sealed.startsWith('v2.')) {
    if (Buffer.isBuffer(key)) throw new Error('A v2 sealed value needs the keyring, not a bare key');
    return openV2(key, Buffer.from(sealed.slice(3), 'base64url'), associatedData);
  }
  const master = Buffer.isBuffer(key) ? key : legacyKey(key);
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unrecognised sealed value');
  const decipher = createDecipheriv('aes-256-gcm', master, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

/** Binary form for large or frequent values (Yjs updates): v1 iv (12) | tag (16) | ciphertext, or v2 (see above). */
export function sealBytes(
  key: Buffer | SealingKeys,
  plaintext: Uint8Array,
  associatedData = '',
): Uint8Array<ArrayBuffer> {
  if (!Buffer.isBuffer(key)) {
    const sealed = sealV2(key.current(), plaintext, associatedData);
    const out = new Uint8Array(new ArrayBuffer(sealed.length));
    out.set(sealed);
    return out;
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const out = new Uint8Array(new ArrayBuffer(28 + body.length));
  out.set(iv, 0);
  out.set(cipher.getAuthTag(), 12);
  out.set(body, 28);
  return out;
}

export function openBytes(key: Buffer | SealingKeys, sealed: Uint8Array, associatedData = ''): Uint8Array {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (isV2(buf) && !Buffer.isBuffer(key)) {
    try {
      return new Uint8Array(openV2(key, buf, associatedData));
    } catch (err) {
      // A v1 value's random iv begins with the v2 magic once in 2^32: then it is a v1 value after all.
      if (key.find(0) === undefined) throw err;
      try {
        return openBytesV1(key.find(0)!, buf, associatedData);
      } catch {
        throw err;
      }
    }
  }
  return openBytesV1(Buffer.isBuffer(key) ? key : legacyKey(key), buf, associatedData);
}

function openBytesV1(key: Buffer, buf: Buffer, associatedData: string): Uint8Array {
  if (buf.length < 28) throw new Error('Sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(buf.subarray(12, 28));
  return new Uint8Array(Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]));
}

/** The cipher and key version a sealed value names, without opening it (v1 values: AES-256-GCM under key 0). */
export function sealedWith(sealed: string | Uint8Array): SealedWith {
  if (typeof sealed === 'string') {
    if (!sealed.startsWith('v2.')) return { cipher: 'aes-256-gcm', keyId: 0, legacy: true };
    return headerOf(Buffer.from(sealed.slice(3, 3 + 16), 'base64url')) ?? unrecognised();
  }
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  return (isV2(buf) ? headerOf(buf) : null) ?? { cipher: 'aes-256-gcm', keyId: 0, legacy: true };
}

/** Whether a sealed value is sealed with the keyring's current cipher and key (nothing to re-seal). */
export function isSealedWithCurrent(keys: SealingKeys, sealed: string | Uint8Array): boolean {
  const { cipher, keyId } = sealedWith(sealed);
  const current = keys.current();
  return cipher === current.cipher && keyId === current.id;
}

// ── v2 ──────────────────────────────────────────────────────────────────────────────────────────────────────────

const MAGIC = Buffer.from('TBS2');
const CIPHER_IDS: Record<CipherName, number> = { 'aes-256-gcm': 1, sm4: 2 };
const IV_BYTES: Record<CipherName, number> = { 'aes-256-gcm': 12, sm4: 16 };
const TAG_BYTES: Record<CipherName, number> = { 'aes-256-gcm': 16, sm4: 32 };
const FIXED_HEADER = MAGIC.length + 1 + 4;

function cipherOfId(id: number): CipherName | undefined {
  return CIPHER_NAMES.find((name) => CIPHER_IDS[name] === id);
}

function isV2(buf: Buffer): boolean {
  return buf.length >= FIXED_HEADER && buf.subarray(0, MAGIC.length).equals(MAGIC);
}

function headerOf(buf: Buffer): SealedWith | null {
  if (!isV2(buf)) return null;
  const cipher = cipherOfId(buf[MAGIC.length]!);
  return cipher ? { cipher, keyId: buf.readUInt32BE(MAGIC.length + 1), legacy: false } : null;
}

function unrecognised(): never {
  throw new Error('Unrecognised sealed value');
}

function legacyKey(keys: SealingKeys): Buffer {
  const key = keys.find(0);
  if (!key) throw new Error('This value is sealed with the master key, which is retired for encryption at rest');
  return key;
}

function toBuffer(value: Uint8Array | string): Buffer {
  return typeof value === 'string' ? Buffer.from(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

interface Sm4Keys {
  enc: Buffer;
  mac: Buffer;
}

// HKDF-SM3 (one hash family for the SM4 path) from a version's 32 bytes: a 16-byte SM4 key and a 32-byte MAC key.
const sm4KeyCache = new WeakMap<Buffer, Sm4Keys>();
function sm4Keys(material: Buffer): Sm4Keys {
  let keys = sm4KeyCache.get(material);
  if (!keys) {
    const derive = (info: string, length: number) =>
      Buffer.from(hkdfSync('sm3', material, Buffer.alloc(0), info, length));
    keys = { enc: derive('tongban/at-rest/sm4-ctr/v2', 16), mac: derive('tongban/at-rest/hmac-sm3/v2', 32) };
    sm4KeyCache.set(material, keys);
  }
  return keys;
}

function lengthPrefixed(aad: Buffer): Buffer {
  const length = Buffer.alloc(8);
  length.writeBigUInt64BE(BigInt(aad.length));
  return Buffer.concat([length, aad]);
}

/**
 * A v2 sealer that takes the plaintext in chunks (uploads stream through it): header() first, then update() for
 * each chunk, then final() for the tag; the concatenation is a v2 sealed value.
 */
export interface StreamingSealer {
  readonly header: Buffer;
  update(chunk: Uint8Array): Buffer;
  final(): Buffer;
}

export function streamingSealer(keys: SealingKeys, associatedData = ''): StreamingSealer {
  return sealerFor(keys.current(), Buffer.from(associatedData));
}

function sealerFor(key: SealingKey, aad: Buffer): StreamingSealer {
  const iv = randomBytes(IV_BYTES[key.cipher]);
  const fixed = Buffer.alloc(FIXED_HEADER);
  MAGIC.copy(fixed);
  fixed[MAGIC.length] = CIPHER_IDS[key.cipher];
  fixed.writeUInt32BE(key.id, MAGIC.length + 1);
  const header = Buffer.concat([fixed, iv]);
  if (key.cipher === 'aes-256-gcm') {
    const cipher = createCipheriv('aes-256-gcm', key.material, iv);
    cipher.setAAD(Buffer.concat([header, aad]));
    return {
      header,
      update: (chunk) => cipher.update(chunk),
      final: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]),
    };
  }
  const { enc, mac } = sm4Keys(key.material);
  const cipher = createCipheriv('sm4-ctr', enc, iv);
  const hmac = createHmac('sm3', mac).update(header).update(lengthPrefixed(aad));
  return {
    header,
    update(chunk) {
      const out = cipher.update(chunk);
      hmac.update(out);
      return out;
    },
    final() {
      const rest = cipher.final();
      hmac.update(rest);
      return Buffer.concat([rest, hmac.digest()]);
    },
  };
}

function sealV2(key: SealingKey, plaintext: Uint8Array, associatedData: string): Buffer {
  const sealer = sealerFor(key, Buffer.from(associatedData));
  return Buffer.concat([sealer.header, sealer.update(plaintext), sealer.final()]);
}

function openV2(keys: SealingKeys, sealed: Buffer, associatedData: string): Buffer {
  const named = headerOf(sealed) ?? unrecognised();
  const headerLength = FIXED_HEADER + IV_BYTES[named.cipher];
  const tagLength = TAG_BYTES[named.cipher];
  if (sealed.length < headerLength + tagLength) throw new Error('Sealed value too short');
  const material = keys.find(named.keyId);
  if (!material) throw new Error(`Sealed with key version ${named.keyId}, which this keyring does not hold`);
  const header = sealed.subarray(0, headerLength);
  const iv = header.subarray(FIXED_HEADER);
  const body = sealed.subarray(headerLength, sealed.length - tagLength);
  const tag = sealed.subarray(sealed.length - tagLength);
  const aad = Buffer.from(associatedData);
  if (named.cipher === 'aes-256-gcm') {
    const decipher = createDecipheriv('aes-256-gcm', material, iv);
    decipher.setAAD(Buffer.concat([header, aad]));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }
  const { enc, mac } = sm4Keys(material);
  const expected = createHmac('sm3', mac).update(header).update(lengthPrefixed(aad)).update(body).digest();
  // Encrypt-then-MAC: nothing is deciphered before the tag is checked, in constant time.
  if (!timingSafeEqual(expected, tag)) throw new Error('Unsupported state or unable to authenticate data');
  const decipher = createDecipheriv('sm4-ctr', enc, iv);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** Whether this Node's OpenSSL can do the SM4 path (it needs SM4-CTR and SM3); checked when TONGBAN_CIPHER=sm4. */
export function sm4Available(): boolean {
  try {
    createCipheriv('sm4-ctr', Buffer.alloc(16), Buffer.alloc(16));
    createHmac('sm3', Buffer.alloc(32));
    return true;
  } catch {
    return false;
  }
}
