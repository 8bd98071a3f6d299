// Chooses where the collab update log lives: TONGBAN_DATABASE_URL unset or `file:` → the embedded SQLite database
// file in the data directory (as always), `postgresql://…` → PostgreSQL (issue #20, scaling out).
import type { Logger } from 'pino';
import type { Clock } from '../../server/clock.ts';
import type { Config } from '../../server/config.ts';
import { databasePath } from '../../server/db/client.ts';
import type { SealingKeys } from '../../server/security/cipher.ts';
import { DocumentStore } from './documentStore.ts';
import { PostgresUpdateLog } from './postgresUpdateLog.ts';
import { SqliteUpdateLog } from './sqliteUpdateLog.ts';

export function openDocumentStore(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  key: Buffer | SealingKeys,
  clock: Clock,
  log: Logger,
): DocumentStore {
  const backend = config.databaseUrl
    ? new PostgresUpdateLog(config.databaseUrl, (err) =>
        log.warn({ err }, 'collab log: idle PostgreSQL connection lost'),
      )
    : new SqliteUpdateLog(databasePath(config.dataDir));
  return new DocumentStore(backend, key, clock);
}
