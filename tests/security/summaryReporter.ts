// Prints the probe suite's summary line, "security: N checks, N leaks": the checks each test recorded (tally.ts; a
// test that records none counts as one check), and the failed checks that exposed content or state (a failed test
// that recorded none counts as one leak: a refused rule is presumed to leak until shown otherwise).
import type { Reporter, TestModule } from 'vitest/node';

export default class SecuritySummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let checks = 0;
    let leaks = 0;
    let failedTests = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'skipped' || state === 'pending') continue;
        const meta = test.meta();
        checks += meta.securityChecks ?? 1;
        if (state === 'failed') {
          failedTests += 1;
          leaks += meta.securityLeaks ?? 1;
        }
      }
      if (module.state() === 'failed' && module.children.size === 0) leaks += 1;
    }
    const tail = failedTests > 0 ? ` (${failedTests} failing tests)` : '';
    console.log(`\nsecurity: ${checks} checks, ${leaks} leaks${tail}`);
  }
}
