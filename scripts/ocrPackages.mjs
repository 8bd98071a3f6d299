#!/usr/bin/env node
// Postinstall step: makes sure Debian's tesseract and its simplified-Chinese data are installed, since the OCR job
// (server/jobs/ocrRecognition.ts) runs them on scanned 收文 and materials. Like the mediasoup worker's build packages
// (media/install/buildWorker.mjs): installed with apt-get when this runs as root or with password-less sudo, otherwise
// the install stops and prints the exact command. Node builtins only: this runs before anything of ours is built.
import { spawnSync } from 'node:child_process';

const TAG = '[tongban:ocr]';
/** tesseract with its chi_sim data, and pdftoppm/pdftotext/pdfinfo to read PDF pages. */
const OCR_PACKAGES = ['tesseract-ocr', 'tesseract-ocr-chi-sim', 'poppler-utils'];

const log = (msg) => console.log(`${TAG} ${msg}`);
const fail = (msg) => {
  console.error(`${TAG} ERROR: ${msg}`);
  console.error(
    `${TAG} Scanned paper is recognised with these. To install without them (scans are then found by their title only): TONGBAN_SKIP_OCR_PACKAGES=1 npm install`,
  );
  process.exit(1);
};
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...opts });

function missingPackages() {
  const q = run('dpkg-query', ['-W', '-f', '${Package} ${db:Status-Abbrev}\n', ...OCR_PACKAGES]);
  if (q.error) {
    fail(
      'dpkg-query not found: this step installs Debian packages. Elsewhere, install tesseract 5 with its chi_sim data ' +
        'and poppler (pdftoppm, pdftotext) yourself, then install with TONGBAN_SKIP_OCR_PACKAGES=1.',
    );
  }
  const installed = new Set(
    q.stdout
      .split('\n')
      .filter((l) => / ii $/.test(l))
      .map((l) => l.split(' ')[0]),
  );
  return OCR_PACKAGES.filter((p) => !installed.has(p));
}

function main() {
  if (process.env.TONGBAN_SKIP_OCR_PACKAGES === '1') {
    const bar = '!'.repeat(72);
    console.warn(
      `${bar}\n${TAG} TONGBAN_SKIP_OCR_PACKAGES=1: NOT checking tesseract and its Chinese data.\n` +
        `${TAG} Without them every scan ends as 识别失败 and is found by its title only.\n${bar}`,
    );
    return;
  }
  const missing = missingPackages();
  if (!missing.length) {
    log(`${OCR_PACKAGES.join(', ')} in place.`);
    return;
  }
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  const canSudo = !isRoot && run('sudo', ['-n', 'true']).status === 0;
  if (!isRoot && !canSudo) {
    fail(
      `missing Debian packages: ${missing.join(' ')}\nInstall them, then run npm install again:\n\n    sudo ${command}\n`,
    );
  }
  const asRoot = (args) => {
    log(`running: ${canSudo ? 'sudo ' : ''}${args.join(' ')}`);
    const [cmd, ...rest] = canSudo ? ['sudo', '-n', ...args] : args;
    return (
      spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status ===
      0
    );
  };
  log(`missing Debian packages: ${missing.join(' ')}`);
  // Refresh the package lists only when apt does not know a package yet (as buildWorker.mjs does).
  const policy = run('apt-cache', ['policy', ...missing]).stdout ?? '';
  const candidates = new Map(
    [...policy.matchAll(/^(\S+):\n\s+Installed: .*\n\s+Candidate: (.*)$/gm)].map((m) => [m[1], m[2]]),
  );
  const unknown = missing.some((p) => (candidates.get(p) ?? '(none)') === '(none)');
  let updated = false;
  if (unknown) {
    if (!asRoot(['apt-get', 'update']))
      fail(`apt-get update failed (see above). Run by hand:\n\n    sudo ${command}\n`);
    updated = true;
  }
  let ok = asRoot(command.split(' '));
  // Stale lists can still 404 on a superseded version: refresh once and retry.
  if (!ok && !updated) ok = asRoot(['apt-get', 'update']) && asRoot(command.split(' '));
  if (!ok) fail(`could not install the OCR packages. Run by hand:\n\n    sudo ${command}\n`);
  const still = missingPackages();
  if (still.length) fail(`still missing after apt-get: ${still.join(' ')}. Run by hand:\n\n    sudo ${command}\n`);
  const langs = run('tesseract', ['--list-langs']);
  if (!`${langs.stdout}${langs.stderr}`.split('\n').includes('chi_sim'))
    fail('tesseract does not list chi_sim after the install: check /usr/share/tesseract-ocr/*/tessdata.');
  log(`installed ${missing.join(', ')}.`);
}

main();
