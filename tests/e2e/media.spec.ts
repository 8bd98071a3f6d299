// Online meetings end to end, in Chromium with fake camera, microphone and screen (@media): three people see and hear
// each other, a shared screen reaches the others, the host's mute stops the server forwarding, chat reaches a late
// joiner, a wrong passcode is refused and an admitted guest gets media, a killed media worker is replaced while
// everyone gets media back without reloading, and a dropped connection rejoins by itself.
import { expect, test, type Browser, type Page } from './support/test.ts';
import { asBrowser, serverNow, signInStaff, userId } from '../e2e/support/tongban.ts';
import { fakeMediaLaunchOptions } from './support/chromium.ts';

// Four browsers encode and decode video on two cores: the fake camera runs at 15 fps, and traces (a snapshot per
// action of every page) are left off.
test.use({
  launchOptions: fakeMediaLaunchOptions(),
  trace: 'off',
});
test.describe.configure({ timeout: 300_000 });

// Remembers every RTCPeerConnection the page makes, so the test can read WebRTC statistics (inbound-rtp), and every
// WebSocket, so a test can drop the page's connection to the server as a network failure would.
const RECORD_CONNECTIONS = () => {
  const NativePc = window.RTCPeerConnection;
  const pcs: RTCPeerConnection[] = [];
  const NativeWs = window.WebSocket;
  const sockets: WebSocket[] = [];
  Object.assign(window, { __peerConnections: pcs, __webSockets: sockets });
  window.RTCPeerConnection = class extends NativePc {
    constructor(config?: RTCConfiguration) {
      super(config);
      pcs.push(this);
    }
  };
  window.WebSocket = class extends NativeWs {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  };
};

interface Person {
  page: Page;
  name: string;
  close(): Promise<void>;
}

async function person(
  browser: Browser,
  username: string,
  name: string,
  viewport?: { width: number; height: number },
): Promise<Person> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await page.addInitScript(RECORD_CONNECTIONS);
  // The room logs media failures as warnings; they explain a failing run.
  page.on('console', (m) => {
    if (m.type() === 'warning' || (m.type() === 'error' && !m.text().includes('401')))
      console.log(`[${name}] ${m.type()}: ${m.text()}`);
  });
  await signInStaff(page, username);
  return { page, name, close: () => context.close() };
}

