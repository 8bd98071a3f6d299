// Typed configuration from environment variables. Every value has a documented default, so the embedded mode needs none.
import path from 'node:path';

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
  /** Minimum password length (TONGBAN_PASSWORD_MIN_LENGTH, default 10). */
  passwordMinLength: number;
  /** mediasoup: UDP/TCP port of the WebRtcServer and the IP announced to browsers (TONGBAN_MEDIA_PORT, TONGBAN_MEDIA_ANNOUNCED_IP). */
  mediaPort: number;
  mediaListenIp: string;
  mediaAnnouncedIp: string | null;
  /** mediasoup workers; 0 = one per core (TONGBAN_MEDIA_WORKERS). */
  mediaWorkers: number;
  /** Log level (TONGBAN_LOG_LEVEL, default info). */
  logLevel: string;
  /** Test hooks (controllable clock) for automated tests only; refused when NODE_ENV=production (TONGBAN_TEST_HOOKS). */
  testHooks: boolean;
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const port = int('TONGBAN_PORT', 3000);
  const tlsCert = process.env.TONGBAN_TLS_CERT || null;
  const tlsKey = process.env.TONGBAN_TLS_KEY || null;
  const scheme = tlsCert && tlsKey ? 'https' : 'http';
  const config: Config = {
    port,
    host: str('TONGBAN_HOST', '0.0.0.0'),
    dataDir: path.resolve(str('TONGBAN_DATA_DIR', 'data')),
    publicUrl: str('TONGBAN_PUBLIC_URL', `${scheme}://localhost:${port}`).replace(/\/$/, ''),
    tlsCert,
    tlsKey,
    sessionIdleMinutes: int('TONGBAN_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: int('TONGBAN_SESSION_ABSOLUTE_HOURS', 12),
    lockoutThreshold: int('TONGBAN_LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: int('TONGBAN_LOCKOUT_MINUTES', 30),
    authRateLimit: int('TONGBAN_AUTH_RATE_LIMIT', 20),
    passwordMinLength: int('TONGBAN_PASSWORD_MIN_LENGTH', 10),
    mediaPort: int('TONGBAN_MEDIA_PORT', 40000),
    mediaListenIp: str('TONGBAN_MEDIA_LISTEN_IP', '0.0.0.0'),
    mediaAnnouncedIp: process.env.TONGBAN_MEDIA_ANNOUNCED_IP || null,
    mediaWorkers: int('TONGBAN_MEDIA_WORKERS', 0),
    logLevel: str('TONGBAN_LOG_LEVEL', 'info'),
    testHooks: bool('TONGBAN_TEST_HOOKS', false),
    ...overrides,
  };
  if (config.testHooks && process.env.NODE_ENV === 'production') {
    throw new Error('TONGBAN_TEST_HOOKS must not be enabled when NODE_ENV=production');
  }
  return config;
}
