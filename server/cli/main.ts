// Operator command line: `npm run cli -- <command> [options]`. Runs on the server with direct database access;
// every change is audited with the operator's OS account as the actor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RequestContext } from '../audit/auditLog.ts';
import { readCheckpoint } from '../audit/headCheckpoint.ts';
import { describeTrailVerdict, verifyAuditTrail } from '../audit/verifyChain.ts';
import { createServices } from '../bootstrap.ts';
import { describeSealVerdict, verifySealedFile } from '../queries/seals/sealVerification.ts';
import { issueSetupToken } from '../commands/accounts/setupAdministrators.ts';
import { assignRoles } from '../commands/accounts/roleAssigner.ts';
import { resetMfa, unlockUser } from '../commands/accounts/securityActions.ts';
import { createUnit } from '../commands/accounts/unitEditor.ts';
import { createUser } from '../commands/accounts/userCreator.ts';
import { loadConfig } from '../config.ts';
import {
  CLASSIFICATIONS,
  classificationLevel,
  ROLE_NAMES,
  type Classification,
  type RoleName,
} from '../domain/roles.ts';
import { AppError } from '../errors.ts';
import { loadKeys } from '../security/keys.ts';
import type { Services } from '../services.ts';
import { rotateAtRestKey } from '../commands/security/keyRotator.ts';
import { resealAtRest, resealProgressFile } from '../commands/security/atRestResealer.ts';
import { describeKeyStatus } from './keyStatus.ts';
import { BackupProblem } from '../backup/backupReader.ts';
import { describeRestore, restoreBackup } from '../backup/restore.ts';
import { describeDrill, drillBackup } from '../backup/restoreDrill.ts';
import { PostgresToolProblem } from '../backup/postgresTools.ts';
import { createBackup } from '../commands/system/backupCreator.ts';
import { reindexSearch } from '../commands/search/searchReindexer.ts';
import { describePackageVerdict, verifyPackages } from '../queries/archive/archiveVerification.ts';

