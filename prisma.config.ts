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
    const factory = new PrismaBetterSQLite3({ url: `file:${path.join(dataDir, 'tongban.db')}` });
    // The wasm engine replays each multi-statement migration.sql on the shadow database through executeRaw, which
    // better-sqlite3 refuses (one statement per call); send parameterless scripts to executeScript instead.
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    factory.connectToShadowDb = async () => {
      const shadow = await connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    };
    return factory;
  },
});
