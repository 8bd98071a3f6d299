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

export function isSessionLive(
  s: { revokedAt: Date | null; lastSeenAt: Date; absoluteExpiresAt: Date },
  now: Date,
  config: Config,
): boolean {
  if (s.revokedAt) return false;
  if (now.getTime() >= s.absoluteExpiresAt.getTime()) return false;
  return now.getTime() - s.lastSeenAt.getTime() < config.sessionIdleMinutes * 60_000;
}

/** The session row with its user and roles, as one raw query reads it (see loadSession). */
interface SessionRow {
  id: string;
  csrfToken: string;
  mfaPending: boolean | number;
  createdAt: Date | string;
  lastSeenAt: Date | string;
  absoluteExpiresAt: Date | string;
  revokedAt: Date | string | null;
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  clearance: number | bigint;
  adminRole: string | null;
  disabled: boolean | number;
  mustChangePassword: boolean | number;
  totpEnabledAt: Date | string | null;
  locale: string;
  /** The user's roles, comma-separated, in name order. */
  roles: string | null;
}

const time = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/**
 * Resolves a cookie token to a live session and its user; refreshes the idle timer. Null when absent, expired or
 * revoked. Every request comes through here, so it is one indexed query written in SQL: the ORM's nested include
 * (session → user → roles) costs several queries and a query compilation each time, most of a small request's work.
 */
export async function loadSession(
  db: Db,
  token: string | undefined,
  now: Date,
  config: Config,
  touch = true,
): Promise<LoadedSession | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, s.csrfToken, s.mfaPending, s.createdAt, s.lastSeenAt, s.absoluteExpiresAt, s.revokedAt,
           u.id AS userId, u.username, u.displayName, u.unitId, u.clearance, u.adminRole, u.disabled, u.mustChangePassword, u.totpEnabledAt, u.locale,
           (SELECT group_concat(role, ',') FROM (SELECT r.role FROM UserRole r WHERE r.userId = u.id ORDER BY r.role)) AS roles
    FROM Session s JOIN User u ON u.id = s.userId
    WHERE s.id = ${sha256(token)}`;
  if (!row || Boolean(row.disabled)) return null;
  const session: SessionInfo = {
    id: row.id,
    csrfToken: row.csrfToken,
    mfaPending: Boolean(row.mfaPending),
    createdAt: time(row.createdAt),
    lastSeenAt: time(row.lastSeenAt),
    absoluteExpiresAt: time(row.absoluteExpiresAt),
  };
  if (!isSessionLive({ ...session, revokedAt: row.revokedAt === null ? null : time(row.revokedAt) }, now, config))
    return null;
  if (touch && now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  const user = {
    id: row.userId,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    clearance: Number(row.clearance),
    adminRole: row.adminRole,
    roles: (row.roles ?? '')
      .split(',')
      .filter((r) => r !== '')
      .map((role) => ({ role })),
  };
  return {
    session,
    subject: subjectFromUser(user),
    mustChangePassword: Boolean(row.mustChangePassword),
    mfaEnabled: row.totpEnabledAt !== null,
    locale: row.locale,
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
