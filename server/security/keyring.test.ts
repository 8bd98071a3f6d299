import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { open, seal, sealedWith } from './cipher.ts';
import { Keyring } from './keyring.ts';
import { loadKeys } from './keys.ts';

const dirs: string[] = [];
const keysDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const at = new Date('2026-03-02T09:00:00+08:00');

describe('Keyring', () => {
  it('starts with the master key as version 0 and writes no file until a rotation', () => {
    const dir = keysDir();
    const master = randomBytes(32);
    const keyring = new Keyring(dir, master, 'sm4');
    expect(keyring.current()).toEqual({ id: 0, cipher: 'sm4', material: master });
    expect(fs.existsSync(keyring.file)).toBe(false);
  });

  it('rotates: new values use the new version, old ones still open, the file holds the new key only wrapped', () => {
    const dir = keysDir();
    const master = randomBytes(32);
    const keyring = new Keyring(dir, master, 'aes-256-gcm');
    const before = seal(keyring, 'old secret', 'a');
    expect(keyring.rotate(at)).toEqual({ id: 1, previous: 0 });
    const after = seal(keyring, 'new secret', 'a');
    expect(sealedWith(after).keyId).toBe(1);
    expect(open(keyring, before, 'a').toString()).toBe('old secret');
    expect(keyring.versions().map((v) => [v.id, v.state])).toEqual([
      [0, 'retiring'],
      [1, 'active'],
    ]);
    expect(fs.statSync(keyring.file).mode & 0o777).toBe(0o600);
    const material = keyring.current().material;
    expect(fs.readFileSync(keyring.file, 'utf8')).not.toContain(material.toString('base64'));
    // Another process (the server, while the CLI rotated) sees the new version and opens what it sealed.
    const other = new Keyring(dir, master, 'aes-256-gcm');
    expect(open(other, after, 'a').toString()).toBe('new secret');
    // Without the master key the file is no use.
    expect(() => new Keyring(dir, randomBytes(32), 'aes-256-gcm')).toThrow();
  });

  it('a process that loaded the keyring before a rotation finds the new version when it meets it', () => {
    const dir = keysDir();
    const master = randomBytes(32);
    const server = new Keyring(dir, master, 'sm4');
    const cli = new Keyring(dir, master, 'sm4');
    cli.rotate(at);
    const sealed = seal(cli, 'x');
    expect(open(server, sealed).toString()).toBe('x');
    expect(server.current().id).toBe(1);
  });

  it('retires: the material is erased and values sealed with it no longer open; the current key never retires', () => {
    const dir = keysDir();
    const master = randomBytes(32);
    const keyring = new Keyring(dir, master, 'sm4');
    keyring.rotate(at);
    const v1 = seal(keyring, 'one');
    keyring.rotate(at);
    expect(keyring.retiringIds()).toEqual([0, 1]);
    expect(keyring.retire([0, 1, 2], at)).toEqual([0, 1]);
    expect(() => open(keyring, v1)).toThrow(/key version 1/);
    expect(() => open(keyring, seal(master, 'legacy'))).toThrow(/retired/);
    expect(keyring.current().id).toBe(2);
    const stored = JSON.parse(fs.readFileSync(keyring.file, 'utf8')) as { versions: Array<{ wrapped: unknown }> };
    expect(stored.versions.map((v) => v.wrapped === null)).toEqual([true, false]);
  });
});

describe('loadKeys', () => {
  it('keeps the generated keys and the keyring in the key directory (TONGBAN_KEY_DIR), not beside the database', () => {
    const dataDir = keysDir();
    const keyDir = keysDir();
    const keys = loadKeys({ dataDir, keyDir, masterKey: null, auditKey: null, cipher: 'sm4' });
    keys.atRest.rotate(at);
    expect(fs.readdirSync(keyDir).sort()).toEqual(['audit.key', 'keyring.json', 'master.key']);
    expect(fs.existsSync(path.join(dataDir, 'keys'))).toBe(false);
    expect(loadKeys({ dataDir, keyDir, masterKey: null, auditKey: null }).master.equals(keys.master)).toBe(true);
  });
});
