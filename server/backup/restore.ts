// `npm run cli -- restore --from DIR`: opens a backup into the (stopped) server's empty data directory (on PostgreSQL
// also into its empty schema) and anchors the audit head checkpoint at the backup's head. `--schema NAME` (PostgreSQL)
// restores only the database, into another schema of the same database, to look at beside the live one. Events recorded after the backup are not in it; the restore says how many
// the previous checkpoint knew of, since the checkpoint outside the database is the only place that remembers them.
import { readCheckpoint, signHead, writeCheckpoint, type HeadCheckpoint } from '../audit/headCheckpoint.ts';
import type { Config } from '../config.ts';
import { openBackup, type BackupKeys, type OpenedBackup } from './backupReader.ts';

export interface RestoreReport {
  opened: OpenedBackup;
  /** The checkpoint before the restore, when there was a valid one. */
  previous: HeadCheckpoint | null;
  /** The checkpoint now: the backup's head. */
  anchored: HeadCheckpoint | null;
}

export async function restoreBackup(
  keys: BackupKeys,
  backupDir: string,
  config: Pick<Config, 'dataDir' | 'keyDir' | 'auditHeadFile' | 'databaseUrl'>,
  now: Date,
  options: { schema?: string } = {},
): Promise<RestoreReport> {
  if (options.schema) {
    const opened = await openBackup(keys, backupDir, { ...config, schema: options.schema, databaseOnly: true });
    return { opened, previous: null, anchored: null };
  }
  const opened = await openBackup(keys, backupDir, config);
  const before = readCheckpoint(config.auditHeadFile, keys.audit);
  const previous = before.state === 'valid' ? before.checkpoint : null;
  const anchored = opened.head ?? (opened.restoredHead ? signHead(keys.audit, opened.restoredHead, now) : null);
  if (anchored) writeCheckpoint(config.auditHeadFile, anchored);
  return { opened, previous, anchored };
}

export function describeRestore(report: RestoreReport, dataDir: string, schemaOnly = false): string {
  const { schema } = report.opened;
  if (schemaOnly)
    return `Restored the database into schema ${schema} (uploads, keys and the head checkpoint untouched).\n`;
  const lines = [
    schema
      ? `Restored into ${dataDir} and schema ${schema}: the database and ${report.opened.files} uploaded file(s).`
      : `Restored into ${dataDir}: the database and ${report.opened.files} uploaded file(s).`,
  ];
  const { previous, anchored } = report;
  if (report.opened.keyringRestored)
    lines.push(`The backup's keyring (key versions for encryption at rest) is in place.`);
  if (anchored) lines.push(`Audit head checkpoint now anchors event #${anchored.seq} (the backup's newest).`);
  if (previous && anchored && previous.seq > anchored.seq)
    lines.push(
      `Note: the checkpoint before this restore anchored event #${previous.seq} (${previous.at}); the ` +
        `${previous.seq - anchored.seq} event(s) after #${anchored.seq} were recorded after this backup and are not in it.`,
    );
  return `${lines.join('\n')}\n`;
}
