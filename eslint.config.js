// Lint: the layer rules of CONVENTIONS.md as import boundaries, plus the few code rules the conventions name (no
// `any`, no unexplained @ts-expect-error, no swallowed errors). Formatting is Prettier's (.prettierrc.json).
import tseslint from 'typescript-eslint';

// Tests set up state through any layer; the boundaries are for product code.
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const CORE_SERVICES = [
  'server/db/**',
  'server/audit/**',
  'server/notifications/**',
  'server/security/**',
  'server/storage/**',
  'server/clock.ts',
  'server/config.ts',
  'server/coreServices.ts',
];

/** `no-restricted-imports` patterns: each group names what a layer must not import, and why. */
const forbid = (...groups) => ({ patterns: groups.map(([group, message]) => ({ group: [group].flat(), message })) });

const COMMANDS = ['**/commands/**', 'A query reads; it never calls a command (CONVENTIONS 11).'];
const USE_CASES = [
  ['**/commands/**', '**/routes/**'],
  'Core services sit below the use cases and routes that use them.',
];
const REALTIME = ['**/realtime/**', 'Commands do not reach into socket handlers; notify through server/notifications.'];
const ROUTES = ['**/routes/**', 'Only app.ts registers routes; nothing else imports them.'];
const EDGE = [
  ['**/collab/**', '**/media/**', '!**/media/signaling.ts'],
  'Core services do not depend on the collab server or the SFU.',
];
const IO = [
  [
    '**/db/**',
    '**/prisma/generated/**',
    'node:fs',
    'node:net',
    'node:child_process',
    'fastify',
    '**/commands/**',
    '**/queries/**',
    '**/notifications/**',
    '**/realtime/**',
  ],
  'Domain logic is pure: no I/O, no database.',
];
const SERVER = [
  ['**/server/**', '**/collab/**', '**/media/signaling.ts'],
  'Code the client runs is in common/ (CONVENTIONS 13); from the server it takes types only.',
];

const ACCESS_FIELDS = {
  selector: "MemberExpression[object.name='subject'][property.name=/^(clearance|adminRole|roles)$/]",
  message:
    'Access decisions live in server/policies/: ask can()/authorize() or a visibility filter instead of reading the subject.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'client/dist/**',
      'prisma/generated/**',
      'prisma/postgres/generated/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='catch'] > ArrowFunctionExpression[body.type='BlockStatement'][body.body.length=0]",
          message: 'No swallowed errors: handle it, log it, or say why in a comment inside.',
        },
      ],
    },
  },
  { files: ['server/domain/**/*.ts'], ignores: TESTS, rules: { 'no-restricted-imports': ['error', forbid(IO)] } },
  {
    files: ['server/queries/**/*.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', forbid(COMMANDS, ROUTES)] },
  },
  {
    files: ['server/commands/**/*.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', forbid(REALTIME, ROUTES)] },
  },
  { files: ['server/policies/**/*.ts'], ignores: TESTS, rules: { 'no-restricted-imports': ['error', forbid(IO)] } },
  { files: CORE_SERVICES, ignores: TESTS, rules: { 'no-restricted-imports': ['error', forbid(EDGE, USE_CASES)] } },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: forbid(SERVER).patterns.map((p) => ({ ...p, allowTypeImports: true })) },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'collab/**/*.ts', 'media/**/*.ts'],
    // Presenters show a person their own grants; that is output, not a decision.
    ignores: ['server/policies/**', 'server/presenters/**', '**/*.test.ts', 'server/seed/**'],
    rules: { 'no-restricted-syntax': ['error', ACCESS_FIELDS] },
  },
);
