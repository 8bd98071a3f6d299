// Builds a real Tongban app on a fresh SQLite database in a temp directory, with a clock the test controls; with
// TONGBAN_TEST_DATABASE=postgres (scripts/test.mjs's PostgreSQL pass) on a fresh schema of TONGBAN_TEST_POSTGRES_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { AdjustableClock } from '../../server/clock.ts';
import type { Config } from '../../server/config.ts';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../../server/seed/demoOrganisation.ts';
import { totpAt } from '../../server/domain/totp.ts';
import { freshTestSchema, type TestSchema } from './postgres.ts';

export { DEMO_PASSWORD };

/**
 * TONGBAN_TEST_DATABASE=postgres: every test app runs on PostgreSQL (TONGBAN_TEST_POSTGRES_URL), each on a schema of
 * its own, dropped when it closes; unset, on SQLite as always.
 */
export const TEST_DATABASE: 'sqlite' | 'postgres' = testDatabase(process.env.TONGBAN_TEST_DATABASE);

function testDatabase(value: string | undefined): 'sqlite' | 'postgres' {
  if (!value || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`TONGBAN_TEST_DATABASE takes sqlite or postgres, not ${value}`);
}

export interface TestApp {
  app: FastifyInstance;
  clock: AdjustableClock;
  dataDir: string;
  /** The environment of a child process (`npm run cli -- …`) on this app's stores: its data directory, its schema. */
  cliEnv: NodeJS.ProcessEnv;
  /** Its PostgreSQL schema's URL (null on SQLite), for a test that starts the app again on the same data. */
  databaseUrl: string | null;
  /** Listens on a free loopback port (for WebSocket clients) and returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * `clockAt`: the instant the app's clock starts at (it then runs on with real time); by default the process's "now",
 * which `npm test -- --clock-at=…` moves for the whole run.
 */
export async function createTestApp(
  options: { demo?: boolean; config?: Partial<Config>; clockAt?: Date } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-test-'));
  const clock = new AdjustableClock(options.clockAt);
  // Every test signs in from one address many times: the per-IP sign-in limit is for offices, not for test files (a test
  // of the limit itself passes its own authRateLimit). Scheduled backups are off unless a test turns them on: a test
  // that moves the clock across 02:30 must not find a backup's audit event among its own. The OCR job is off too (a test
  // of it runs it with jobs.ocr.tick() or turns the timer on): its writes must not land between a probe's two snapshots.
  // The embedded stores unless a test names others (TONGBAN_DATABASE_URL or TONGBAN_REDIS_URL in the environment must
  // not send every test app to one shared PostgreSQL schema or Redis: tests/support/postgres.ts gives each its own).
  const schema: TestSchema | null =
    TEST_DATABASE === 'postgres' && options.config?.databaseUrl === undefined ? await freshTestSchema() : null;
  const config = {
    authRateLimit: 1000,
    backupAt: null,
    ocrTickSeconds: 0,
    databaseUrl: schema?.url ?? null,
    redisUrl: null,
    ...options.config,
    dataDir,
    publicUrl: 'http://localhost:3000',
  };
  const app = await buildApp({ config, clock, serveClient: false, logger: false });
  await app.ready();
  if (options.demo !== false) await seedDemoOrganisation(app.svc);
  return {
    app,
    clock,
    dataDir,
    databaseUrl: schema?.url ?? null,
    cliEnv: { ...process.env, TONGBAN_DATA_DIR: dataDir, ...(schema ? { TONGBAN_DATABASE_URL: schema.url } : {}) },
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address !== 'object') throw new Error('not listening');
      return `http://127.0.0.1:${address.port}`;
    },
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      await schema?.drop();
    },
  };
}

/** A signed-in client: keeps the session cookie and CSRF token like a browser would. */
export class TestClient {
  cookie = '';
  csrf = '';

  /** The app it talks to: builders that write what no route writes (a 正文's text, through the collab server) use it. */
  constructor(readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
    const setCookie = res.cookies.find((c) => c.name === 'tb_session');
    if (setCookie) this.cookie = setCookie.value ? `tb_session=${setCookie.value}` : '';
    const body = res.headers['content-type']?.includes('json') ? (res.json() as { csrfToken?: unknown }) : null;
    if (body && typeof body.csrfToken === 'string') this.csrf = body.csrfToken;
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload);
  }
  put(url: string, payload?: unknown) {
    return this.request('PUT', url, payload);
  }
  patch(url: string, payload?: unknown) {
    return this.request('PATCH', url, payload);
  }

  async signIn(username: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/api/auth/sign-in', { username, password });
  }
}

const authenticators = new WeakMap<TestApp, Map<string, string>>();

function rememberedSecrets(t: TestApp): Map<string, string> {
  let secrets = authenticators.get(t);
  if (!secrets) authenticators.set(t, (secrets = new Map()));
  return secrets;
}

/** Completes a sign-in that asks for a second factor: enrols an authenticator on first use, else proves its code. */
async function passSecondFactor(
  t: TestApp,
  client: TestClient,
  username: string,
  stage: string,
  secret: string | undefined,
): Promise<void> {
  if (stage === 'mfa_enrolment') {
    const enrol = (await client.post('/api/me/mfa/enrolment')).json() as { secret: string };
    const confirm = await client.post('/api/me/mfa/enrolment/confirm', { code: totpAt(enrol.secret, t.clock.now()) });
    if (confirm.statusCode !== 200) throw new Error(`enrolment failed: ${confirm.body}`);
    // The next code must come from a later 30-second step: the one just used may not be replayed.
    t.clock.advance(31_000);
    rememberedSecrets(t).set(username, enrol.secret);
    return;
  }
  if (stage !== 'mfa' || !secret) throw new Error(`unexpected stage ${stage}`);
  const verify = await client.post('/api/auth/mfa', { code: totpAt(secret, t.clock.now()) });
  if (verify.statusCode !== 200) throw new Error(`mfa failed: ${verify.body}`);
  t.clock.advance(31_000);
  rememberedSecrets(t).set(username, secret);
}

/**
 * A client signed in as `username`. A user who must use a second factor (leaders, clerks with it, administrators) enrols
 * an authenticator the first time and proves it afterwards; the secret is remembered for this app.
 */
export async function signedIn(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = new TestClient(t.app);
  const res = await client.signIn(username, password);
  if (res.statusCode !== 200) throw new Error(`${username} could not sign in: ${res.body}`);
  const { stage } = res.json() as { stage: string };
  if (stage !== 'active') await passSecondFactor(t, client, username, stage, rememberedSecrets(t).get(username));
  return client;
}

/** `signedIn` for a user the test expects to need a second factor: fails if the sign-in did not ask for one. */
export async function signedInWithMfa(t: TestApp, username: string): Promise<TestClient> {
  const client = new TestClient(t.app);
  const res = await client.signIn(username);
  const { stage } = res.json() as { stage: string };
  if (res.statusCode !== 200 || stage === 'active')
    throw new Error(`${username} signed in without a second factor: ${res.body}`);
  await passSecondFactor(t, client, username, stage, rememberedSecrets(t).get(username));
  return client;
}
