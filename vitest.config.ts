// Unit and integration tests (vitest). End-to-end browser tests live in tests/e2e and run under Playwright.
import { defineConfig } from 'vitest/config';

const HOOK_REFUSAL = /^\[(onAuthenticate|onConnect|beforeHandleMessage|beforeSync|onChange|onAwarenessUpdate)\] /;
const CLOSED_ON_EXCEPTION = /^closing connection \S+ \(while handling [^)]*\) because of exception/;
// The fuzz test sends random bytes on purpose: decoding errors are what it expects.
const DECODING_ERROR =
  /^(TypeError: The encoded data was not valid|Error: (Unexpected end of array|Integer out of Range))/;

function isExpectedRefusal(log: string, moduleId: string): boolean {
  if (HOOK_REFUSAL.test(log) || CLOSED_ON_EXCEPTION.test(log)) return true;
  return moduleId.endsWith('collabFuzz.integration.test.ts') && DECODING_ERROR.test(log);
}

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'collab/**/*.test.ts',
      'media/**/*.test.ts',
      'client/src/**/*.test.{ts,tsx}',
      'common/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    exclude: ['node_modules/**', 'tests/e2e/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Hocuspocus prints each refused hook and each connection it closes through console.error, with the stack. The
    // tests that provoke them (refused updates, bad tokens, fuzzing) assert the refusal themselves; printed, the stacks
    // would only bury a real failure.
    onConsoleLog: (log, type, entity) =>
      !(
        type === 'stderr' &&
        isExpectedRefusal(log, !entity ? '' : entity.type === 'module' ? entity.moduleId : entity.module.moduleId)
      ),
  },
});
