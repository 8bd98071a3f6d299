// Recording an online meeting end to end, in Chromium with a fake camera and microphone (@media): the host records,
// everyone sees 录制中, the host stops, and the recording plays in the browser on the meeting's page with sound and the
// speaker's video (decoded frames counted by the video element, a picture that is not the black canvas, and the sound
// level measured with a WebAudio AnalyserNode), beside the minutes.
import { expect, test, type Browser, type Page } from './support/test.ts';
import { asBrowser, serverNow, signInStaff, userId } from '../e2e/support/tongban.ts';
import { fakeMediaLaunchOptions } from './support/chromium.ts';

test.use({
  // The recording is played and listened to without a click on the page.
  launchOptions: fakeMediaLaunchOptions({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] }),
  trace: 'off',
});
test.describe.configure({ timeout: 300_000 });

interface Person {
  page: Page;
  close(): Promise<void>;
}

async function person(browser: Browser, username: string, name: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'warning' || (m.type() === 'error' && !m.text().includes('401')))
      console.log(`[${name}] ${m.type()}: ${m.text()}`);
  });
  await signInStaff(page, username);
  return { page, close: () => context.close() };
}

/** Waits until the server has received `bytes` more of a person's camera (the test hook's media counters). */
async function cameraSends(page: Page, meetingId: string, name: string, bytes: number): Promise<void> {
  const sent = async () => {
    const res = await page.request.get('/api/test/media');
    expect(res.ok()).toBe(true);
    const state = (await res.json()) as {
      meetings: Array<{
        meetingId: string;
        peers: Array<{ displayName: string; producers: Array<{ source: string; bytes: number }> }>;
      }>;
    };
    const peer = state.meetings.find((m) => m.meetingId === meetingId)?.peers.find((p) => p.displayName === name);
    return peer?.producers.find((p) => p.source === 'camera')?.bytes ?? 0;
  };
  const from = await sent();
  await expect.poll(async () => (await sent()) - from, { timeout: 60_000 }).toBeGreaterThanOrEqual(bytes);
}

async function enterRoom(p: Person, meetingId: string): Promise<void> {
  await p.page.goto(`/meetings/${meetingId}/room`);
  await p.page.getByRole('button', { name: '加入会议' }).click();
  await expect(p.page.getByTestId('meeting-room')).toBeVisible({ timeout: 20_000 });
}

test('@media the host records, everyone sees 录制中, and the recording plays with sound and the speaker’s video', async ({
  browser,
}) => {
  const host = await person(browser, 'zhaojing', '赵静');
  const now = await serverNow(host.page.request);
  const api = await asBrowser(host.page);
  const res = await api.post('/api/meetings', {
    title: '防汛工作线上部署会',
    type: 'zhuanti',
    mode: 'online',
    hostId: await userId(host.page, 'zhaojing', '赵静'),
    startAt: new Date(now.getTime() + 5 * 60_000).toISOString(),
    endAt: new Date(now.getTime() + 95 * 60_000).toISOString(),
    participants: { users: [{ userId: await userId(host.page, 'zhangwei', '张伟'), role: 'attendee' }], units: [] },
    agenda: [{ title: '通报汛情' }, { title: '部署防汛任务' }],
    acceptClashes: true,
  });
  expect(res.status(), await res.text()).toBe(201);
  const meetingId = ((await res.json()) as { id: string }).id;

  const zhang = await person(browser, 'zhangwei', '张伟');
  await enterRoom(host, meetingId);
  await enterRoom(zhang, meetingId);
  // The host has media from 张伟 before recording starts.
  await expect(host.page.locator('[data-testid="video-tile"][data-peer-name="张伟"] video')).toBeVisible();

  await expect(zhang.page.getByTestId('recording-indicator')).toHaveCount(0);
  await expect(zhang.page.getByTestId('toggle-recording')).toHaveCount(0);
  await host.page.getByTestId('toggle-recording').click();
  for (const p of [host, zhang]) await expect(p.page.getByTestId('recording-indicator')).toContainText('录制中');

  // Some of the meeting (张伟's camera sends another 200 kB), then the host moves to the second agenda item, and some more.
  await cameraSends(host.page, meetingId, '张伟', 200_000);
  await host.page.getByTestId('recording-chapter').click();
  await host.page.getByRole('menuitem', { name: '2. 部署防汛任务' }).click();
  await expect(host.page.getByText('录像已进入议题：2. 部署防汛任务')).toBeVisible();
  await cameraSends(host.page, meetingId, '张伟', 150_000);

  await host.page.getByTestId('toggle-recording').click();
  await host.page.getByRole('button', { name: /确\s*定|OK/ }).click();
  for (const p of [host, zhang]) await expect(p.page.getByTestId('recording-indicator')).toHaveCount(0);

  // The participant finds it on the meeting's page once it is composed and sealed, and plays it.
  await zhang.page.goto(`/meetings/${meetingId}`);
  await zhang.page.getByRole('tab', { name: '会议录像' }).click();
  await expect(zhang.page.getByTestId('recording-item')).toHaveAttribute('data-status', 'complete', {
    timeout: 90_000,
  });
  await zhang.page.getByTestId('play-recording').click();
  await expect(zhang.page.getByTestId('recording-minutes')).toBeVisible();
  await expect(zhang.page.getByTestId('recording-chapter-item')).toHaveCount(2);
  const video = zhang.page.getByTestId('recording-video');
  await expect(video).toBeVisible();

  const measured = await video.evaluate(async (element) => {
    const v = element as HTMLVideoElement;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    ctx.createMediaElementSource(v).connect(analyser);
    analyser.connect(ctx.destination);
    await ctx.resume();
    await v.play();
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    // Three seconds of playback from the start: the sound's level, and the frames the browser decodes.
    const until = performance.now() + 3_000;
    while (performance.now() < until && !v.ended) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      analyser.getFloatTimeDomainData(samples);
      for (const s of samples) peak = Math.max(peak, Math.abs(s));
    }
    v.pause();
    const quality = v.getVideoPlaybackQuality();
    const decoded = quality.totalVideoFrames - quality.droppedVideoFrames;
    // Then the picture at several moments: how bright it is at its brightest (the empty canvas is black).
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    let brightest = 0;
    for (const at of [0.2, 0.4, 0.6, 0.8]) {
      const seeked = new Promise((resolve) => v.addEventListener('seeked', resolve, { once: true }));
      v.currentTime = v.duration * at;
      await seeked;
      g.drawImage(v, 0, 0, canvas.width, canvas.height);
      const pixels = g.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      for (let i = 0; i < pixels.length; i += 4) sum += pixels[i]! + pixels[i + 1]! + pixels[i + 2]!;
      brightest = Math.max(brightest, sum / (pixels.length / 4) / 3);
    }
    return {
      duration: v.duration,
      decoded,
      peak,
      brightest,
      width: v.videoWidth,
    };
  });
  console.log(`recording playback: ${JSON.stringify(measured)}`);
  expect(measured.duration).toBeGreaterThan(5);
  expect(measured.width).toBe(1280);
  // Frames decoded by the browser, and not only the black canvas: the speaker's camera is in the picture.
  expect(measured.decoded).toBeGreaterThan(20);
  expect(measured.brightest).toBeGreaterThan(20);
  // Chromium's fake microphone beeps: the recording's sound reaches the analyser.
  expect(measured.peak).toBeGreaterThan(0.05);

  await host.close();
  await zhang.close();
});
