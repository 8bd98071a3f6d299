// The client's address for limits and the audit log, on connections that do not pass through Fastify's request (the
// socket.io handshake, the collab WebSocket upgrade). It follows Fastify's rule for HTTP requests (`trustProxy`,
// TONGBAN_TRUST_PROXY, trustedProxies.ts), so that one person has one address everywhere:
// - `1`: every proxy is trusted, and the left-most X-Forwarded-For entry is the client (deploy/nginx sets the header to
//   the address it saw, replacing whatever the client sent);
// - a list of proxies: from the socket's peer, then X-Forwarded-For from the right, each address that is a listed proxy
//   is passed over; the first that is not is the client (what a client wrote into the header itself is never
//   believed, unless every address before it is a trusted proxy);
// - otherwise the socket's peer.
// Without it every browser behind nginx would be 127.0.0.1, and one person's failed handshakes would spend everyone's
// budget.
import type { IncomingHttpHeaders } from 'node:http';
import { isTrustedProxy, type TrustProxy } from './trustedProxies.ts';

/** The X-Forwarded-For entries, left to right (the client first, the last proxy's peer last). */
function forwardedFor(headers: IncomingHttpHeaders): string[] {
  const header = headers['x-forwarded-for'];
  return (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}

export function clientAddress(peer: string | undefined, headers: IncomingHttpHeaders, trustProxy: TrustProxy): string {
  if (trustProxy === false) return peer ?? '';
  const forwarded = forwardedFor(headers);
  if (trustProxy === true) return forwarded[0] ?? peer ?? '';
  const hops = [peer ?? '', ...forwarded.reverse()];
  return hops.find((address, i) => i === hops.length - 1 || !isTrustedProxy(trustProxy, address)) ?? '';
}
