// End-to-end tests: Debian's Chromium against a real server on a fresh demo database, with the controllable clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/support/chromium.ts';

// `npm test` picks a free port (scripts/test.mjs); 3100 when Playwright is run directly.
const PORT = Number(process.env.TONGBAN_E2E_PORT ?? 3100);
// One data directory per run. Workers load this file again and inherit the environment, so they agree on it.
const dataDir = (process.env.TONGBAN_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-e2e-')));

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
  // The security administrator's test is a whole story (enrol, search, edit twice, a second browser): give it room.
  timeout: 120_000,
  // Generous for a busy 2-core CI machine; a passing expectation never waits this long.
  expect: { timeout: 20_000 },
  globalSetup: './tests/e2e/support/globalSetup.ts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // Headless Chromium under load can starve animation frames, leaving exit animations (a button's spinner) half
    // done; the client honours reduced motion by turning Ant Design's animations off.
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
  },
  webServer: {
    command: 'npx tsx server/main.ts',
    url: `http://localhost:${PORT}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      TONGBAN_DATA_DIR: dataDir,
      TONGBAN_TEST_HOOKS: '1',
      TONGBAN_DEMO: '1',
      TONGBAN_PORT: String(PORT),
      TONGBAN_PUBLIC_URL: `http://localhost:${PORT}`,
      // Every test signs in from 127.0.0.1; the per-IP limit is for real offices, not for one machine running them all.
      TONGBAN_AUTH_RATE_LIMIT: '1000',
      TONGBAN_LOG_LEVEL: 'warn',
      // Media on free ports (one per worker): test runs side by side on one machine must not fight over 40000.
      TONGBAN_MEDIA_PORT: '0',
      // Tests move the clock across days: no scheduled backup in the middle of them.
      TONGBAN_BACKUP_AT: 'off',
      // Archiving makes a completed 公文 read-only: only the archive spec runs the job (through its test hook), so no
      // other spec finds its 公文 archived under it, whenever the timer would have fired.
      TONGBAN_ARCHIVE_TICK_SECONDS: '0',
    },
  },
});
