import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress.ts';

describe('clientAddress', () => {
  it('is the peer unless the proxy is trusted', () => {
    expect(clientAddress('10.0.0.9', { 'x-forwarded-for': '203.0.113.7' }, false)).toBe('10.0.0.9');
    expect(clientAddress(undefined, {}, false)).toBe('');
  });

  it('behind a trusted proxy is the left-most forwarded address, as Fastify reads it for HTTP', () => {
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }, true)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': ' 203.0.113.7 , 10.1.1.1' }, true)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': ['198.51.100.2', '10.1.1.1'] }, true)).toBe('198.51.100.2');
  });

  it('falls back to the peer when a trusted proxy sent no address', () => {
    expect(clientAddress('127.0.0.1', {}, true)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': ' ' }, true)).toBe('127.0.0.1');
  });
});
