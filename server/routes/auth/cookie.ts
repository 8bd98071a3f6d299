// Sets and clears the session cookie: httpOnly, SameSite=Lax, Secure when served over HTTPS.
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';

export function setSessionCookie(reply: FastifyReply, token: string, config: Config): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    path: '/',
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
