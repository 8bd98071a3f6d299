// A plenary meeting (全体会议/宣讲会) end to end (@media): three real Chromium browsers (the host speaking and sharing
// a screen, two viewers) and 100 simulated viewers (socket.io clients that join, consume and report what they show,
// as a browser does, without decoding). Viewers see the active speaker and the screen; a viewer has no send buttons
// and the server refuses its media until the host gives it the floor (发言权, from the participants or a raised
// hand); then it is seen by the others.
import { io, type Socket } from 'socket.io-client';
import { expect, request as playwrightRequest, test, type Browser, type Page } from './support/test.ts';
import { asBrowser, DEMO_PASSWORD, serverNow, signInStaff, userId } from './support/tongban.ts';
import { rtpCapabilitiesSchema } from '../../media/signaling.ts';
import { audioRtp } from '../support/mediaFixtures.ts';
import { fakeMediaLaunchOptions } from './support/chromium.ts';
import { expectDecoding, RECORD_PEER_CONNECTIONS, tileVideo } from './support/webrtc.ts';

const SIMULATED_VIEWERS = 100;
/** The simulated viewers sign in as these participants, several sockets each (as someone with several devices). */
const SIMULATED_ACCOUNTS: Array<[string, string]> = [
  ['tangmin', '唐敏'],
  ['matao', '马涛'],
  ['songjia', '宋佳'],
  ['zhengkai', '郑凯'],
];

test.use({
  launchOptions: fakeMediaLaunchOptions(),
  trace: 'off',
});
test.describe.configure({ timeout: 600_000 });

interface Person {
  page: Page;
  name: string;
  close(): Promise<void>;
}

async function person(browser: Browser, username: string, name: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(RECORD_PEER_CONNECTIONS);
  page.on('console', (m) => {
    if (m.type() === 'warning' || (m.type() === 'error' && !m.text().includes('401')))
      console.log(`[${name}] ${m.type()}: ${m.text()}`);
  });
  await signInStaff(page, username);
  return { page, name, close: () => context.close() };
}

async function enterRoom(p: Person, path: string): Promise<void> {
  await p.page.goto(path);
  await p.page.getByRole('button', { name: '加入会议' }).click();
  await expect(p.page.getByTestId('meeting-room')).toBeVisible({ timeout: 30_000 });
}

const stageVideo = '[data-testid="screen-stage"] video';

type Ack = { ok: true; data: Record<string, unknown> } | { ok: false; code: string; message: string };

/** A viewer without a browser: joins, consumes every producer, resumes it and reports the speaker view. */
class SimulatedViewer {
  private readonly consumed = new Set<string>();
  private readonly screens = new Set<string>();

  private constructor(private readonly socket: Socket) {}

