// Playwright's `test` and `expect` for Tongban's specs. When the run's clock is moved (`npm test -- --clock-at=…`,
// tests/support/shiftedClock.mjs moves every Node process), each browser context's clock starts at the same moved
// "now" and then runs on, so the pages and the server agree on the date and the hour.
import { test as base, type Browser, type BrowserContext } from '@playwright/test';

export * from '@playwright/test';

const clockMoved = process.env.TONGBAN_TEST_CLOCK_AT !== undefined;

const moved = new WeakSet<BrowserContext>();

async function withMovedClock(context: BrowserContext): Promise<BrowserContext> {
  if (!moved.has(context)) {
    moved.add(context);
    await context.clock.install({ time: Date.now() });
  }
  return context;
}

export const test = base.extend<{ closeLeftoverContexts: void }>({
  browser: [
    async ({ browser }, use) => {
      if (clockMoved) {
        const newContext = browser.newContext.bind(browser);
        Object.assign(browser, {
          newContext: async (...args: Parameters<Browser['newContext']>) => withMovedClock(await newContext(...args)),
        });
      }
      await use(browser);
    },
    { scope: 'worker' },
  ],
  context: async ({ context }, use) => {
    if (clockMoved) await withMovedClock(context);
    await use(context);
  },
  // The contexts a test opens beside its own page (browser.newContext(), a second person) are closed when it ends,
  // whether or not it closed them. Left open, Playwright's trace recorder records each one for the rest of the
  // worker's life into every later test's trace, and one lost chunk (ENOENT under test-results/.playwright-artifacts)
  // fails a later test whose every step passed (microsoft/playwright issues 10826 and 24555).
  closeLeftoverContexts: [
    async ({ browser, context }, use) => {
      const before = new Set(browser.contexts());
      await use();
      for (const opened of browser.contexts()) if (opened !== context && !before.has(opened)) await opened.close();
    },
    { auto: true },
  ],
});
