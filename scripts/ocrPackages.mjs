#!/usr/bin/env node
// Postinstall step: makes sure Debian's tesseract and its simplified-Chinese data are installed, since the OCR job
// (server/jobs/ocrRecognition.ts) runs them on scanned 收文 and materials. Like the mediasoup worker's build packages
// (media/install/buildWorker.mjs): installed with apt-get when this runs as root or with password-less sudo, otherwise
// the install stops and prints the exact command. Node builtins only: this runs before anything of ours is built.
import { spawnSync } from 'node:child_process';
import { ensureDebianPackages } from './debianPackages.mjs';

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

function main() {
  if (process.env.TONGBAN_SKIP_OCR_PACKAGES === '1') {
    const bar = '!'.repeat(72);
    console.warn(
      `${bar}\n${TAG} TONGBAN_SKIP_OCR_PACKAGES=1: NOT checking tesseract and its Chinese data.\n` +
        `${TAG} Without them every scan ends as 识别失败 and is found by its title only.\n${bar}`,
    );
    return;
  }
  const installed = ensureDebianPackages({
    packages: OCR_PACKAGES,
    what: 'OCR packages',
    log,
    fail,
    noDpkgHint:
      'this step installs Debian packages. Elsewhere, install tesseract 5 with its chi_sim data ' +
      'and poppler (pdftoppm, pdftotext) yourself, then install with TONGBAN_SKIP_OCR_PACKAGES=1.',
  });
  if (!installed.length) {
    log(`${OCR_PACKAGES.join(', ')} in place.`);
    return;
  }
  const langs = run('tesseract', ['--list-langs']);
  if (!`${langs.stdout}${langs.stderr}`.split('\n').includes('chi_sim'))
    fail('tesseract does not list chi_sim after the install: check /usr/share/tesseract-ocr/*/tessdata.');
  log(`installed ${installed.join(', ')}.`);
}

main();
