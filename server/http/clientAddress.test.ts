import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress.ts';
import { isTrustedProxy } from './trustedProxies.ts';

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

  // With a list, the walk from the peer leftwards through X-Forwarded-For stops at the first address that is not a
  // listed proxy, as Fastify's trustProxy (proxy-addr) does for HTTP requests.
  const proxies = ['10.0.0.5', '10.0.1.0/24', 'fd00::/8'];
  const fastify = Fastify({ trustProxy: proxies });
  fastify.get('/ip', (request) => request.ip);
  afterAll(() => fastify.close());
  it.each([
    ['an untrusted peer, whatever it forwards', '192.0.2.1', '203.0.113.7', '192.0.2.1'],
    ['a listed proxy: the address it saw', '10.0.0.5', '203.0.113.7', '203.0.113.7'],
    ['a proxy in a listed network', '10.0.1.77', '203.0.113.7', '203.0.113.7'],
    ['the client forged an entry: the right-most untrusted one', '10.0.0.5', '6.6.6.6, 203.0.113.7', '203.0.113.7'],
    ['two proxies in a row', '10.0.0.5', '6.6.6.6, 203.0.113.7, 10.0.1.2', '203.0.113.7'],
    ['every hop a proxy: the left-most entry', '10.0.0.5', '10.0.1.3, 10.0.1.2', '10.0.1.3'],
    ['a listed proxy that forwarded nothing: itself', '10.0.0.5', '', '10.0.0.5'],
    ['the peer as a dual-stack socket reports an IPv4 proxy', '::ffff:10.0.0.5', '203.0.113.7', '203.0.113.7'],
    ['an IPv6 proxy', 'fd00::1', '2001:db8::7', '2001:db8::7'],
    ['an entry that is no address is not a proxy', '10.0.0.5', '10.0.1.3, unknown', 'unknown'],
  ])('behind listed proxies: %s', async (_case, peer, forwarded, client) => {
    const headers = forwarded ? { 'x-forwarded-for': forwarded } : {};
    expect(clientAddress(peer, headers, proxies)).toBe(client);
    // The oracle: what Fastify makes of the same request with the same setting.
    const res = await fastify.inject({ method: 'GET', url: '/ip', remoteAddress: peer, headers });
    expect(res.body).toBe(client);
  });

  it('knows the named networks Fastify knows', () => {
    expect(isTrustedProxy(['loopback'], '127.0.0.1')).toBe(true);
    expect(isTrustedProxy(['loopback'], '::1')).toBe(true);
    expect(isTrustedProxy(['uniquelocal'], '172.20.0.3')).toBe(true);
    expect(isTrustedProxy(['uniquelocal'], '172.32.0.3')).toBe(false);
    expect(isTrustedProxy(['linklocal'], '169.254.9.9')).toBe(true);
    expect(isTrustedProxy(['10.0.0.5'], '10.0.0.6')).toBe(false);
  });
});
