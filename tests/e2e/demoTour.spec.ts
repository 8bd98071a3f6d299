// A tour of the full demo (`npm run demo`) as each role sees it: on a server of its own (a fresh data directory, a
// free port, TONGBAN_DEMO=full), the staff member, the clerk, the supervisor and the mayor (who enrols an
// authenticator first) sign in through the page and find real content on the workbench, in the meetings calendar,
// the documents list, the supervision list and the statistics with their charts drawn. The shared end-to-end server
// (the demo organisation without content) is left alone.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerProcess } from '../support/serverProcess.ts';
import { expect, test as base, type Page } from './support/test.ts';
import { mainNav, signInEnrolling, signInStaff } from './support/tongban.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const test = base.extend<object, { demoServer: ServerProcess }>({
  demoServer: [
    async ({}, use) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-demo-tour-'));
      const port = await freePort();
      const server = await startServer(dataDir, port, {
        TONGBAN_DEMO: 'full',
        TONGBAN_TEST_HOOKS: '1',
        TONGBAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
        TONGBAN_MEDIA_PORT: '0',
        TONGBAN_MEDIA_WORKERS: '1',
      });
      await use(server);
      server.child.kill('SIGTERM');
      await server.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ demoServer }, use) => {
    await use(demoServer.baseUrl);
  },
});

test.describe.configure({ mode: 'serial' });

async function workbench(page: Page): Promise<void> {
  await expect(page.getByTestId('todos').getByTestId('notification-list').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('recent-documents').getByRole('link').first()).toBeVisible();
}

async function meetings(page: Page): Promise<void> {
  await mainNav(page).getByText('会议', { exact: true }).click();
  // The month around today always holds some of everyone's meetings, whatever the weekday.
  await page.locator('.ant-segmented-item').filter({ hasText: /^月$/ }).click();
  await expect(page.getByTestId('meeting-row').first()).toBeVisible();
}

async function documents(page: Page): Promise<void> {
  await mainNav(page).getByText('文档', { exact: true }).click();
  await expect(page.getByTestId('document-link').first()).toBeVisible();
}

async function supervision(page: Page, view: string | null): Promise<void> {
  await mainNav(page).getByText('督办', { exact: true }).click();
  if (view) await page.getByRole('tab', { name: view }).click();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
}

async function statistics(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '统计' }).click();
  await expect(page.getByTestId('statistics-table').locator('tr.ant-table-row').first()).toBeVisible();
  for (const chart of ['chart-units', 'chart-trend']) {
    const canvas = page.getByTestId(chart).locator('canvas').first();
    await expect(canvas).toBeVisible();
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(100);
  }
}

test('staff (zhangwei): the workbench, my meetings, documents, my tasks and my unit’s statistics', async ({ page }) => {
  await page.goto('/sign-in');
  await signInStaff(page, 'zhangwei');
  await workbench(page);
  await meetings(page);
  await documents(page);
  await supervision(page, null);
  await statistics(page);
});

test('clerk (zhaojing): the meetings she organises (one running online now), documents, her unit’s tasks', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await signInStaff(page, 'zhaojing');
  await workbench(page);
  await meetings(page);
  await expect(page.locator('[data-testid="meeting-status"][data-status="in_progress"]').first()).toBeVisible();
  await documents(page);
  await supervision(page, '本单位任务');
  await statistics(page);
});

test('supervisor (zhouqiang): the desk, proposals from minutes and the statistics of every unit', async ({ page }) => {
  await page.goto('/sign-in');
  await signInStaff(page, 'zhouqiang');
  await workbench(page);
  await meetings(page);
  await documents(page);
  await supervision(page, '督办台');
  // A numbered line of closed minutes the extractor turned into a proposal is waiting for review.
  await page.getByRole('tab', { name: '纪要转办' }).click();
  await expect(page.getByTestId('proposal-title').first()).toBeVisible();
  await statistics(page);
});

test('leader (chenming): enrols an authenticator, then the leader view over every unit', async ({ page }) => {
  await page.goto('/sign-in');
  await signInEnrolling(page, 'chenming');
  await workbench(page);
  await meetings(page);
  await documents(page);
  // Every unit's tasks: the board reads them all for the head of the district (本单位 is the government office's own).
  await mainNav(page).getByText('督办', { exact: true }).click();
  await page.getByRole('tab', { name: '看板' }).click();
  await expect(page.getByTestId('board-in_progress').locator('.ant-card-hoverable').first()).toBeVisible();
  await page.getByRole('tab', { name: '领导视图' }).click();
  await expect(page.getByTestId('dashboard-overdue').or(page.getByTestId('dashboard-at-risk')).first()).toBeVisible();
  await statistics(page);
});
