// Runs Tongban as a real child process (for crash and restart tests) and talks to it over HTTP like a browser.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../server/seed/demoOrganisation.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
}

/**
 * Starts the server and resolves when it prints that it is running (an event, not a timer). `env` adds to or overrides
 * the defaults (the demo organisation, a generous sign-in rate limit, quiet logs), e.g. TONGBAN_DEMO=full.
 */
export function startServer(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TONGBAN_DATA_DIR: dataDir,
      TONGBAN_PORT: String(port),
      TONGBAN_HOST: '127.0.0.1',
      TONGBAN_DEMO: '1',
      TONGBAN_AUTH_RATE_LIMIT: '1000',
      TONGBAN_LOG_LEVEL: 'warn',
      TONGBAN_BACKUP_AT: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is running at')) {
        child.stdout!.off('data', onData);
        resolve({ child, baseUrl: `http://127.0.0.1:${port}`, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready:\n${out.slice(-2000)}`)));
  });
}

/** A cookie-keeping HTTP client against a running server. */
export class HttpSession {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  async call(method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    const match = setCookie ? /tb_session=([^;]*)/.exec(setCookie) : null;
    if (match) this.cookie = `tb_session=${match[1]}`;
    const json = (res.headers.get('content-type') ?? '').includes('json')
      ? ((await res.json()) as Record<string, unknown>)
      : {};
    if (typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, json };
  }

  signIn(username: string, password = DEMO_PASSWORD) {
    return this.call('POST', '/api/auth/sign-in', { username, password });
  }
}
