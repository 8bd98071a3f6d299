// Typed configuration from environment variables. Every value has a documented default, so the embedded mode needs none.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { iceServerSchema, type IceServer } from '../media/signaling.ts';
import { CIPHER_NAMES, type CipherName } from './security/cipher.ts';
import { HASH_NAMES, type HashName } from './domain/contentDigest.ts';
import type { MfaRequirement } from './domain/roles.ts';
import { parseTrustProxy, type TrustProxy } from './http/trustedProxies.ts';

function str(name: string, fallback: string): string {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : v;
}

function int(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${v}"`);
  return n;
}

function intList(name: string, fallback: readonly number[]): number[] {
  const v = process.env[name];
  if (v === undefined || v.trim() === '') return [...fallback];
  const list = v.split(',').map((x) => Number(x.trim()));
  if (list.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`${name} must be a comma-separated list of positive whole numbers, got "${v}"`);
  return list;
}

function iceServers(name: string): IceServer[] {
  const v = process.env[name];
  if (v === undefined || v.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    throw new Error(
      `${name} must be JSON, e.g. [{"urls":"turn:turn.example.gov.cn:3478","username":"u","credential":"p"}]`,
    );
  }
  const result = z.array(iceServerSchema).max(8).safeParse(parsed);
  if (!result.success)
    throw new Error(`${name}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** A 32-byte key given base64-encoded, or null when unset (then it is generated under <dataDir>/keys). */
function key(name: string): Buffer | null {
  const v = process.env[name];
  if (v === undefined || v === '') return null;
  const bytes = Buffer.from(v, 'base64');
  if (bytes.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`);
  return bytes;
}

function bool(name: string, fallback: boolean): boolean {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  return v === '1' || v.toLowerCase() === 'true';
}