const USAGE = `Usage: npm run cli -- <command> [options]

  create-unit   --name NAME [--parent NAME|ID] [--short SHORT_NAME] [--alias ALIAS ...]
  create-user   --username U --name DISPLAY_NAME --unit NAME|ID [--title T] [--roles staff,leader,...]
                [--clearance public|internal|secret|confidential]      prints a one-time password
  reset-mfa     --username U       remove a lost authenticator
  unlock        --username U       lift a lockout
  set-roles     --username U --roles R1,R2   set an account's roles; the only way to change an administrator's
                                   (三员分立: no administrator acts on one in the web), keeping each duty's last holder
  setup-link                       print a new one-time setup link (only while no system administrator exists)
  audit-verify                     re-compute the audit hash chain and compare its end with the head checkpoint;
                                   exit 1 and name the first broken (or removed) event
  backup        [--out DIR]        encrypted online backup of the database and files (default TONGBAN_BACKUP_DIR)
  rotate-key                       new key version for encryption at rest; the server re-seals existing data to it
  key-status                       key versions (active, retiring, retired) and the re-seal job's progress
  reseal                           run the re-seal pass to its end here (old keys retire a minute after rotation)
  restore       --from DIR         restore a backup into an empty data directory (server stopped; on PostgreSQL also
                                   into the deployment's empty schema) and anchor the audit head checkpoint at the
                                   backup's newest event
                [--schema NAME]    PostgreSQL: only the database, into another (new) schema of the same database
  verify-document FILE             check a sealed 公文 PDF, or one of its attachments: unchanged since it was sealed,
                                   and by which unit (SM2); exit 1 when changed, unsealed or sealed with a seal not
                                   registered here
  backup-drill  DIR [--keep]       restore drill: restore a backup into a scratch directory (PostgreSQL: and a scratch
                                   schema) and check the manifest, every file's hash, the database (row counts on
                                   PostgreSQL), the audit chain and its head; exit 1 on a fault
  search-reindex                   rebuild the full-text search index (data/search.db) from the database
  archive-verify 档号|all          check sealed archive packages: manifest unchanged, every file matching its SHA-256;
                                   exit 1 and name each file that fails

Roles: ${ROLE_NAMES.join(', ')}. Data directory: TONGBAN_DATA_DIR (default ./data).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') fail(`--${name} is required\n\n${USAGE}`);
  return v;
}

async function unitId(svc: Services, ref: string): Promise<string> {
  const unit = await svc.db.unit.findFirst({ where: { OR: [{ id: ref }, { name: ref }, { shortName: ref }] } });
  if (!unit) fail(`No unit "${ref}"`);
  return unit.id;
}

async function userId(svc: Services, username: string): Promise<string> {
  const user = await svc.db.user.findUnique({ where: { username } });
  if (!user) fail(`No user "${username}"`);
  return user.id;
}

/** The keys a backup was made with must be here already: generating new ones would only make it unreadable. */
function requireKeys(config: ReturnType<typeof loadConfig>): void {
  for (const [name, given] of [
    ['master', config.masterKey],
    ['audit', config.auditKey],
  ] as const) {
    if (!given && !fs.existsSync(path.join(config.keyDir, `${name}.key`)))
      fail(
        `No ${name} key in ${config.keyDir}: a backup opens only with the keys it was made with. Copy them there (or set ` +
          `TONGBAN_${name.toUpperCase()}_KEY) first.`,
      );
  }
}

async function restoreCommand(
  command: 'restore' | 'backup-drill',
  positional: string | undefined,
  values: { from?: string | undefined; keep?: boolean | undefined; schema?: string | undefined },
): Promise<number> {
  const config = loadConfig();
  const dir = command === 'restore' ? values.from : positional;
  if (!dir) fail(`${command === 'restore' ? '--from DIR' : 'the backup directory'} is required\n\n${USAGE}`);
  if (values.schema !== undefined && (command !== 'restore' || !config.databaseUrl))
    fail(`--schema is for restore on PostgreSQL (TONGBAN_DATABASE_URL=postgresql://…)\n\n${USAGE}`);
  requireKeys(config);
  const keys = loadKeys(config);
  try {
    if (command === 'restore') {
      const schema = values.schema;
      const report = await restoreBackup(keys, path.resolve(dir), config, new Date(), schema ? { schema } : {});
      process.stdout.write(describeRestore(report, config.dataDir, schema !== undefined));
      return 0;
    }
    const keep = values.keep === true;
    const report = await drillBackup(keys, path.resolve(dir), { keep, databaseUrl: config.databaseUrl });
    process.stdout.write(describeDrill(report, keep));
    return report.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof BackupProblem) fail(`Restore refused: ${err.message}`);
    if (err instanceof PostgresToolProblem) fail(err.message);
    throw err;
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      parent: { type: 'string' },
      short: { type: 'string' },
      alias: { type: 'string', multiple: true },
      username: { type: 'string' },
      unit: { type: 'string' },
      title: { type: 'string' },
      roles: { type: 'string' },
      clearance: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      keep: { type: 'boolean' },
      schema: { type: 'string' },
    },
    // Only backup-drill takes one (the backup); anything else given loose is a mistake, refused below.
    allowPositionals: true,
  });
  const config = loadConfig();
  if (
    positionals.length >
    (command === 'backup-drill' || command === 'verify-document' || command === 'archive-verify' ? 1 : 0)
  )
    fail(`Unexpected argument "${positionals.at(-1)}"\n\n${USAGE}`);
  if (command === 'restore' || command === 'backup-drill') return restoreCommand(command, positionals[0], values);

  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const svc = await createServices(config, { silent: true });
  const ctx: RequestContext = {
    actor: null,
    ip: 'cli',
    userAgent: `tongban-cli (${os.userInfo().username}@${os.hostname()})`,
    at: svc.clock.now(),
    auditKey: svc.keys.audit,
  };
  const actorName = `cli:${os.userInfo().username}`;
  const as = (c: RequestContext): RequestContext => ({ ...c, actor: { id: 'cli', name: actorName } });
  try {
    switch (command) {
      case 'verify-document': {
        const file = positionals[0];
        if (!file) fail(`verify-document needs the file to check\n\n${USAGE}`);
        if (!fs.existsSync(file)) fail(`No file ${file}`);
        const verdict = await verifySealedFile(svc.db, svc.files, fs.readFileSync(file));
        process.stdout.write(`${describeSealVerdict(verdict)}\n`);
        return verdict.status === 'intact' ? 0 : 1;
      }
      case 'create-unit': {
        const parentId = values.parent ? await unitId(svc, values.parent) : null;
        const { id } = await createUnit(svc, as(ctx), {
          name: required(values, 'name'),
          shortName: values.short ?? null,
          aliases: values.alias ?? [],
          parentId,
        });
        process.stdout.write(`Created unit ${values.name} (${id})\n`);
        return 0;
      }
      case 'create-user': {
        const roles = (values.roles ?? 'staff').split(',').map((r) => r.trim()) as RoleName[];
        const bad = roles.filter((r) => !(ROLE_NAMES as readonly string[]).includes(r));
        if (bad.length) fail(`Unknown role(s): ${bad.join(', ')}`);
        const clearance = (values.clearance ?? 'internal') as Classification;
        if (!(CLASSIFICATIONS as readonly string[]).includes(clearance)) fail(`Unknown clearance "${clearance}"`);
        const created = await createUser(svc, as(ctx), {
          username: required(values, 'username'),
          displayName: required(values, 'name'),
          unitId: await unitId(svc, required(values, 'unit')),
          title: values.title ?? '',
          roles,
          clearance: classificationLevel(clearance),
        });
        process.stdout.write(
          `Created user ${values.username} (${created.id})\nOne-time password (must be changed at first sign-in): ${created.temporaryPassword}\n`,
        );
        return 0;
      }
      case 'reset-mfa':
        await resetMfa(svc, as(ctx), await userId(svc, required(values, 'username')));
        process.stdout.write(`Second factor removed for ${values.username}; they enrol again at next sign-in.\n`);
        return 0;
      case 'unlock':
        await unlockUser(svc, as(ctx), await userId(svc, required(values, 'username')));
        process.stdout.write(`Unlocked ${values.username}\n`);
        return 0;
      case 'set-roles': {
        const roles = required(values, 'roles')
          .split(',')
          .map((r) => r.trim()) as RoleName[];
        const bad = roles.filter((r) => !(ROLE_NAMES as readonly string[]).includes(r));
        if (bad.length) fail(`Unknown role(s): ${bad.join(', ')}`);
        await assignRoles(svc, as(ctx), await userId(svc, required(values, 'username')), roles);
        process.stdout.write(`Roles of ${values.username} set to ${roles.join(', ')}; their sessions ended.\n`);
        return 0;
      }
      case 'setup-link': {
        const token = await issueSetupToken(svc);
        process.stdout.write(
          token ? `${config.publicUrl}/setup?token=${token}\n` : 'Already set up: a system administrator exists.\n',
        );
        return 0;
      }
      case 'audit-verify': {
        const verdict = await verifyAuditTrail(
          svc.db,
          svc.keys.audit,
          readCheckpoint(config.auditHeadFile, svc.keys.audit),
        );
        process.stdout.write(`${describeTrailVerdict(verdict)}\n`);
        return verdict.ok ? 0 : 1;
      }
      case 'backup': {
        const result = await createBackup(svc, as(ctx), {
          trigger: 'manual',
          ...(values.out ? { root: path.resolve(values.out) } : {}),
        });
        process.stdout.write(
          `Backup written to ${result.dir} (${Object.keys(result.manifest.files).length} encrypted files, audit head ` +
            `#${result.manifest.auditHead?.seq ?? 0}). Keep the keys (${config.keyDir}) apart from it.\n`,
        );
        return 0;
      }
      case 'rotate-key': {
        const { id, previous } = await rotateAtRestKey(svc, as(ctx));
        process.stdout.write(
          `Key version ${id} is current (${svc.keys.atRest.cipher}); version ${previous} retires once the server has re-sealed everything (npm run cli -- key-status).\n`,
        );
        return 0;
      }
      case 'key-status':
        process.stdout.write(describeKeyStatus(svc.keys.atRest, resealProgressFile(svc).load()));
        return 0;
      case 'reseal': {
        const { retired } = await resealAtRest(svc, as(ctx));
        process.stdout.write(describeKeyStatus(svc.keys.atRest, resealProgressFile(svc).load()));
        if (retired.length > 0) process.stdout.write(`Retired key version(s) ${retired.join(', ')}.\n`);
        return 0;
      }
      case 'search-reindex': {
        const { indexed } = await reindexSearch(svc, as(ctx));
        process.stdout.write(`Search index rebuilt: ${indexed} objects.\n`);
        return 0;
      }
      case 'archive-verify': {
        const ref = positionals[0];
        if (!ref) fail(`archive-verify needs a 档号, or all\n\n${USAGE}`);
        const verdicts = await verifyPackages(svc.db, svc.files, ref);
        if (!verdicts) fail(`No archive package "${ref}"`);
        for (const v of verdicts) process.stdout.write(`${describePackageVerdict(v)}\n`);
        const failed = verdicts.filter((v) => !v.ok).length;
        process.stdout.write(`${verdicts.length} package(s) checked, ${failed} failed.\n`);
        return failed === 0 ? 0 : 1;
      }
      default:
        fail(`Unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof AppError) fail(`${err.code}: ${err.message}`);
    if (err instanceof PostgresToolProblem) fail(`Backup refused: ${err.message}`);
    throw err;
  } finally {
    await svc.db.$disconnect();
    svc.search.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
