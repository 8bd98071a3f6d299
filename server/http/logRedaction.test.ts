import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { createLogger } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { describe, expect, it } from 'vitest';
import { redactUrl } from './logRedaction.ts';

describe('request log redaction', () => {
  it('replaces the values of secret query parameters and keeps the rest', () => {
    expect(redactUrl('/setup?token=PUmsdy9lU_KdGZ6E3XXsT7uGN')).toBe('/setup?token=[redacted]');
    expect(redactUrl('/api/meetings?from=2026-12-01&Token=abc&view=week')).toBe(
      '/api/meetings?from=2026-12-01&Token=[redacted]&view=week',
    );
    expect(redactUrl('/api/x?%74oken=abc')).toBe('/api/x?%74oken=[redacted]');
    expect(redactUrl('/api/documents?q=token')).toBe('/api/documents?q=token');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });

  it('keeps the setup token out of what Fastify logs for a request', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    // The server's own logger, as bootstrap builds it.
    const app = Fastify({
      loggerInstance: createLogger(loadConfig({ logFormat: 'json', logLevel: 'info' }), false, sink),
    });
    app.get('/setup', async () => 'ok');
    await app.inject({ url: '/setup?token=SECRET-SETUP-TOKEN-123' });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/setup?token=[redacted]');
    expect(log).not.toContain('SECRET-SETUP-TOKEN-123');
  });
});