export interface Config {
  /** HTTP port (TONGBAN_PORT, default 3000). */
  port: number;
  /** Bind address (TONGBAN_HOST, default 0.0.0.0). */
  host: string;
  /** Where the database, uploaded files, keys and backups live (TONGBAN_DATA_DIR, default ./data). */
  dataDir: string;
  /** The address users reach Tongban at; used for links and origin checks (TONGBAN_PUBLIC_URL). */
  publicUrl: string;
  /** TLS certificate and key paths; when both are set the server speaks HTTPS (TONGBAN_TLS_CERT, TONGBAN_TLS_KEY). */
  tlsCert: string | null;
  tlsKey: string | null;
  /**
   * Behind a reverse proxy: client IPs come from X-Forwarded-For (TONGBAN_TRUST_PROXY, default off): `1` trusts every
   * proxy (the left-most entry is the client), a comma-separated list of addresses and networks trusts those
   * (server/http/trustedProxies.ts).
   */
  trustProxy: TrustProxy;
  /**
   * Keys for encryption at rest and the audit HMAC, 32 bytes base64 (TONGBAN_MASTER_KEY, TONGBAN_AUDIT_KEY); when
   * unset they are generated once under <dataDir>/keys.
   */
  masterKey: Buffer | null;
  auditKey: Buffer | null;
  /**
   * The cipher new values are sealed with at rest (TONGBAN_CIPHER): `aes-256-gcm` (default) or `sm4` (SM4-CTR with
   * HMAC-SM3, 国密). Values sealed before a switch stay readable; the re-seal job moves them to the new cipher.
   */
  cipher: CipherName;
  /** The digest of stored content hashes (TONGBAN_HASH): `sha256` (default) or `sm3` (stored as "sm3:<hex>"). */
  hash: HashName;
  /** Seconds between looks of the at-rest re-seal job for work to do; 0 turns it off (TONGBAN_RESEAL_TICK_SECONDS, default 30). */
  resealTickSeconds: number;
  /** Minutes of inactivity after which a session ends (TONGBAN_SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** Hours after sign-in after which a session ends regardless (TONGBAN_SESSION_ABSOLUTE_HOURS, default 12). */
  sessionAbsoluteHours: number;
  /** Failed sign-ins before the account locks (TONGBAN_LOCKOUT_THRESHOLD, default 5). */
  lockoutThreshold: number;
  /** Lockout length (TONGBAN_LOCKOUT_MINUTES, default 30). */
  lockoutMinutes: number;
  /** Sign-in attempts per client IP per minute (TONGBAN_AUTH_RATE_LIMIT, default 20). */
  authRateLimit: number;
  /**
   * Failed socket.io handshakes (no valid session) per client IP per minute; past it, that address's handshakes are
   * refused until the minute ends (TONGBAN_SOCKET_CONNECT_RATE_LIMIT, default 60).
   */
  socketConnectRateLimit: number;
  /**
   * Meeting passcode guesses over socket.io per client IP per minute, as the HTTP join link allows
   * (TONGBAN_SOCKET_JOIN_RATE_LIMIT, default 30).
   */
  socketJoinRateLimit: number;
  /** Minimum password length (TONGBAN_PASSWORD_MIN_LENGTH, default 10). */
  passwordMinLength: number;
  /**
   * Who must sign in with a second factor (TONGBAN_MFA_REQUIRED): `privileged` (default) leaders and the three
   * administrators, `all` every account.
   */
  mfaRequired: MfaRequirement;
  /**
   * The OpenAPI document and its UI at /api/docs (TONGBAN_API_DOCS): `signed-in` (default) for fully signed-in users
   * only, `public` for anyone, `off` not served.
   */
  apiDocs: 'signed-in' | 'public' | 'off';
  /**
   * mediasoup: UDP and TCP port of worker 0's WebRtcServer (worker i uses port + i; open that many ports, both
   * protocols), the listen address and the IP announced to browsers (TONGBAN_MEDIA_PORT default 40000,
   * TONGBAN_MEDIA_LISTEN_IP default 0.0.0.0, TONGBAN_MEDIA_ANNOUNCED_IP default: the machine's first external IPv4).
   */
  mediaPort: number;
  mediaListenIp: string;
  mediaAnnouncedIp: string | null;
  /** mediasoup workers; 0 = one per core (TONGBAN_MEDIA_WORKERS). */
  mediaWorkers: number;
  /** Consumers on one router before a meeting spreads to another worker (TONGBAN_MEDIA_ROUTER_CONSUMERS, default 400). */
  mediaRouterConsumers: number;
  /** People a plenary meeting takes online, besides its host (TONGBAN_PLENARY_CAPACITY, default 300). */
  plenaryCapacity: number;
  /** STUN/TURN servers for browsers behind NAT, as a JSON array of RTCIceServer (TONGBAN_ICE_SERVERS, default none). */
  iceServers: IceServer[];
  /** Log level (TONGBAN_LOG_LEVEL, default info). */
  logLevel: string;
  /** Log format (TONGBAN_LOG_FORMAT): `pretty` (human-readable), `json`, or `auto` (pretty on a terminal, JSON otherwise; default). */
  logFormat: 'auto' | 'pretty' | 'json';
  /** Where the built web client is served from (TONGBAN_CLIENT_DIST, default client/dist; vite.config.ts writes there). */
  clientDist: string;
  /**
   * Demo data on a start with no users (TONGBAN_DEMO): `organisation` (value 1) the demo organisation alone, `full`
   * a month of its work on top; `none` (default) nothing.
   */
  demo: 'none' | 'organisation' | 'full';
  /** The font for Chinese text in PDF exports, `file` or `file#PostScriptName` (TONGBAN_PDF_FONT, default fontconfig's choice for zh-cn). */
  pdfFont: string | null;
  /** Test hooks (controllable clock) for automated tests only; refused when NODE_ENV=production (TONGBAN_TEST_HOOKS). */
  testHooks: boolean;
  /** Supervision: deadline reminders, working days before the due date (TONGBAN_SUPERVISION_REMINDER_DAYS, default "3,1"). */
  supervisionReminderDays: number[];
  /** Supervision: seconds between deadline-warning runs; 0 turns the timer off (TONGBAN_SUPERVISION_TICK_SECONDS, default 60). */
  supervisionTickSeconds: number;
  /** 办文: seconds between step-deadline reminder runs; 0 turns the timer off (TONGBAN_OFFICIAL_DOC_TICK_SECONDS, default 300). */
  officialDocTickSeconds: number;
  /** Search: seconds between runs of the indexer that follows edits; 0 turns the timer off (TONGBAN_SEARCH_TICK_SECONDS, default 2). */
  searchTickSeconds: number;
  /** OCR: seconds between runs of the job that recognises scans and images; 0 turns the timer off (TONGBAN_OCR_TICK_SECONDS, default 5). */
  ocrTickSeconds: number;
  /** OCR: longest one tool may take on one page (render or recognise) before the file fails as `timeout` (TONGBAN_OCR_TIMEOUT_SECONDS, default 120). */
  ocrTimeoutSeconds: number;
  /** 归档: seconds between runs of the job that packages completed items and lists those past their period; 0 turns the timer off (TONGBAN_ARCHIVE_TICK_SECONDS, default 300). */
  archiveTickSeconds: number;
  /** 办文: 催办 of one 公文 allowed per hour, by everyone together (TONGBAN_URGE_LIMIT, default 3). */
  urgeLimit: number;
  /** Supervision: 催办 of one task allowed per day (China), by all its supervisors together (TONGBAN_SUPERVISION_URGE_LIMIT, default 3). */
  supervisionUrgeLimit: number;
  /** Supervision: largest attachment to a progress report or acceptance evidence, in MiB (TONGBAN_SUPERVISION_ATTACHMENT_MB, default 20). */
  supervisionAttachmentMaxMb: number;
  /** Largest meeting material accepted, in MiB (TONGBAN_MAX_UPLOAD_MB, default 50). */
  maxUploadMb: number;
  /** All meeting recordings together, kept and in progress, in MiB (TONGBAN_RECORDING_QUOTA_MB, default 20480). */
  recordingQuotaMb: number;
  /**
   * What one recording in progress holds of the quota, in MiB, and so the largest it may grow to: its streams end it
   * at that size (TONGBAN_RECORDING_RESERVE_MB, default 1024, about 2 hours).
   */
  recordingReserveMb: number;
  /** Default reminders before a meeting, minutes before the start (TONGBAN_MEETING_REMINDERS, default "1440,15": a day and 15 minutes). */
  meetingReminderMinutes: number[];
  /**
   * Where the generated master and audit keys, the keyring and the audit head checkpoint are kept (TONGBAN_KEY_DIR,
   * default <dataDir>/keys). Put it on another volume than the database: the start warns while it is beside it.
   */
  keyDir: string;
  /**
   * The signed checkpoint of the audit chain's newest event, written after every committed append; audit:verify
   * compares the chain with it, so deleting the newest events is detected (TONGBAN_AUDIT_HEAD_FILE, default
   * <keyDir>/audit-head.json).
   */
  auditHeadFile: string;
  /** Time of day (HH:MM, China Standard Time) of the scheduled encrypted backup; null: none (TONGBAN_BACKUP_AT, default 02:30, `off`). */
  backupAt: string | null;
  /** Where scheduled backups go, ideally a mounted off-site volume (TONGBAN_BACKUP_DIR, default <dataDir>/backups). */
  backupDir: string;
  /** How many scheduled backups are kept in backupDir; older ones are removed (TONGBAN_BACKUP_KEEP, default 7). */
  backupKeep: number;
  /**
   * Where the data lives, Prisma's and the collab update log's (TONGBAN_DATABASE_URL): unset or `file:` the embedded
   * SQLite database in the data directory (null here), `postgresql://user@host:5432/db?schema=name` PostgreSQL (README,
   * "Scaling out"; the search index and backups stay in the data directory).
   */
  databaseUrl: string | null;
  /**
   * Redis for state shared between instances (TONGBAN_REDIS_URL, e.g. `redis://127.0.0.1:6379`): collab documents and
   * socket.io rooms span the instances; null (default): one process keeps it all in memory.
   */
  redisUrl: string | null;
  /** Prefix of every Redis key and channel of this deployment, so that several can share one Redis (TONGBAN_REDIS_PREFIX, default tongban). */
  redisPrefix: string;
  /**
   * With Redis: how long an instance's hold on a background job lasts unless renewed; another instance takes the job
   * over at most this long after the holder died (TONGBAN_JOB_LEASE_SECONDS, default 30).
   */
  jobLeaseSeconds: number;
}

