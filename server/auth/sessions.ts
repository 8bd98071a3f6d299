// Browser sessions: random cookie token (only its SHA-256 is stored), idle and absolute time-outs, revocation.
import { queryRows, type Db, type Tx } from '../db/client.ts';
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

/**
 * The session with its user and roles, one indexed statement read through queryRows (see loadSession), columns in this
 * order: booleans as 0/1, times as the stored text, the user's roles comma-separated in name order. On SQLite the id
 * is bound as `+?` (a no-op on the value): compared with an indexed column, a plain `?` makes SQLite re-plan the
 * statement by its sqlite_stat4 samples each time it is bound, i.e. on every request (server/queries/todo/todoCentre.ts).
 */
const SESSION_SQL = {
  sqlite: `
  SELECT s.id, s.csrfToken, s.mfaPending, s.createdAt, s.lastSeenAt, s.absoluteExpiresAt, s.revokedAt,
         u.id, u.username, u.displayName, u.unitId, u.clearance, u.adminRole, u.disabled, u.mustChangePassword,
         u.totpEnabledAt, u.locale,
         (SELECT group_concat(role, ',') FROM (SELECT r.role FROM UserRole r WHERE r.userId = u.id ORDER BY r.role))
  FROM Session s JOIN User u ON u.id = s.userId
  WHERE s.id = +?`,
  postgres: `
  SELECT s.id, s."csrfToken", s."mfaPending", s."createdAt", s."lastSeenAt", s."absoluteExpiresAt", s."revokedAt",
         u.id, u.username, u."displayName", u."unitId", u.clearance, u."adminRole", u.disabled, u."mustChangePassword",
         u."totpEnabledAt", u.locale,
         (SELECT string_agg(r.role, ',' ORDER BY r.role) FROM "UserRole" r WHERE r."userId" = u.id)
  FROM "Session" s JOIN "User" u ON u.id = s."userId"
  WHERE s.id = $1`,
};

type SessionRow = [
  id: string,
  csrfToken: string,
  mfaPending: number,
  createdAt: string,
  lastSeenAt: string,
  absoluteExpiresAt: string,
  revokedAt: string | null,
  userId: string,
  username: string,
  displayName: string,
  unitId: string,
  clearance: number,
  adminRole: string | null,
  disabled: number,
  mustChangePassword: number,
  totpEnabledAt: string | null,
  locale: string,
  roles: string | null,
];

const time = (v: string) => new Date(v);

/**
 * Resolves a cookie token to a live session and its user; refreshes the idle timer. Null when absent, expired or
 * revoked. Every request comes through here, so it is one indexed statement read through queryRows: the ORM's nested
 * include (session → user → roles) costs several queries and a query compilation each time, and even $queryRaw's
 * argument and result mapping cost more than the statement (~0.3 ms of a ~1 ms authenticated request).
 */
export async function loadSession(
  db: Db,
  token: string | undefined,
  now: Date,
  config: Config,
  touch = true,
): Promise<LoadedSession | null> {
  if (!token || token.length > 100) return null;
  const [row] = (await queryRows(db, SESSION_SQL, [sha256(token)])) as SessionRow[];
  if (!row) return null;
  const [id, csrfToken, mfaPending, createdAt, lastSeenAt, absoluteExpiresAt, revokedAt, userId, username] = row;
  const [displayName, unitId, clearance, adminRole, disabled, mustChangePassword, totpEnabledAt, locale, roles] =
    row.slice(9) as [string, string, number, string | null, number, number, string | null, string, string | null];
  if (disabled) return null;
  const session: SessionInfo = {
    id,
    csrfToken,
    mfaPending: Boolean(mfaPending),
    createdAt: time(createdAt),
    lastSeenAt: time(lastSeenAt),
    absoluteExpiresAt: time(absoluteExpiresAt),
  };
  if (!isSessionLive({ ...session, revokedAt: revokedAt === null ? null : time(revokedAt) }, now, config)) return null;
  if (touch && now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  const user = {
    id: userId,
    username,
    displayName,
    unitId,
    clearance,
    adminRole,
    roles: (roles ?? '')
      .split(',')
      .filter((r) => r !== '')
      .map((role) => ({ role })),
  };
  return {
    session,
    subject: subjectFromUser(user),
    mustChangePassword: Boolean(mustChangePassword),
    mfaEnabled: totpEnabledAt !== null,
    locale,
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
