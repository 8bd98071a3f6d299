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

export const test = base.extend({
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
});
