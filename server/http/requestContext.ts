// Builds the audit/command context (actor, IP, device, time) for a request.
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../audit/auditLog.ts';
import { Unauthorized } from '../errors.ts';
import type { LoadedSession } from '../auth/sessions.ts';

export function contextOf(request: FastifyRequest): RequestContext {
  const svc = request.server.svc;
  const subject = request.auth?.subject;
  return {
    actor: subject ? { id: subject.id, name: subject.username } : null,
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? ''),
    at: svc.clock.now(),
    auditKey: svc.keys.audit,
  };
}

export function requireAuth(request: FastifyRequest): LoadedSession {
  if (!request.auth) throw new Unauthorized();
  return request.auth;
}
