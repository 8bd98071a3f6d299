// The settings config.ts took over from the modules that used to read the environment themselves.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.ts';

// Whatever the run's environment holds (an e2e run moves the client, say), each case starts from the defaults.
beforeEach(() => {
  for (const name of [
    'TONGBAN_DEMO',
    'TONGBAN_TRUST_PROXY',
    'TONGBAN_MASTER_KEY',
    'TONGBAN_AUDIT_KEY',
    'TONGBAN_CLIENT_DIST',
    'TONGBAN_PDF_FONT',
    'TONGBAN_MFA_REQUIRED',
    'TONGBAN_API_DOCS',
  ]) {
    vi.stubEnv(name, '');
  }
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('loadConfig', () => {
  it.each([
    [undefined, 'none'],
    ['', 'none'],
    ['1', 'organisation'],
    ['full', 'full'],
    ['yes', 'none'],
  ] as const)('reads TONGBAN_DEMO=%s as %s', (value, expected) => {
    vi.stubEnv('TONGBAN_DEMO', value);
    expect(loadConfig().demo).toBe(expected);
  });

  it('trusts a proxy only when told to', () => {
    expect(loadConfig().trustProxy).toBe(false);
    vi.stubEnv('TONGBAN_TRUST_PROXY', '0');
    expect(loadConfig().trustProxy).toBe(false);
    vi.stubEnv('TONGBAN_TRUST_PROXY', '1');
    expect(loadConfig().trustProxy).toBe(true);
  });

  it('trusts the proxies listed by address or network, as Fastify does', () => {
    vi.stubEnv('TONGBAN_TRUST_PROXY', ' 10.0.0.5, 10.0.1.0/24 ,fd00::/8,::1,loopback');
    expect(loadConfig().trustProxy).toEqual(['10.0.0.5', '10.0.1.0/24', 'fd00::/8', '::1', 'loopback']);
  });

  it.each([
    'true',
    'yes',
    '10.0.0',
    '10.0.0.0/33',
    '::1/129',
    '10.0.0.0/8/1',
    'proxy.example.gov.cn',
    ',',
    '10.0.0.5,nginx',
  ])('refuses TONGBAN_TRUST_PROXY=%s at start, naming the variable in both languages', (value) => {
    vi.stubEnv('TONGBAN_TRUST_PROXY', value);
    expect(() => loadConfig()).toThrow(/TONGBAN_TRUST_PROXY must be 1 or a comma-separated list.*应为 1/);
  });

  it('takes 32-byte base64 keys and refuses others by name', () => {
    expect(loadConfig().masterKey).toBeNull();
    const key = Buffer.alloc(32, 7);
    vi.stubEnv('TONGBAN_AUDIT_KEY', key.toString('base64'));
    expect(loadConfig().auditKey?.equals(key)).toBe(true);
    vi.stubEnv('TONGBAN_MASTER_KEY', Buffer.alloc(16).toString('base64'));
    expect(() => loadConfig()).toThrow('TONGBAN_MASTER_KEY must be 32 bytes, base64-encoded');
  });

  it('serves the client from client/dist unless moved, and reads the PDF font as given', () => {
    const config = loadConfig();
    expect(config.clientDist).toBe(path.resolve(import.meta.dirname, '../client/dist'));
    expect(config.pdfFont).toBeNull();
    vi.stubEnv('TONGBAN_CLIENT_DIST', 'elsewhere/dist');
    vi.stubEnv('TONGBAN_PDF_FONT', '/fonts/noto.ttc#NotoSansCJKsc-Regular');
    expect(loadConfig()).toMatchObject({
      clientDist: path.resolve('elsewhere/dist'),
      pdfFont: '/fonts/noto.ttc#NotoSansCJKsc-Regular',
    });
  });

  it('asks leaders and administrators for a second factor unless told to ask everyone', () => {
    expect(loadConfig().mfaRequired).toBe('privileged');
    vi.stubEnv('TONGBAN_MFA_REQUIRED', 'all');
    expect(loadConfig().mfaRequired).toBe('all');
    vi.stubEnv('TONGBAN_MFA_REQUIRED', 'everyone');
    expect(() => loadConfig()).toThrow('TONGBAN_MFA_REQUIRED must be privileged, all; got "everyone"');
  });

  it('serves the API description to signed-in users unless told otherwise', () => {
    expect(loadConfig().apiDocs).toBe('signed-in');
    for (const value of ['public', 'off'] as const) {
      vi.stubEnv('TONGBAN_API_DOCS', value);
      expect(loadConfig().apiDocs).toBe(value);
    }
    vi.stubEnv('TONGBAN_API_DOCS', 'yes');
    expect(() => loadConfig()).toThrow('TONGBAN_API_DOCS must be signed-in, public, off; got "yes"');
  });
});
