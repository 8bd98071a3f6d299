// The security probe suite (`npm run test:security`, a stage of `npm test`): tests/security/*.security.test.ts, with
// the summary line "security: N checks, N leaks". The main vitest configuration does not include these files.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    ...base.test,
    include: ['tests/security/**/*.security.test.ts'],
    reporters: ['default', './tests/security/summaryReporter.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
