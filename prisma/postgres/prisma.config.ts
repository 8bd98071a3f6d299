// Prisma CLI configuration for the PostgreSQL schema derived from prisma/schema.prisma (scripts/postgresSchema.ts):
// the wasm schema engine over the pg driver adapter, as prisma.config.ts does over better-sqlite3 (../shared/OFFLINE.md).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  // scripts/postgresSchema.ts names the schema it diffs to: the committed one may not exist yet (the first migration).
  schema: process.env.TONGBAN_POSTGRES_SCHEMA ?? path.join(import.meta.dirname, 'schema.prisma'),
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const url =
      process.env.TONGBAN_POSTGRES_TOOL_URL ??
      process.env.TONGBAN_DATABASE_URL ??
      'postgresql://postgres@127.0.0.1:5432/postgres';
    return new PrismaPg({ connectionString: url });
  },
});
