#!/usr/bin/env node
// Postinstall step: makes sure Debian's ffmpeg is installed, since meeting recording (media/recording/) feeds the
// meeting's RTP from mediasoup into ffmpeg and reads the result back with ffprobe. Like the OCR packages
// (scripts/ocrPackages.mjs): installed with apt-get when this runs as root or with password-less sudo, otherwise the
// install stops at once and prints the exact command. Node builtins only: this runs before anything of ours is built.
import { spawnSync } from 'node:child_process';
import { ensureDebianPackages } from './debianPackages.mjs';

const TAG = '[tongban:recording]';
/** ffmpeg (and ffprobe, in the same package) with libopus and libvpx, which Debian builds in. */
const RECORDER_PACKAGES = ['ffmpeg'];

const log = (msg) => console.log(`${TAG} ${msg}`);
const fail = (msg) => {
  console.error(`${TAG} ERROR: ${msg}`);
  console.error(
    `${TAG} Meetings are recorded with ffmpeg. To install without it (the record button then answers that recording is unavailable): TONGBAN_SKIP_RECORDER_PACKAGES=1 npm install`,
  );
  process.exit(1);
};

function main() {
  if (process.env.TONGBAN_SKIP_RECORDER_PACKAGES === '1') {
    const bar = '!'.repeat(72);
    console.warn(
      `${bar}\n${TAG} TONGBAN_SKIP_RECORDER_PACKAGES=1: NOT checking ffmpeg.\n` +
        `${TAG} Without it meetings cannot be recorded.\n${bar}`,
    );
    return;
  }
  const installed = ensureDebianPackages({
    packages: RECORDER_PACKAGES,
    what: 'recording packages',
    log,
    fail,
    noDpkgHint:
      'this step installs Debian packages. Elsewhere, install ffmpeg (with ffprobe, libopus and libvpx) yourself, ' +
      'then install with TONGBAN_SKIP_RECORDER_PACKAGES=1.',
  });
  const version = spawnSync('ffmpeg', ['-hide_banner', '-version'], { encoding: 'utf8' });
  if (version.status !== 0) fail('ffmpeg does not run after the install: check `ffmpeg -version`.');
  const encoders = spawnSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' }).stdout ?? '';
  if (!encoders.includes('libopus') || !encoders.includes('libvpx'))
    fail('this ffmpeg lacks libopus or libvpx (Debian ffmpeg has both): recordings are written as VP8 + Opus WebM.');
  log(installed.length ? `installed ${installed.join(', ')}.` : `${RECORDER_PACKAGES.join(', ')} in place.`);
}

main();
