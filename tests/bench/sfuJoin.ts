// Join time for the SFU benchmark: a real Tongban server (one media worker, loopback only) and Chromium with fake
// devices. The host publishes a camera; another person joins ten times, and each time the page's own performance
// marks give the time from the join request to the first decoded frame of the host's video.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { fakeMediaLaunchOptions } from '../e2e/support/chromium.ts';
import buildClientIfStale from '../e2e/support/globalSetup.ts';
import { HttpSession, startServer } from '../support/serverProcess.ts';
import { FIRST_REMOTE_FRAME_MARK, JOIN_REQUEST_MARK } from '../../client/src/pages/meetings/room/media/joinTiming.ts';
import { DEMO_PASSWORD } from '../../server/seed/demoOrganisation.ts';

const PORT = 3190;
const JOINS = 10;
/** Real Chromium joins of a plenary viewer, beside the 300 simulated ones of the plenary section. */
const PLENARY_JOINS = 5;

async function userId(session: HttpSession, name: string): Promise<string> {
  const res = await session.call('GET', `/api/users?q=${encodeURIComponent(name)}`);
  const items = (res.json.items ?? []) as Array<{ id: string; displayName: string }>;
  const user = items.find((u) => u.displayName === name);
  if (!user) throw new Error(`no user ${name}`);
  return user.id;
}

async function signIn(page: Page, username: string): Promise<void> {
  const res = await page.request.post('/api/auth/sign-in', { data: { username, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in ${username}: ${res.status()}`);
}

async function join(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: '加入会议' }).click();
  await page.getByTestId('meeting-room').waitFor({ timeout: 30_000 });
}

/** Join times of an ordinary meeting's guest and, after them, of a viewer of a plenary (全体会议) where only the host sends. */
export async function measureJoinTimes(
  log: (line: string) => void,
): Promise<{ meeting: number[]; plenaryViewer: number[] }> {
  buildClientIfStale();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-sfu-'));
  Object.assign(process.env, {
    TONGBAN_MEDIA_PORT: '41000',
    TONGBAN_MEDIA_WORKERS: '1',
    TONGBAN_MEDIA_LISTEN_IP: '127.0.0.1',
    TONGBAN_MEDIA_ANNOUNCED_IP: '127.0.0.1',
  });
  const server = await startServer(dataDir, PORT);
  // The fake camera at Chromium's own rate, as a real camera would send.
  const browser = await chromium.launch(fakeMediaLaunchOptions({ fps: null }));
  try {
    const organiser = new HttpSession(server.baseUrl);
    await organiser.signIn('zhaojing');
    const startAt = Date.now() + 5 * 60_000;
    const guestContext = await browser.newContext({ baseURL: server.baseUrl });
    const guest = await guestContext.newPage();
    await signIn(guest, 'zhangwei');
    const host = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
    await signIn(host, 'zhaojing');

    const measure = async (plenary: boolean, joins: number): Promise<number[]> => {
      const created = await organiser.call('POST', '/api/meetings', {
        title: plenary ? 'SFU 基准测试（全体会议）' : 'SFU 基准测试',
        type: 'zhuanti',
        mode: 'online',
        plenary,
        hostId: await userId(organiser, '赵静'),
        startAt: new Date(startAt).toISOString(),
        endAt: new Date(startAt + 60 * 60_000).toISOString(),
        participants: { users: [{ userId: await userId(organiser, '张伟'), role: 'attendee' }], units: [] },
        acceptClashes: true,
      });
      if (created.status !== 201) throw new Error(`meeting not created: ${JSON.stringify(created.json)}`);
      const url = `${server.baseUrl}/meetings/${String(created.json.id)}/room`;
      await join(host, url);
      const times: number[] = [];
      for (let i = 0; i < joins; i++) {
        await join(guest, url);
        await guest.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_REMOTE_FRAME_MARK, {
          timeout: 30_000,
        });
        const ms = await guest.evaluate(
          ([start, end]) =>
            performance.getEntriesByName(end!)[0]!.startTime - performance.getEntriesByName(start!)[0]!.startTime,
          [JOIN_REQUEST_MARK, FIRST_REMOTE_FRAME_MARK],
        );
        times.push(ms);
        log(`  ${plenary ? 'plenary viewer join' : 'join'} ${String(i + 1).padStart(2)}: ${ms.toFixed(0)} ms`);
        // Leaving the page closes the socket, and the server lets the peer go.
        await guest.goto('about:blank');
      }
      await host.goto('about:blank');
      return times;
    };
    return { meeting: await measure(false, JOINS), plenaryViewer: await measure(true, PLENARY_JOINS) };
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