/** 赵静 (a clerk of 区政府办) schedules an online meeting she hosts, starting in five minutes. */
async function scheduleMeeting(
  host: Page,
  participants: Array<[string, string]>,
): Promise<{ id: string; passcode: string; joinCode: string }> {
  const now = await serverNow(host.request);
  const api = await asBrowser(host);
  const users = await Promise.all(
    participants.map(async ([username, name]) => ({ userId: await userId(host, username, name), role: 'attendee' })),
  );
  const res = await api.post('/api/meetings', {
    title: '冬季安全生产线上调度会',
    type: 'zhuanti',
    mode: 'online',
    hostId: await userId(host, 'zhaojing', '赵静'),
    startAt: new Date(now.getTime() + 5 * 60_000).toISOString(),
    endAt: new Date(now.getTime() + 95 * 60_000).toISOString(),
    participants: { users, units: [] },
    acceptClashes: true,
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { id: string; passcode: string; joinUrl: string };
  return { id: body.id, passcode: body.passcode, joinCode: body.joinUrl.split('/').pop()! };
}

async function enterRoom(p: Person, path: string): Promise<void> {
  await p.page.goto(path);
  await p.page.getByRole('button', { name: '加入会议' }).click();
  await expect(p.page.getByTestId('meeting-room')).toBeVisible({ timeout: 20_000 });
}

/** inbound-rtp counters of the track now shown in an element (a tile's video, a remote audio, the stage). */
async function inbound(
  page: Page,
  selector: string,
): Promise<{ framesDecoded: number; totalSamplesReceived: number; packetsReceived: number } | null> {
  return page.evaluate(async (sel) => {
    const element = document.querySelector(sel) as HTMLMediaElement | null;
    const stream = element?.srcObject as MediaStream | null | undefined;
    const trackId = stream?.getTracks()[0]?.id ?? (element?.dataset.trackId || undefined);
    if (!trackId) return null;
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const report = await pc.getStats();
      for (const s of report.values()) {
        if (s.type === 'inbound-rtp' && s.trackIdentifier === trackId) {
          return {
            framesDecoded: s.framesDecoded ?? 0,
            totalSamplesReceived: s.totalSamplesReceived ?? 0,
            packetsReceived: s.packetsReceived ?? 0,
          };
        }
      }
    }
    return null;
  }, selector);
}

const tileVideo = (name: string) => `[data-testid="video-tile"][data-peer-name="${name}"] video`;
const remoteAudio = (name: string) => `[data-testid="remote-audio"][data-peer-name="${name}"]`;
const stageVideo = '[data-testid="screen-stage"] video';

/** Waits until the counter of what `page` receives through `selector` has grown by `by` (new consumers start at 0). */
async function expectGrowing(
  page: Page,
  selector: string,
  counter: 'framesDecoded' | 'totalSamplesReceived' | 'packetsReceived',
  by: number,
  timeout = 30_000,
): Promise<void> {
  let first: number | null = null;
  const started = Date.now();
  test.info().annotations.push({ type: 'step', description: `${counter} ${selector}` });
  await expect
    .poll(
      async () => {
        const now = (await inbound(page, selector))?.[counter] ?? null;
        if (now === null) return 0;
        if (first === null || now < first) first = now;
        return now - first;
      },
      { timeout, message: `${counter} via ${selector}` },
    )
    .toBeGreaterThanOrEqual(by);
  if (process.env.TONGBAN_E2E_TIMINGS) console.log(`${Date.now() - started} ms: ${counter} +${by} via ${selector}`);
}

async function mediaState(page: Page) {
  const res = await page.request.get('/api/test/media');
  expect(res.ok()).toBe(true);
  return (await res.json()) as {
    workers: Array<{ pid: number; routers: number }>;
    meetings: Array<{
      meetingId: string;
      peers: Array<{
        displayName: string;
        producers: Array<{ id: string; source: string; type: string; paused: boolean; bytes: number }>;
        consumers: Array<{ producerId: string; producerPaused: boolean; bytes: number }>;
      }>;
    }>;
  };
}

test('@media three people see and hear each other, share a screen, the host mutes one, chat reaches a late joiner', async ({
  browser,
}) => {
  const host = await person(browser, 'zhaojing', '赵静');
  const meeting = await scheduleMeeting(host.page, [
    ['zhangwei', '张伟'],
    ['hejun', '何军'],
    ['xuyan', '徐燕'],
  ]);
  const zhang = await person(browser, 'zhangwei', '张伟');
  const he = await person(browser, 'hejun', '何军');
  const everyone = [host, zhang, he];
  for (const p of everyone) await enterRoom(p, `/meetings/${meeting.id}/room`);

  // Every page decodes the others' cameras and receives their audio.
  for (const viewer of everyone) {
    for (const other of everyone.filter((o) => o !== viewer)) {
      await expectGrowing(viewer.page, tileVideo(other.name), 'framesDecoded', 30);
      await expectGrowing(viewer.page, remoteAudio(other.name), 'totalSamplesReceived', 48_000);
    }
  }

  // Cameras are sent in three simulcast layers (the grid picks one per tile size).
  const cameras = (await mediaState(host.page)).meetings
    .find((m) => m.meetingId === meeting.id)!
    .peers.flatMap((p) => p.producers.filter((x) => x.source === 'camera'));
  expect(cameras.map((c) => c.type)).toEqual(['simulcast', 'simulcast', 'simulcast']);

  // 张伟 shares his screen: it is shown large to the others and decodes there.
  await zhang.page.getByTestId('toggle-screen').click();
  for (const viewer of [host, he]) {
    await expect(viewer.page.getByTestId('screen-stage')).toHaveAttribute('data-peer-name', '张伟');
    await expectGrowing(viewer.page, stageVideo, 'framesDecoded', 20);
  }

  // The host mutes 何军: the server pauses his microphone and stops forwarding it; he is told.
  await host.page.getByTestId('participant').filter({ hasText: '何军' }).getByTestId('manage-participant').click();
  await host.page.getByRole('menuitem', { name: '静音', exact: true }).click();
  await expect(he.page.getByTestId('toggle-mic')).toHaveText(/解除静音/);
  await expect
    .poll(async () => {
      const state = await mediaState(host.page);
      const peers = state.meetings.find((m) => m.meetingId === meeting.id)?.peers ?? [];
      const mic = peers.find((p) => p.displayName === '何军')?.producers.find((p) => p.source === 'mic');
      const consumers = peers.flatMap((p) => p.consumers).filter((c) => c.producerId === mic?.id);
      return mic?.paused === true && consumers.length === 2 && consumers.every((c) => c.producerPaused);
    })
    .toBe(true);
  const forwardedBytes = async () => {
    const peers = (await mediaState(host.page)).meetings.find((m) => m.meetingId === meeting.id)?.peers ?? [];
    const mic = peers.find((p) => p.displayName === '何军')?.producers.find((p) => p.source === 'mic');
    return peers
      .flatMap((p) => p.consumers)
      .filter((c) => c.producerId === mic?.id)
      .reduce((sum, c) => sum + c.bytes, 0);
  };
  const before = await forwardedBytes();
  const packetsBefore = (await inbound(zhang.page, remoteAudio('何军')))?.packetsReceived ?? 0;
  // While the host's audio keeps flowing (a second of Opus packets), nothing more of 何军's is forwarded.
  await expectGrowing(zhang.page, remoteAudio('赵静'), 'packetsReceived', 50);
  expect(await forwardedBytes()).toBe(before);
  expect((await inbound(zhang.page, remoteAudio('何军')))?.packetsReceived ?? 0).toBeLessThanOrEqual(packetsBefore + 5);
  // And he cannot unmute himself while the host keeps him muted.
  await he.page.getByTestId('toggle-mic').click();
  await expect(he.page.getByText('主持人已关闭您的此项权限')).toBeVisible();

  // Chat before 徐燕 arrives, then she joins late and finds it.
  await zhang.page.getByTestId('open-chat').click();
  await zhang.page.getByTestId('chat-input').fill('材料请看第三页');
  await zhang.page.getByTestId('chat-send').click();
  const xu = await person(browser, 'xuyan', '徐燕');
  await enterRoom(xu, `/meetings/${meeting.id}/room`);
  await xu.page.getByTestId('open-chat').click();
  await expect(xu.page.getByTestId('chat-message').filter({ hasText: '材料请看第三页' })).toContainText('张伟');
  await expectGrowing(xu.page, tileVideo('赵静'), 'framesDecoded', 10);

  for (const p of [...everyone, xu]) await p.close();
});

test('@media a wrong passcode is refused and a guest admitted from the lobby gets media', async ({ browser }) => {
  const host = await person(browser, 'zhaojing', '赵静');
  const meeting = await scheduleMeeting(host.page, [['zhangwei', '张伟']]);
  await enterRoom(host, `/meetings/${meeting.id}/room`);

  const guest = await person(browser, 'matao', '马涛');
  await guest.page.goto(`/meetings/join/${meeting.joinCode}`);
  const wrong = meeting.passcode === '000000' ? '111111' : '000000';
  await guest.page.getByTestId('passcode').fill(wrong);
  await guest.page.getByRole('button', { name: '加入会议' }).click();
  await expect(guest.page.getByTestId('join-error')).toHaveText('会议密码错误');

  await guest.page.getByTestId('passcode').fill(meeting.passcode);
  await guest.page.getByRole('button', { name: '加入会议' }).click();
  await expect(guest.page.getByTestId('lobby-wait')).toBeVisible();

  const entry = host.page.getByTestId('lobby-entry').filter({ hasText: '马涛' });
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: '准入' }).click();
  await expect(guest.page.getByTestId('meeting-room')).toBeVisible({ timeout: 20_000 });
  await expect(guest.page.getByTestId('video-tile').filter({ hasText: '马涛' })).toBeVisible();
  await expectGrowing(guest.page, tileVideo('赵静'), 'framesDecoded', 30);
  await expectGrowing(guest.page, remoteAudio('赵静'), 'totalSamplesReceived', 48_000);
  await expectGrowing(host.page, tileVideo('马涛'), 'framesDecoded', 30);

  await guest.close();
  await host.close();
});

