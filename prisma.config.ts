// Prisma CLI configuration: the wasm schema engine over better-sqlite3, so generate/migrate work offline (see ../shared/OFFLINE.md).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

const dataDir = process.env.TONGBAN_DATA_DIR ?? path.resolve('data');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return new PrismaBetterSQLite3({ url: `file:${path.join(dataDir, 'tongban.db')}` });
  },
});
