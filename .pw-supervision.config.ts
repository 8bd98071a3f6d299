import base from './playwright.config.ts';
import { defineConfig } from '@playwright/test';
const PORT = 3177;
export default defineConfig({
  ...base,
  testDir: '/work/main/tests/e2e',
  outputDir: '/tmp/tb-sup-e2e-results',
  globalSetup: '/work/main/tests/e2e/support/globalSetup.ts',
  use: { ...base.use, baseURL: `http://localhost:${PORT}` },
  webServer: { ...(base.webServer as object), cwd: '/work/main', url: `http://localhost:${PORT}/readyz`, env: { ...(base.webServer as { env: Record<string, string> }).env, TONGBAN_PORT: String(PORT), TONGBAN_PUBLIC_URL: `http://localhost:${PORT}`, TONGBAN_MEDIA_PORT: '41777' } } as never,
});