test('@media at 1440×900 a long list of participants with someone in the lobby scrolls inside its panel, above the control bar', async ({
  browser,
}) => {
  // Sixteen invited people: more than the panel shows at once.
  const invited: Array<[string, string]> = [
    ['chenming', '陈明'],
    ['liufang', '刘芳'],
    ['wanglei', '王磊'],
    ['sunyue', '孙悦'],
    ['zhouqiang', '周强'],
    ['wuli', '吴丽'],
    ['lihua', '李华'],
    ['zhangwei', '张伟'],
    ['yangfan', '杨帆'],
    ['hejun', '何军'],
    ['guomin', '郭敏'],
    ['linqiang', '林强'],
    ['xuyan', '徐燕'],
    ['huangli', '黄丽'],
    ['zhengkai', '郑凯'],
    ['fengjie', '冯杰'],
  ];
  const host = await person(browser, 'zhaojing', '赵静', { width: 1440, height: 900 });
  const meeting = await scheduleMeeting(host.page, invited);
  await enterRoom(host, `/meetings/${meeting.id}/room`);
  const guest = await person(browser, 'matao', '马涛');
  await guest.page.goto(`/meetings/join/${meeting.joinCode}`);
  await guest.page.getByTestId('passcode').fill(meeting.passcode);
  await guest.page.getByRole('button', { name: '加入会议' }).click();
  await expect(guest.page.getByTestId('lobby-wait')).toBeVisible();

  const room = host.page;
  await expect(room.getByTestId('lobby-entry').filter({ hasText: '马涛' })).toBeVisible();
  await expect(room.getByTestId('roster-entry')).toHaveCount(invited.length + 1);
  const controls = room.getByRole('toolbar', { name: '线上会议' });
  const bar = (await controls.boundingBox())!;
  const panel = (await room.getByTestId('participants-panel').boundingBox())!;
  expect(bar.y + bar.height).toBeLessThanOrEqual(900);
  expect(panel.y + panel.height, 'the participant panel ends above the control bar').toBeLessThanOrEqual(bar.y);
  // The list scrolls inside the panel: its last entry, brought into view, is still above the controls.
  const last = room.getByTestId('roster-entry').last();
  await last.scrollIntoViewIfNeeded();
  const lastBox = (await last.boundingBox())!;
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(bar.y);
  expect((await controls.boundingBox())!.y).toBe(bar.y);

  // One hand button, 举手 / 放下; the panel of raised hands is named for what it is.
  const hand = room.getByTestId('toggle-hand');
  await expect(controls.getByRole('button', { name: '举手', exact: true })).toHaveCount(1);
  await expect(room.getByTestId('open-hands')).toHaveText('举手列表');
  await hand.click();
  await expect(hand).toHaveText('放下');
  await room.getByTestId('open-hands').click();
  await expect(room.getByTestId('raised-hand').filter({ hasText: '赵静' })).toBeVisible();
  await hand.click();
  await expect(hand).toHaveText('举手');
  await expect(room.getByTestId('raised-hand')).toHaveCount(0);

  await guest.close();
  await host.close();
});

