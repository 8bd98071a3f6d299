// The self-signed certificate `npm run cluster` serves on this machine (localhost, 127.0.0.1, ::1), made with openssl
// once and kept under the nginx prefix until it nears its end. A deployment uses its real certificate instead
// (deploy/nginx/README.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface CertificateFiles {
  certificate: string;
  key: string;
}

/** Renewed when it ends within this many seconds. */
const RENEW_BEFORE_S = 7 * 86_400;
const VALID_DAYS = 365;

function openssl(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(
      'openssl is not installed (npm install installs it: scripts/nginxPackages.mjs) / 未安装 openssl：sudo apt-get install openssl',
    );
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export function ensureLocalCertificate(dir: string): CertificateFiles {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = { certificate: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
  if (
    fs.existsSync(files.certificate) &&
    fs.existsSync(files.key) &&
    openssl(['x509', '-checkend', String(RENEW_BEFORE_S), '-noout', '-in', files.certificate]).ok
  )
    return files;
  const made = openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    String(VALID_DAYS),
    '-subj',
    '/O=Tongban local cluster/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
    '-keyout',
    `${files.key}.next`,
    '-out',
    `${files.certificate}.next`,
  ]);
  if (!made.ok) throw new Error(`openssl could not make the local certificate:\n${made.output}`);
  fs.chmodSync(`${files.key}.next`, 0o600);
  fs.renameSync(`${files.key}.next`, files.key);
  fs.renameSync(`${files.certificate}.next`, files.certificate);
  return files;
}
