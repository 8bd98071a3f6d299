import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { sm3, sm4 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import {
  isSealedWithCurrent,
  open,
  openBytes,
  seal,
  sealBytes,
  sealedWith,
  singleKey,
  streamingSealer,
  type CipherName,
} from './cipher.ts';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');
/** One block through sm-crypto-v2's SM4, a JavaScript implementation independent of OpenSSL's. */
const jsSm4Block = (block: Buffer, key: Buffer) =>
  Buffer.from(sm4.encrypt(block, key, { mode: 'ecb', padding: 'none', output: 'array' }));

describe('the 国密 primitives behind TONGBAN_CIPHER=sm4, against published vectors', () => {
  it('SM4 (GB/T 32907-2016, appendix A.1): key = plaintext = 0123456789abcdeffedcba9876543210', () => {
    const key = hex('0123456789abcdeffedcba9876543210');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([cipher.update(key), cipher.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    // The independent JavaScript implementation agrees.
    expect(jsSm4Block(key, key).toString('hex')).toBe(out.toString('hex'));
  });

  it('SM3 (GB/T 32905-2016, example 1): SM3("abc")', () => {
    const expected = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
    expect(createHash('sm3').update('abc').digest('hex')).toBe(expected);
    expect(sm3('abc')).toBe(expected);
  });

  it('HMAC-SM3 from OpenSSL matches the JavaScript implementation', () => {
    const key = randomBytes(32);
    const message = randomBytes(1000);
    expect(createHmac('sm3', key).update(message).digest('hex')).toBe(
      sm3(new Uint8Array(message), { key: new Uint8Array(key), mode: 'hmac' }),
    );
  });

  it('the SM4-CTR keystream is SM4 of successive counter blocks (checked block by block with the JS SM4)', () => {
    const key = randomBytes(16);
    // A counter that carries across a byte boundary within the block.
    const iv = hex('00112233445566778899aabbccddeeff');
    const plain = randomBytes(16 * 3 + 5);
    const c = createCipheriv('sm4-ctr', key, iv);
    const out = Buffer.concat([c.update(plain), c.final()]);
    let counter = BigInt(`0x${iv.toString('hex')}`);
    for (let i = 0; i < plain.length; i += 16) {
      const block = hex(counter.toString(16).padStart(32, '0'));
      const stream = jsSm4Block(block, key);
      for (let j = i; j < Math.min(i + 16, plain.length); j++) expect(out[j]).toBe(plain[j]! ^ stream[j - i]!);
      counter = (counter + 1n) % (1n << 128n);
    }
  });
});

describe.each<CipherName>(['aes-256-gcm', 'sm4'])('v2 envelopes with %s', (cipher) => {
  const keys = singleKey(randomBytes(32), cipher, 7);

  it('seal and open text and bytes, naming the cipher and key version', () => {
    const text = seal(keys, '机密内容', 'totp:u1');
    expect(text.startsWith('v2.')).toBe(true);
    expect(open(keys, text, 'totp:u1').toString()).toBe('机密内容');
    expect(sealedWith(text)).toEqual({ cipher, keyId: 7, legacy: false });
    const bytes = sealBytes(keys, new Uint8Array([1, 2, 3]), 'doc:1');
    expect([...openBytes(keys, bytes, 'doc:1')]).toEqual([1, 2, 3]);
    expect(sealedWith(bytes)).toEqual({ cipher, keyId: 7, legacy: false });
    expect(isSealedWithCurrent(keys, bytes)).toBe(true);
  });

  it('refuses a value with any byte changed, or under other associated data', () => {
    const sealed = Buffer.from(sealBytes(keys, Buffer.from('会议纪要正文'), 'doc:1'));
    expect(() => openBytes(keys, sealed, 'doc:2')).toThrow();
    for (const at of [5, 9, 20, sealed.length - 20, sealed.length - 1]) {
      const broken = Buffer.from(sealed);
      broken[at]! ^= 0x01;
      expect(() => openBytes(keys, broken, 'doc:1'), `byte ${at}`).toThrow();
    }
  });

  it('opens a value sealed in chunks (uploads stream through the sealer)', () => {
    const sealer = streamingSealer(keys, 'file');
    const parts = [randomBytes(10), randomBytes(70_000), randomBytes(3)];
    const sealed = Buffer.concat([sealer.header, ...parts.map((p) => sealer.update(p)), sealer.final()]);
    expect(Buffer.from(openBytes(keys, sealed, 'file')).equals(Buffer.concat(parts))).toBe(true);
  });
});

describe('older values stay readable', () => {
  const master = randomBytes(32);

  it('a v1 value sealed with the bare master key opens through a keyring holding version 0', () => {
    const keyring = singleKey(master, 'sm4');
    const text = seal(master, 'secret', 'a');
    const bytes = sealBytes(master, new Uint8Array([9]), 'b');
    expect(open(keyring, text, 'a').toString()).toBe('secret');
    expect([...openBytes(keyring, bytes, 'b')]).toEqual([9]);
    expect(sealedWith(text)).toEqual({ cipher: 'aes-256-gcm', keyId: 0, legacy: true });
    expect(sealedWith(bytes)).toEqual({ cipher: 'aes-256-gcm', keyId: 0, legacy: true });
    // Sealed with AES under key 0, the keyring now wants SM4: to be re-sealed.
    expect(isSealedWithCurrent(keyring, text)).toBe(false);
  });

  it('a value sealed with a key version the keyring does not hold is refused, naming the version', () => {
    const sealed = seal(singleKey(randomBytes(32), 'sm4', 3), 'x');
    expect(() => open(singleKey(master), sealed)).toThrow(/key version 3/);
  });
});
