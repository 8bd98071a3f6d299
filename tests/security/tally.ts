// Counting the probe suite's checks: each test records its checks and which failed, and whether a failure exposed
// content or state (a leak) or only answered otherwise than the rule says (a mismatch). The test fails with the list;
// the summary reporter (summaryReporter.ts) adds up the counts for "security: N checks, N leaks".
import type { TestContext } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Checks this test made (route × user × object answers, fuzz cases, limit checks). */
    securityChecks?: number;
    /** Failed checks that exposed content or changed state. */
    securityLeaks?: number;
  }
}

export interface Failure {
  leak: boolean;
  what: string;
}

export class Tally {
  checks = 0;
  readonly failures: Failure[] = [];

  /** One check: `problem` null when the answer was right. */
  check(problem: { leak: boolean; what: string } | null): void {
    this.checks += 1;
    if (problem) this.failures.push(problem);
  }

  get leaks(): number {
    return this.failures.filter((f) => f.leak).length;
  }

  /** Records the counts on the test and lists what failed (leaks first), so the test fails with a readable diff. */
  report(context: TestContext): string[] {
    context.task.meta.securityChecks = this.checks;
    context.task.meta.securityLeaks = this.leaks;
    return [...this.failures]
      .sort((a, b) => Number(b.leak) - Number(a.leak))
      .map((f) => `${f.leak ? 'LEAK' : 'MISMATCH'} ${f.what}`);
  }
}