function logFormat(value: string): Config['logFormat'] {
  if (value === 'auto' || value === 'pretty' || value === 'json') return value;
  throw new Error(`TONGBAN_LOG_FORMAT must be auto, pretty or json, not ${value}`);
}

/** One of a fixed set of words, or the start stops naming the variable and the words it takes. */
function oneOf<const T extends string>(name: string, words: readonly T[], fallback: T): T {
  const v = str(name, fallback);
  if ((words as readonly string[]).includes(v)) return v as T;
  throw new Error(`${name} must be ${words.join(', ')}; got "${v}"`);
}

/** A path from the environment, resolved; null when unset. */
function optionalPath(name: string): string | null {
  const v = process.env[name];
  return v === undefined || v === '' ? null : path.resolve(v);
}

/** TONGBAN_BACKUP_AT: a time of day HH:MM (24-hour), or `off`. */
function timeOfDay(name: string, fallback: string): string | null {
  const v = str(name, fallback).trim();
  if (v === 'off') return null;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(v);
  if (!m) throw new Error(`${name} must be a time of day as HH:MM (e.g. 02:30) or off, got "${v}"`);
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** TONGBAN_DATABASE_URL: null for the embedded SQLite (unset or `file:`), else the PostgreSQL URL. */
function databaseUrl(name: string): string | null {
  const v = (process.env[name] ?? '').trim();
  if (v === '' || v === 'file:') return null;
  if (v.startsWith('file:'))
    throw new Error(
      `${name}=file: takes no path: the SQLite database is <data directory>/tongban.db (TONGBAN_DATA_DIR); got "${v}" / SQLite 数据库位置由 TONGBAN_DATA_DIR 决定`,
    );
  if (!/^postgres(ql)?:\/\//.test(v))
    throw new Error(`${name} must be unset, file: or postgresql://…; got "${v}" / 仅支持 file: 或 postgresql://`);
  return v;
}

/** TONGBAN_REDIS_URL: null when unset, else a redis:// or rediss:// URL. */
function redisUrl(name: string): string | null {
  const v = (process.env[name] ?? '').trim();
  if (v === '') return null;
  if (!/^rediss?:\/\//.test(v))
    throw new Error(`${name} must be redis://… or rediss://…; got "${v}" / 仅支持 redis://`);
  return v;
}

// Any other value keeps demo data off, as it always has.
function demo(value: string): Config['demo'] {
  if (value === '1') return 'organisation';
  return value === 'full' ? 'full' : 'none';
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const port = int('TONGBAN_PORT', 3000);
  // Paths that default to places under the data directory follow an overridden data directory (tests).
  const dataDir = overrides.dataDir ?? path.resolve(str('TONGBAN_DATA_DIR', 'data'));
  const keyDir = overrides.keyDir ?? optionalPath('TONGBAN_KEY_DIR') ?? path.join(dataDir, 'keys');
  const tlsCert = process.env.TONGBAN_TLS_CERT || null;
  const tlsKey = process.env.TONGBAN_TLS_KEY || null;
  const scheme = tlsCert && tlsKey ? 'https' : 'http';
  const config: Config = {
    port,
    host: str('TONGBAN_HOST', '0.0.0.0'),
    dataDir,
    publicUrl: str('TONGBAN_PUBLIC_URL', `${scheme}://localhost:${port}`).replace(/\/$/, ''),
    tlsCert,
    tlsKey,
    trustProxy: parseTrustProxy('TONGBAN_TRUST_PROXY', process.env.TONGBAN_TRUST_PROXY),
    masterKey: key('TONGBAN_MASTER_KEY'),
    auditKey: key('TONGBAN_AUDIT_KEY'),
    cipher: oneOf('TONGBAN_CIPHER', CIPHER_NAMES, 'aes-256-gcm'),
    hash: oneOf('TONGBAN_HASH', HASH_NAMES, 'sha256'),
    resealTickSeconds: int('TONGBAN_RESEAL_TICK_SECONDS', 30),
    sessionIdleMinutes: int('TONGBAN_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: int('TONGBAN_SESSION_ABSOLUTE_HOURS', 12),
    lockoutThreshold: int('TONGBAN_LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: int('TONGBAN_LOCKOUT_MINUTES', 30),
    authRateLimit: int('TONGBAN_AUTH_RATE_LIMIT', 20),
    socketConnectRateLimit: int('TONGBAN_SOCKET_CONNECT_RATE_LIMIT', 60),
    socketJoinRateLimit: int('TONGBAN_SOCKET_JOIN_RATE_LIMIT', 30),
    passwordMinLength: int('TONGBAN_PASSWORD_MIN_LENGTH', 10),
    mfaRequired: oneOf('TONGBAN_MFA_REQUIRED', ['privileged', 'all'], 'privileged'),
    apiDocs: oneOf('TONGBAN_API_DOCS', ['signed-in', 'public', 'off'], 'signed-in'),
    mediaPort: int('TONGBAN_MEDIA_PORT', 40000),
    mediaListenIp: str('TONGBAN_MEDIA_LISTEN_IP', '0.0.0.0'),
    mediaAnnouncedIp: process.env.TONGBAN_MEDIA_ANNOUNCED_IP || null,
    mediaWorkers: int('TONGBAN_MEDIA_WORKERS', 0),
    mediaRouterConsumers: int('TONGBAN_MEDIA_ROUTER_CONSUMERS', 400),
    plenaryCapacity: int('TONGBAN_PLENARY_CAPACITY', 300),
    iceServers: iceServers('TONGBAN_ICE_SERVERS'),
    logLevel: str('TONGBAN_LOG_LEVEL', 'info'),
    logFormat: logFormat(str('TONGBAN_LOG_FORMAT', 'auto')),
    clientDist: path.resolve(str('TONGBAN_CLIENT_DIST', fileURLToPath(new URL('../client/dist', import.meta.url)))),
    demo: demo(str('TONGBAN_DEMO', '')),
    pdfFont: process.env.TONGBAN_PDF_FONT || null,
    testHooks: bool('TONGBAN_TEST_HOOKS', false),
    supervisionReminderDays: intList('TONGBAN_SUPERVISION_REMINDER_DAYS', [3, 1]),
    supervisionTickSeconds: int('TONGBAN_SUPERVISION_TICK_SECONDS', 60),
    officialDocTickSeconds: int('TONGBAN_OFFICIAL_DOC_TICK_SECONDS', 300),
    searchTickSeconds: int('TONGBAN_SEARCH_TICK_SECONDS', 2),
    ocrTickSeconds: int('TONGBAN_OCR_TICK_SECONDS', 5),
    ocrTimeoutSeconds: int('TONGBAN_OCR_TIMEOUT_SECONDS', 120),
    archiveTickSeconds: int('TONGBAN_ARCHIVE_TICK_SECONDS', 300),
    urgeLimit: int('TONGBAN_URGE_LIMIT', 3),
    supervisionUrgeLimit: int('TONGBAN_SUPERVISION_URGE_LIMIT', 3),
    supervisionAttachmentMaxMb: int('TONGBAN_SUPERVISION_ATTACHMENT_MB', 20),
    maxUploadMb: int('TONGBAN_MAX_UPLOAD_MB', 50),
    recordingQuotaMb: int('TONGBAN_RECORDING_QUOTA_MB', 20_480),
    recordingReserveMb: int('TONGBAN_RECORDING_RESERVE_MB', 1_024),
    meetingReminderMinutes: intList('TONGBAN_MEETING_REMINDERS', [1440, 15]),
    keyDir,
    auditHeadFile: optionalPath('TONGBAN_AUDIT_HEAD_FILE') ?? path.join(keyDir, 'audit-head.json'),
    backupAt: timeOfDay('TONGBAN_BACKUP_AT', '02:30'),
    backupDir: optionalPath('TONGBAN_BACKUP_DIR') ?? path.join(dataDir, 'backups'),
    backupKeep: int('TONGBAN_BACKUP_KEEP', 7),
    databaseUrl: databaseUrl('TONGBAN_DATABASE_URL'),
    redisUrl: redisUrl('TONGBAN_REDIS_URL'),
    redisPrefix: str('TONGBAN_REDIS_PREFIX', 'tongban'),
    jobLeaseSeconds: int('TONGBAN_JOB_LEASE_SECONDS', 30),
    ...overrides,
  };
  if (config.backupKeep < 1) throw new Error(`TONGBAN_BACKUP_KEEP must be at least 1, got ${config.backupKeep}`);
  if (config.testHooks && process.env.NODE_ENV === 'production') {
    throw new Error('TONGBAN_TEST_HOOKS must not be enabled when NODE_ENV=production');
  }
  return config;
}
