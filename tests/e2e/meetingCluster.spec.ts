// An online meeting on three instances behind nginx, in Chromium with fake camera and microphone (@media, issue #20):
// two people meet through nginx, which routes the room's signalling by meeting to one instance; that instance is
// killed with SIGKILL, and both pages rejoin on another by themselves, without a reload, and see each other's video
// again. Runs where TONGBAN_TEST_POSTGRES_URL, TONGBAN_TEST_REDIS_URL and nginx are (as the cluster integration test).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from './support/test.ts';
import { asBrowser, signInStaff, userId } from './support/tongban.ts';
import { fakeMediaLaunchOptions } from './support/chromium.ts';
import { expectDecoding, RECORD_PEER_CONNECTIONS, tileVideo } from './support/webrtc.ts';
import { httpsGet, type Cluster } from '../../deploy/cluster/cluster.ts';
import { nginxBinary } from '../../deploy/cluster/nginxProcess.ts';
import { MEETING_QUERY } from '../../common/socket/meetingQuery.ts';
import { startQuietCluster, TEST_READINESS_WATCH } from '../support/clusterStart.ts';
import { freshTestSchema, TEST_POSTGRES_URL, type TestSchema } from '../support/postgres.ts';
import { TEST_REDIS_URL, testRedisPrefix } from '../support/redis.ts';

const SKIPPED = !TEST_POSTGRES_URL || !TEST_REDIS_URL || !nginxBinary();

test.use({ launchOptions: fakeMediaLaunchOptions(), trace: 'off' });
test.describe.configure({ timeout: 300_000 });

test.describe('an online meeting on a cluster', () => {
  test.skip(SKIPPED, 'needs TONGBAN_TEST_POSTGRES_URL, TONGBAN_TEST_REDIS_URL and nginx');

  let cluster: Cluster;
  let schema: TestSchema;
  let dataDir: string;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    schema = await freshTestSchema();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-e2e-cluster-'));
    cluster = await startQuietCluster({
      instances: 3,
      dataDir,
      databaseUrl: schema.url,
      redisUrl: TEST_REDIS_URL!,
      redisPrefix: testRedisPrefix(),
      env: process.env.TONGBAN_CLIENT_DIST ? { TONGBAN_CLIENT_DIST: process.env.TONGBAN_CLIENT_DIST } : {},
      watch: TEST_READINESS_WATCH,
    });
  });

  test.afterAll(async () => {
    await cluster?.stop();
    await schema?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function person(browser: Browser, username: string, name: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: cluster.url, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.addInitScript(RECORD_PEER_CONNECTIONS);
    page.on('console', (m) => {
      if (m.type() === 'warning') console.log(`[${name}] ${m.type()}: ${m.text()}`);
    });
    await signInStaff(page, username);
    return page;
  }

  test('@media the meeting moves to another instance when its instance is killed, and both see each other again', async ({
    browser,
  }) => {
    const host = await person(browser, 'zhaojing', '赵静');
    const api = await asBrowser(host);
    // The instances' clock: they are children of this worker and run on its clock (under `npm test -- --clock-at=…`
    // the run's moved clock, tests/support/shiftedClock.mjs). Not a response's Date header: Node writes it from the
    // unmoved clock, and nginx replaces it with its own.
    const now = new Date();
    const created = await api.post('/api/meetings', {
      title: '集群线上调度会',
      type: 'zhuanti',
      mode: 'online',
      hostId: await userId(host, 'zhaojing', '赵静'),
      startAt: new Date(now.getTime() + 5 * 60_000).toISOString(),
      endAt: new Date(now.getTime() + 65 * 60_000).toISOString(),
      participants: { users: [{ userId: await userId(host, 'zhangwei', '张伟'), role: 'attendee' }], units: [] },
      acceptClashes: true,
    });
    expect(created.status(), await created.text()).toBe(201);
    const meetingId = ((await created.json()) as { id: string }).id;
    const zhang = await person(browser, 'zhangwei', '张伟');
    for (const page of [host, zhang]) {
      await page.goto(`/meetings/${meetingId}/room`);
      await page.getByRole('button', { name: '加入会议' }).click();
      await expect(page.getByTestId('meeting-room')).toBeVisible({ timeout: 20_000 });
    }
    await expectDecoding(host, tileVideo('张伟'), 20, 45_000);
    await expectDecoding(zhang, tileVideo('赵静'), 20, 45_000);
    // Gone if a page reloads.
    for (const page of [host, zhang]) await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    // The instance nginx routes this meeting's connections to (any poll with its query goes where they went).
    const meetingInstance = async () => {
      const probe = await httpsGet(
        `${cluster.url}/socket.io/?EIO=4&transport=polling&${MEETING_QUERY}=${meetingId}`,
        fs.readFileSync(cluster.certificate, 'utf8'),
      );
      return String(probe.headers['x-tongban-upstream']).split(', ').at(-1);
    };
    const meetingAt = await meetingInstance();
    const victim = cluster.instances.find((i) => i.address === meetingAt)!;
    victim.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');

    // Both pages notice, rejoin by themselves on the instance nginx now picks, and receive video again.
    await Promise.all([host, zhang].map((page) => expect(page.getByTestId('reconnecting')).toBeVisible()));
    for (const page of [host, zhang]) await expect(page.getByTestId('reconnecting')).toBeHidden({ timeout: 30_000 });
    expect(await meetingInstance()).not.toBe(victim.address);
    await expectDecoding(host, tileVideo('张伟'), 20, 45_000);
    await expectDecoding(zhang, tileVideo('赵静'), 20, 45_000);
    for (const page of [host, zhang])
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
});
