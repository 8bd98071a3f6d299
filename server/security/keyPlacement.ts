// Where the keys, the audit head checkpoint and the backups sit relative to the database. Anyone who can read the data
// directory then also holds what should be kept apart from it: the keys that open sealed content and sign the audit
// chain, the checkpoint that shows truncation, and the backups that must survive losing the disk. The start logs each
// of these as a warning; the security administrator's status page lists them.
import path from 'node:path';
import type { Config } from '../config.ts';

export type KeyPlacementCode =
  'keys_beside_database' | 'audit_head_beside_database' | 'backups_beside_database' | 'backups_off';

export interface KeyPlacementWarning {
  code: KeyPlacementCode;
  message: string;
}

function inside(dir: string, candidate: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(candidate));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function keyPlacementWarnings(
  config: Pick<Config, 'dataDir' | 'keyDir' | 'masterKey' | 'auditKey' | 'auditHeadFile' | 'backupAt' | 'backupDir'>,
): KeyPlacementWarning[] {
  const warnings: KeyPlacementWarning[] = [];
  const fromFiles = [config.masterKey ? null : 'master', config.auditKey ? null : 'audit'].filter((k) => k !== null);
  if (fromFiles.length > 0 && inside(config.dataDir, config.keyDir))
    warnings.push({
      code: 'keys_beside_database',
      message:
        `SECURITY: the ${fromFiles.join(' and ')} key(s) are kept in ${config.keyDir}, inside the data directory beside ` +
        'the database: whoever copies or edits the database there also holds the keys that open sealed content and sign ' +
        'the audit chain. Set TONGBAN_KEY_DIR to a directory on another volume (or TONGBAN_MASTER_KEY and ' +
        'TONGBAN_AUDIT_KEY from a secrets store) and move the key files there.',
    });
  if (inside(config.dataDir, config.auditHeadFile))
    warnings.push({
      code: 'audit_head_beside_database',
      message:
        `SECURITY: the audit head checkpoint ${config.auditHeadFile} is inside the data directory: whoever can truncate ` +
        'the audit log there can also remove the checkpoint that shows it. Set TONGBAN_KEY_DIR (or ' +
        'TONGBAN_AUDIT_HEAD_FILE) to another volume.',
    });
  if (config.backupAt === null)
    warnings.push({
      code: 'backups_off',
      message: 'Scheduled backups are off (TONGBAN_BACKUP_AT=off): back up with `npm run cli -- backup` yourself.',
    });
  else if (inside(config.dataDir, config.backupDir))
    warnings.push({
      code: 'backups_beside_database',
      message:
        `Scheduled backups are written to ${config.backupDir}, inside the data directory: losing that disk loses them ` +
        'too. Set TONGBAN_BACKUP_DIR to a mounted off-site volume.',
    });
  return warnings;
}
