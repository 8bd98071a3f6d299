// Test runs only: moves this process's wall clock so that the whole suite can be run as if it were started at a
// chosen instant (23:50 in Beijing, New Year's Eve…), to find code and tests that depend on the hour or the date.
// Loaded with `node --import` through NODE_OPTIONS by scripts/test.mjs `--clock-at`, so every Node process of the run
// (vitest workers, servers and CLIs the tests spawn, Playwright's runner) shares one timeline: time starts at
// TONGBAN_TEST_CLOCK_AT when the run started (TONGBAN_TEST_CLOCK_ANCHOR, real epoch ms) and then flows normally.
const at = process.env.TONGBAN_TEST_CLOCK_AT;
const anchor = Number(process.env.TONGBAN_TEST_CLOCK_ANCHOR);

if (at) {
  const target = Date.parse(at);
  if (Number.isNaN(target) || !Number.isFinite(anchor)) {
    throw new Error(`TONGBAN_TEST_CLOCK_AT (${at}) needs an ISO instant and TONGBAN_TEST_CLOCK_ANCHOR real epoch ms`);
  }
  const offset = target - anchor;
  const RealDate = Date;
  // A Date whose "now" is shifted; every other use (parsing, explicit instants, UTC helpers) is the real Date's.
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }

    static now() {
      return RealDate.now() + offset;
    }

    // Dates made by Node's internals (fs.Stats…) come from the original constructor; they are Dates all the same.
    static [Symbol.hasInstance](value) {
      return value instanceof RealDate;
    }
  }
  // `Date()` called without `new` returns the current time as a string.
  const callable = new Proxy(ShiftedDate, {
    apply: () => new ShiftedDate().toString(),
  });
  globalThis.Date = callable;
}
