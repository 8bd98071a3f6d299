// The settings of where keys, the audit head checkpoint and backups live, and when backups run (config.ts).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.ts';

const NAMES = [
  'TONGBAN_DATA_DIR',
  'TONGBAN_KEY_DIR',
  'TONGBAN_AUDIT_HEAD_FILE',
  'TONGBAN_BACKUP_AT',
  'TONGBAN_BACKUP_DIR',
  'TONGBAN_BACKUP_KEEP',
];
beforeEach(() => {
  for (const name of NAMES) vi.stubEnv(name, '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('storage settings', () => {
  it('put keys, the head checkpoint and backups under the data directory by default, following an overridden one', () => {
    const config = loadConfig({ dataDir: '/srv/tongban' });
    expect(config).toMatchObject({
      keyDir: '/srv/tongban/keys',
      auditHeadFile: '/srv/tongban/keys/audit-head.json',
      backupDir: '/srv/tongban/backups',
      backupAt: '02:30',
      backupKeep: 7,
    });
  });

  it('take a key directory and backup volume of their own; the checkpoint follows the key directory', () => {
    vi.stubEnv('TONGBAN_KEY_DIR', '/mnt/keys');
    vi.stubEnv('TONGBAN_BACKUP_DIR', 'offsite');
    const config = loadConfig({ dataDir: '/srv/tongban' });
    expect(config.keyDir).toBe('/mnt/keys');
    expect(config.auditHeadFile).toBe('/mnt/keys/audit-head.json');
    expect(config.backupDir).toBe(path.resolve('offsite'));
    vi.stubEnv('TONGBAN_AUDIT_HEAD_FILE', '/mnt/worm/head.json');
    expect(loadConfig().auditHeadFile).toBe('/mnt/worm/head.json');
  });

  it.each([
    ['2:05', '02:05'],
    ['23:59', '23:59'],
    ['off', null],
  ])('read TONGBAN_BACKUP_AT=%s as %s', (value, expected) => {
    vi.stubEnv('TONGBAN_BACKUP_AT', value);
    expect(loadConfig().backupAt).toBe(expected);
  });

  it('refuse a time of day or a retention that cannot be', () => {
    vi.stubEnv('TONGBAN_BACKUP_AT', '24:00');
    expect(() => loadConfig()).toThrow(
      'TONGBAN_BACKUP_AT must be a time of day as HH:MM (e.g. 02:30) or off, got "24:00"',
    );
    vi.stubEnv('TONGBAN_BACKUP_AT', '');
    vi.stubEnv('TONGBAN_BACKUP_KEEP', '0');
    expect(() => loadConfig()).toThrow('TONGBAN_BACKUP_KEEP must be at least 1, got 0');
  });
});