  static async join(baseURL: string, cookie: string, meetingId: string): Promise<SimulatedViewer> {
    const socket = io(baseURL, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const viewer = new SimulatedViewer(socket);
    const joined = await viewer.request('join', { meetingId });
    const enabled = await viewer.request('enableMedia', {
      rtpCapabilities: rtpCapabilitiesSchema.parse(joined.routerRtpCapabilities),
    });
    await viewer.request('createTransport', { direction: 'recv' });
    socket.on('meeting:notification', (n: { method: string; data: Record<string, unknown> }) => {
      if (n.method === 'producerAdded')
        void viewer.consume(n.data.peerId as string, n.data.producer as { producerId: string; source: string });
    });
    const producers = enabled.producers as Array<{ peerId: string; producerId: string; source: string }>;
    for (const p of producers) await viewer.consume(p.peerId, p);
    await viewer.report();
    return viewer;
  }

  ask(method: string, data: unknown): Promise<Ack> {
    return this.socket.timeout(60_000).emitWithAck('meeting:request', { method, data }) as Promise<Ack>;
  }

  async request(method: string, data: unknown): Promise<Record<string, unknown>> {
    const ack = await this.ask(method, data);
    if (!ack.ok) throw new Error(`${method}: ${ack.code} ${ack.message}`);
    return ack.data;
  }

  private async consume(peerId: string, producer: { producerId: string; source: string }): Promise<void> {
    if (this.consumed.has(producer.producerId)) return;
    this.consumed.add(producer.producerId);
    const consumer = await this.request('consume', { producerId: producer.producerId });
    await this.request('resumeConsumer', { consumerId: consumer.consumerId });
    if (producer.source === 'screen') {
      this.screens.add(peerId);
      await this.report();
    }
  }

  /** The speaker view with the stage: the active speaker and any screen share. */
  private report(): Promise<unknown> {
    return this.request('reportDisplay', { speaker: true, screens: [...this.screens].slice(0, 4), tiles: [] });
  }

  close(): void {
    this.socket.close();
  }
}

async function sessionCookie(baseURL: string, username: string): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/auth/sign-in', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  const { cookies } = await api.storageState();
  await api.dispose();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

async function mediaState(page: Page) {
  const res = await page.request.get('/api/test/media');
  expect(res.ok()).toBe(true);
  return (await res.json()) as {
    meetings: Array<{
      meetingId: string;
      routers: number;
      peers: Array<{
        displayName: string;
        producers: Array<{ id: string; source: string }>;
        consumers: Array<{ producerId: string; source: string; paused: boolean }>;
      }>;
    }>;
  };
}

test('@media a plenary: 3 browsers and 100 simulated viewers; viewers see the speaker and the screen, and send only with the floor', async ({
  browser,
  baseURL,
}) => {
  const host = await person(browser, 'zhaojing', '赵静');
  const now = await serverNow(host.page.request);
  const api = await asBrowser(host.page);
  const participants = [['zhangwei', '张伟'], ['hejun', '何军'], ...SIMULATED_ACCOUNTS] as Array<[string, string]>;
  const res = await api.post('/api/meetings', {
    title: '全区安全生产全体会议',
    type: 'zhuanti',
    mode: 'online',
    plenary: true,
    hostId: await userId(host.page, 'zhaojing', '赵静'),
    startAt: new Date(now.getTime() + 5 * 60_000).toISOString(),
    endAt: new Date(now.getTime() + 95 * 60_000).toISOString(),
    participants: {
      users: await Promise.all(
        participants.map(async ([u, n]) => ({ userId: await userId(host.page, u, n), role: 'attendee' })),
      ),
      units: [],
    },
    acceptClashes: true,
  });
  expect(res.status(), await res.text()).toBe(201);
  const meetingId = ((await res.json()) as { id: string }).id;
  const roomPath = `/meetings/${meetingId}/room`;

  // The meeting page marks it as a plenary beside its title.
  await host.page.goto(`/meetings/${meetingId}`);
  await expect(host.page.getByTestId('meeting-detail').getByTestId('plenary-tag')).toHaveText('全体会议');

  await enterRoom(host, roomPath);
  const zhang = await person(browser, 'zhangwei', '张伟');
  const he = await person(browser, 'hejun', '何军');
  for (const viewer of [zhang, he]) {
    await enterRoom(viewer, roomPath);
    // A viewer watches: no microphone, camera or share buttons until the host gives the floor, and is told so.
    await expect(viewer.page.locator('.mr-header').getByTestId('plenary-tag')).toBeVisible();
    await expect(viewer.page.getByTestId('viewer-badge')).toContainText('获得发言权后才能发言');
    await expect(viewer.page.getByTestId('toggle-mic')).toHaveCount(0);
    await expect(viewer.page.getByTestId('toggle-camera')).toHaveCount(0);
  }

  // 100 simulated viewers arrive, 20 at a time.
  const cookies = await Promise.all(SIMULATED_ACCOUNTS.map(([u]) => sessionCookie(baseURL!, u)));
  const simulated: SimulatedViewer[] = [];
  while (simulated.length < SIMULATED_VIEWERS) {
    const wave = Array.from({ length: 20 }, (_, i) =>
      SimulatedViewer.join(baseURL!, cookies[(simulated.length + i) % cookies.length]!, meetingId),
    );
    simulated.push(...(await Promise.all(wave)));
  }

  // The server refuses a viewer's media, in both languages.
  const refusing = simulated[0]!;
  const send = await refusing.request('createTransport', { direction: 'send' });
  const refused = await refusing.ask('produce', {
    transportId: send.id,
    kind: 'audio',
    source: 'mic',
    rtpParameters: audioRtp(4242),
  });
  expect(refused).toMatchObject({ ok: false, code: 'not_a_speaker' });
  expect(refused.ok ? '' : refused.message).toContain('发言权');

  // The viewers see and decode the host, the active speaker.
  for (const viewer of [zhang, he]) await expectDecoding(viewer.page, tileVideo('赵静'), 30);

  // The host shares a screen: the viewers get it on the stage, decoding.
  await host.page.getByTestId('toggle-screen').click();
  for (const viewer of [zhang, he]) {
    await expect(viewer.page.getByTestId('screen-stage')).toHaveAttribute('data-peer-name', '赵静');
    await expectDecoding(viewer.page, stageVideo, 20);
  }

  // The meeting is spread over the workers (one router on each), and every simulated viewer receives the host's camera and screen.
  await expect
    .poll(async () => {
      const meeting = (await mediaState(host.page)).meetings.find((m) => m.meetingId === meetingId);
      const hostProducers = new Set(
        meeting?.peers.find((p) => p.displayName === '赵静')?.producers.map((p) => p.id) ?? [],
      );
      const receiving = (meeting?.peers ?? []).filter(
        (p) =>
          SIMULATED_ACCOUNTS.some(([, n]) => n === p.displayName) &&
          ['camera', 'screen'].every((source) =>
            p.consumers.some((c) => c.source === source && hostProducers.has(c.producerId) && !c.paused),
          ),
      );
      return { spread: (meeting?.routers ?? 0) >= 2, receiving: receiving.length };
    })
    .toEqual({ spread: true, receiving: SIMULATED_VIEWERS });

  // The host gives 张伟 the floor: his buttons appear, his camera reaches the others.
  // The participants panel is open beside the video on a wide screen.
  await host.page.getByTestId('participant').filter({ hasText: '张伟' }).getByTestId('manage-participant').click();
  await host.page.getByRole('menuitem', { name: '授予发言权' }).click();
  await expect(zhang.page.getByTestId('viewer-badge')).toHaveCount(0);
  await zhang.page.getByTestId('toggle-camera').click();
  await expectDecoding(he.page, tileVideo('张伟'), 20);
  await expectDecoding(host.page, tileVideo('张伟'), 20);

  // And takes it back: his camera stops and he watches again.
  await host.page.getByTestId('participant').filter({ hasText: '张伟' }).getByTestId('manage-participant').click();
  await host.page.getByRole('menuitem', { name: '收回发言权' }).click();
  await expect(zhang.page.getByTestId('viewer-badge')).toBeVisible();
  await expect(he.page.locator(tileVideo('张伟'))).toHaveCount(0);

  // 何军 raises his hand to ask for the floor; the host gives it from the list of hands, which lowers the hand.
  await he.page.getByTestId('toggle-hand').click();
  await host.page.getByTestId('open-hands').click();
  await host.page.getByTestId('raised-hand').filter({ hasText: '何军' }).getByTestId('grant-floor').click();
  await expect(he.page.getByTestId('viewer-badge')).toHaveCount(0);
  await expect(he.page.getByTestId('toggle-mic')).toBeVisible();
  await expect(host.page.getByTestId('raised-hand')).toHaveCount(0);

  for (const s of simulated) s.close();
  for (const p of [host, zhang, he]) await p.close();
});
