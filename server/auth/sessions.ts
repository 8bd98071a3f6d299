// Browser sessions: random cookie token (only its SHA-256 is stored), idle and absolute time-outs, revocation.
import type { Db, Tx } from '../db/client.ts';
import type { Config } from '../config.ts';
import { randomToken, sha256 } from '../security/tokens.ts';
import { subjectFromUser, type Subject } from './subject.ts';

export const SESSION_COOKIE = 'tb_session';
/** Writing lastSeenAt on every request would make reads into writes; once a minute is precise enough for a 30-minute idle limit. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionInfo {
  id: string;
  csrfToken: string;
  mfaPending: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
}

export interface LoadedSession {
  session: SessionInfo;
  subject: Subject;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  locale: string;
}

export async function createSession(
  tx: Tx,
  args: { userId: string; mfaPending: boolean; ip: string; userAgent: string; now: Date; config: Config },
): Promise<{ token: string; session: SessionInfo }> {
  const token = randomToken();
  const session = await tx.session.create({
    data: {
      id: sha256(token),
      userId: args.userId,
      csrfToken: randomToken(24),
      mfaPending: args.mfaPending,
      createdAt: args.now,
      lastSeenAt: args.now,
      absoluteExpiresAt: new Date(args.now.getTime() + args.config.sessionAbsoluteHours * 3_600_000),
      ip: args.ip.slice(0, 64),
      userAgent: args.userAgent.slice(0, 256),
    },
  });
  return { token, session };
}

export function isSessionLive(s: { revokedAt: Date | null; lastSeenAt: Date; absoluteExpiresAt: Date }, now: Date, config: Config): boolean {
  if (s.revokedAt) return false;
  if (now.getTime() >= s.absoluteExpiresAt.getTime()) return false;
  return now.getTime() - s.lastSeenAt.getTime() < config.sessionIdleMinutes * 60_000;
}

/** Resolves a cookie token to a live session and its user; refreshes the idle timer. Null when absent, expired or revoked. */
export async function loadSession(db: Db, token: string | undefined, now: Date, config: Config, touch = true): Promise<LoadedSession | null> {
  if (!token || token.length > 100) return null;
  const row = await db.session.findUnique({
    where: { id: sha256(token) },
    include: { user: { include: { roles: true } } },
  });
  if (!row || row.user.disabled || !isSessionLive(row, now, config)) return null;
  if (touch && now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return {
    session: row,
    subject: subjectFromUser(row.user),
    mustChangePassword: row.user.mustChangePassword,
    mfaEnabled: row.user.totpEnabledAt !== null,
    locale: row.user.locale,
  };
}

export async function revokeSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Revokes every live session of a user (optionally keeping one); returns the revoked ids so open sockets can be closed. */
export async function revokeUserSessions(tx: Tx, userId: string, now: Date, exceptId?: string): Promise<string[]> {
  const live = await tx.session.findMany({
    where: { userId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (live.length > 0) {
    await tx.session.updateMany({ where: { id: { in: live.map((s) => s.id) } }, data: { revokedAt: now } });
  }
  return live.map((s) => s.id);
}
