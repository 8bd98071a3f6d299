// Debian packages an install step needs (the mediasoup worker's build libraries, tesseract for OCR): which are
// missing, and installing them with apt-get when this runs as root or with password-less sudo; otherwise the install
// stops at once with the exact command. Node builtins only: this runs before anything of ours is built.
import { spawnSync } from 'node:child_process';

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...opts });

/**
 * The packages of `packages` dpkg does not list as installed. Without dpkg-query (not Debian), `fail(noDpkgHint)`.
 * @param {string[]} packages
 * @param {(msg: string) => never} fail
 * @param {string} noDpkgHint
 * @returns {string[]}
 */
export function missingDebianPackages(packages, fail, noDpkgHint) {
  const q = run('dpkg-query', ['-W', '-f', '${Package} ${db:Status-Abbrev}\n', ...packages]);
  if (q.error) fail(`dpkg-query not found: ${noDpkgHint}`);
  const installed = new Set(
    q.stdout
      .split('\n')
      .filter((l) => / ii $/.test(l))
      .map((l) => l.split(' ')[0]),
  );
  return packages.filter((p) => !installed.has(p));
}

/**
 * Installs what is missing of `packages`, or stops (`fail`) with the exact command. Returns the packages it installed.
 * @param {{ packages: string[], what: string, log: (msg: string) => void, fail: (msg: string) => never, noDpkgHint: string }} options
 * @returns {string[]}
 */
export function ensureDebianPackages({ packages, what, log, fail, noDpkgHint }) {
  const missing = missingDebianPackages(packages, fail, noDpkgHint);
  if (!missing.length) return [];
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const byHand = `Run by hand:\n\n    sudo ${command}\n`;
  const isRoot = process.getuid?.() === 0;
  const canSudo = !isRoot && run('sudo', ['-n', 'true']).status === 0;
  if (!isRoot && !canSudo) {
    fail(
      `missing Debian ${what}: ${missing.join(' ')}\nInstall them, then run npm install again:\n\n    sudo ${command}\n`,
    );
  }
  const asRoot = (args) => {
    log(`running: ${canSudo ? 'sudo ' : ''}${args.join(' ')}`);
    const [cmd, ...rest] = canSudo ? ['sudo', '-n', ...args] : args;
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    return spawnSync(cmd, rest, { stdio: 'inherit', env }).status === 0;
  };
  log(`missing Debian ${what}: ${missing.join(' ')}`);
  // Refresh the package lists only when apt does not know a package yet.
  // apt-cache prints "name:\n  Installed: x\n  Candidate: y" for each package it knows.
  const policy = run('apt-cache', ['policy', ...missing]).stdout ?? '';
  const candidates = new Map(
    [...policy.matchAll(/^(\S+):\n\s+Installed: .*\n\s+Candidate: (.*)$/gm)].map((m) => [m[1], m[2]]),
  );
  const unknown = missing.some((p) => (candidates.get(p) ?? '(none)') === '(none)');
  let updated = false;
  if (unknown) {
    if (!asRoot(['apt-get', 'update'])) fail(`apt-get update failed (see above). ${byHand}`);
    updated = true;
  }
  let ok = asRoot(command.split(' '));
  // Stale lists can still 404 on a superseded version: refresh once and retry.
  if (!ok && !updated) ok = asRoot(['apt-get', 'update']) && asRoot(command.split(' '));
  if (!ok) fail(`could not install the ${what}. ${byHand}`);
  const still = missingDebianPackages(packages, fail, noDpkgHint);
  if (still.length) fail(`still missing after apt-get: ${still.join(' ')}. ${byHand}`);
  return missing;
}
