// The test files that scripts/test.mjs runs a second time with every test app on PostgreSQL
// (TONGBAN_TEST_DATABASE=postgres, when TONGBAN_TEST_POSTGRES_URL is set). The goal is the whole suite; README
// "Scaling out" says what keeps the others off this list.
export const POSTGRES_TEST_FILES = ['server/audit/auditChain.postgres.integration.test.ts'];