test('@media a media worker killed with SIGKILL is replaced and everyone gets media back without reloading', async ({
  browser,
}) => {
  const host = await person(browser, 'zhaojing', '赵静');
  const meeting = await scheduleMeeting(host.page, [['zhangwei', '张伟']]);
  const zhang = await person(browser, 'zhangwei', '张伟');
  for (const p of [host, zhang]) await enterRoom(p, `/meetings/${meeting.id}/room`);
  await expectGrowing(zhang.page, tileVideo('赵静'), 'framesDecoded', 20);
  await expectGrowing(host.page, tileVideo('张伟'), 'framesDecoded', 20);
  for (const p of [host, zhang])
    await p.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  const before = await mediaState(host.page);
  const victim = before.workers.find((w) => w.routers > 0)!;
  process.kill(victim.pid, 'SIGKILL');
  await expect
    .poll(async () => (await mediaState(host.page)).workers.map((w) => w.pid), { timeout: 20_000 })
    .not.toContain(victim.pid);
  await expect.poll(async () => (await mediaState(host.page)).workers.length).toBe(before.workers.length);

  // Both pages set their media up again by themselves: fresh frames and audio from the other.
  await expectGrowing(zhang.page, tileVideo('赵静'), 'framesDecoded', 30, 45_000);
  await expectGrowing(host.page, tileVideo('张伟'), 'framesDecoded', 30, 45_000);
  await expectGrowing(zhang.page, remoteAudio('赵静'), 'totalSamplesReceived', 48_000, 45_000);
  for (const p of [host, zhang])
    expect(await p.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  await zhang.close();
  await host.close();
});

test('@media a dropped connection to the server rejoins by itself and media comes back', async ({ browser }) => {
  const host = await person(browser, 'zhaojing', '赵静');
  const meeting = await scheduleMeeting(host.page, [['zhangwei', '张伟']]);
  const zhang = await person(browser, 'zhangwei', '张伟');
  for (const p of [host, zhang]) await enterRoom(p, `/meetings/${meeting.id}/room`);
  await expectGrowing(host.page, tileVideo('张伟'), 'framesDecoded', 20);

  // The socket closes without a goodbye (as when a network drops): the server lets the old membership go, socket.io
  // reconnects, and the page joins again and sets media up afresh.
  await zhang.page.evaluate(() => {
    for (const ws of (window as unknown as { __webSockets: WebSocket[] }).__webSockets)
      if (ws.url.includes('/socket.io/')) ws.close();
  });
  await expect(zhang.page.getByTestId('reconnecting')).toBeVisible();
  await expect(zhang.page.getByTestId('reconnecting')).toBeHidden({ timeout: 30_000 });
  await expectGrowing(host.page, tileVideo('张伟'), 'framesDecoded', 20);
  await expectGrowing(zhang.page, tileVideo('赵静'), 'framesDecoded', 20);
  await expectGrowing(zhang.page, remoteAudio('赵静'), 'totalSamplesReceived', 48_000);

  await zhang.close();
  await host.close();
});
