// The client's address for limits and the audit log, on connections that do not pass through Fastify's request (the
// socket.io handshake, the collab WebSocket upgrade). It follows Fastify's rule for HTTP requests (`trustProxy`,
// TONGBAN_TRUST_PROXY=1): behind the load balancer the left-most X-Forwarded-For entry is the client (deploy/nginx
// sets the header to the address it saw, replacing whatever the client sent); otherwise the socket's peer. Without
// it every browser behind nginx would be 127.0.0.1, and one person's failed handshakes would spend everyone's budget.
import type { IncomingHttpHeaders } from 'node:http';

export function clientAddress(peer: string | undefined, headers: IncomingHttpHeaders, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return peer ?? '';
}
