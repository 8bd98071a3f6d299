#!/usr/bin/env node
// Postinstall step: gives node_modules/mediasoup a working C++ worker built
// offline against Debian bookworm's libraries (see media/install/README.md).
// Node builtins only: this runs before anything of ours is built.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { ensureDebianPackages } from '../../scripts/debianPackages.mjs';

const TAG = '[tongban:mediasoup]';
const VERIFIED_VERSION = '3.12.16';
// Debian's meson is 1.0.1; a pip/pyenv meson earlier on PATH must not win.
const MESON = '/usr/bin/meson';
const NINJA = '/usr/bin/ninja';
const BUILD_PACKAGES = [
  'meson',
  'ninja-build',
  'pkg-config',
  'g++',
  'make',
  'python3',
  'libssl-dev',
  'libuv1-dev',
  'libsrtp2-dev',
  'libabsl-dev',
  'libusrsctp-dev',
  'nlohmann-json3-dev',
];

const log = (msg) => console.log(`${TAG} ${msg}`);
const fail = (msg) => {
  console.error(`${TAG} ERROR: ${msg}`);
  console.error(
    `${TAG} Online meetings need this worker. To install without it (docs/tests only): TONGBAN_SKIP_MEDIASOUP_BUILD=1 npm install`,
  );
  process.exit(1);
};
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...opts });
const elapsed = (t0) => {
  const ms = Date.now() - t0;
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
};

// ---------------------------------------------------------------------------
// The recipe. mediasoup reads each dependency through
// subproject(...).get_variable(...), so every upstream .wrap (which would
// download sources) is replaced by a local subproject of the same name that
// hands out the system library under the variable names the worker expects.
// Any change here changes RECIPE_HASH and therefore the cache key.

// The *_lib variables only feed the libmediasoup-worker target (never built by
// default), but meson resolves them at configure time, so they must exist.
const dummyLib = (name) => `${name} = static_library('${name}_unused', 'unused.c', build_by_default: false)\n`;

const SUBPROJECTS = {
  openssl: {
    build: "openssl_dep = dependency('openssl')\n" + dummyLib('libcrypto_lib') + dummyLib('libssl_lib'),
  },
  libuv: {
    build: "libuv_dep = dependency('libuv')\n" + dummyLib('libuv'),
    options:
      "option('build_tests', type: 'boolean', value: false)\n" +
      "option('build_benchmarks', type: 'boolean', value: false)\n",
  },
  libsrtp2: {
    // Debian installs srtp.h under <includedir>/srtp2 but the worker includes <srtp.h>.
    build:
      "_srtp = dependency('libsrtp2')\n" +
      'libsrtp2_dep = declare_dependency(dependencies: _srtp,\n' +
      "  include_directories: include_directories(_srtp.get_variable(pkgconfig: 'includedir') / 'srtp2'))\n" +
      dummyLib('libsrtp2'),
    options:
      "option('crypto-library', type: 'string', value: 'none')\n" +
      "option('crypto-library-kdf', type: 'feature', value: 'auto')\n" +
      "option('tests', type: 'feature', value: 'auto')\n",
  },
  usrsctp: {
    build: "usrsctp_dep = dependency('usrsctp')\n" + dummyLib('usrsctp'),
    options: "option('sctp_build_programs', type: 'boolean', value: false)\n",
  },
  nlohmann_json: {
    build: "nlohmann_json_dep = dependency('nlohmann_json')\n",
  },
  'abseil-cpp': {
    // Only the header families the worker and its libwebrtc copy include.
    build:
      "absl_container_dep = dependency('absl_flat_hash_map', 'absl_flat_hash_set', 'absl_btree', 'absl_inlined_vector')\n" +
      "absl_strings_dep = dependency('absl_strings')\n" +
      "absl_types_dep = dependency('absl_optional')\n" +
      dummyLib('absl_container_lib'),
  },
  // Test-only dependency; the worker binary never uses it.
  catch2: { build: 'catch2_dep = declare_dependency()\n' },
  // Windows-only in meson.build; an empty stand-in keeps "no wraps left" true.
  wingetopt: { build: 'wingetopt_dep = declare_dependency()\n' + dummyLib('wingetopt_lib') },
};

const RECIPE = {
  // bookworm ships meson 1.0.1; 3.12.16's build file needs nothing newer.
  mesonVersion: ['>= 1.1.0', '>= 1.0.0'],
  subprojects: SUBPROJECTS,
  // nodownload: even with internet, never fall back to fetching sources.
  make: ['-C', 'worker', `MESON=${MESON}`, `NINJA=${NINJA}`, 'MESON_ARGS=--wrap-mode=nodownload'],
};

// The binary links Debian's shared libraries, so a cache shared across
// machines must not hand a bookworm build to another release or architecture.
const osRelease = (() => {
  try {
    const text = fs.readFileSync('/etc/os-release', 'utf8');
    const get = (k) => (text.match(new RegExp(`^${k}="?([^"\\n]*)"?`, 'm')) ?? [])[1] ?? '';
    return `${get('ID')}-${get('VERSION_ID')}`;
  } catch {
    return 'unknown';
  }
})();
const RECIPE_HASH = createHash('sha256')
  .update(JSON.stringify({ RECIPE, osRelease, arch: process.arch }))
  .digest('hex')
  .slice(0, 12);

// ---------------------------------------------------------------------------

/** Why the binary cannot run here, or null if it can. */
function workerProblem(bin) {
  if (!fs.existsSync(bin)) return 'missing';
  const ldd = run('ldd', [bin]);
  const unresolved = (ldd.stdout ?? '').split('\n').filter((l) => l.includes('not found'));
  if (unresolved.length) return `unresolved shared libraries:\n${unresolved.join('\n')}`;
  // Without MEDIASOUP_VERSION the worker exits 41 at once ("not my real
  // father"); any other result means it could not even start.
  const env = { ...process.env };
  delete env.MEDIASOUP_VERSION;
  const probe = run(bin, [], { env, timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (probe.status !== 41) {
    return `test run exited ${probe.status ?? probe.signal ?? probe.error?.code}: ${(probe.stderr ?? '').trim()}`;
  }
  return null;
}

/** Copy via a temporary name so readers never see half a file. */
function installFile(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const tmp = `${to}.tmp-${process.pid}`;
  fs.copyFileSync(from, tmp);
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, to);
}

function ensureBuildPackages() {
  ensureDebianPackages({
    packages: BUILD_PACKAGES,
    what: 'build packages',
    log,
    fail,
    noDpkgHint:
      `this script builds against Debian bookworm packages. Elsewhere, build mediasoup ${VERIFIED_VERSION}'s ` +
      'worker yourself, install with TONGBAN_SKIP_MEDIASOUP_BUILD=1 and point MEDIASOUP_WORKER_BIN at it at run time.',
  });
}

function applyRecipe(workerDir) {
  const mesonBuild = path.join(workerDir, 'meson.build');
  const text = fs.readFileSync(mesonBuild, 'utf8');
  const [from, to] = RECIPE.mesonVersion.map((v) => `meson_version: '${v}'`);
  if (!text.includes(to)) {
    if (!text.includes(from))
      fail(`${mesonBuild} does not ask for "${from}"; the recipe was made for mediasoup ${VERIFIED_VERSION}.`);
    fs.writeFileSync(mesonBuild, text.replace(from, to));
  }

  const subDir = path.join(workerDir, 'subprojects');
  const wraps = fs
    .readdirSync(subDir)
    .filter((f) => f.endsWith('.wrap'))
    .map((f) => f.slice(0, -5));
  const unknown = wraps.filter((w) => !(w in SUBPROJECTS));
  if (unknown.length)
    fail(
      `mediasoup needs subprojects this recipe does not provide (${unknown.join(', ')}); it was made for mediasoup ${VERIFIED_VERSION}.`,
    );
  for (const [name, { build, options }] of Object.entries(SUBPROJECTS)) {
    fs.rmSync(path.join(subDir, `${name}.wrap`), { force: true });
    const dir = path.join(subDir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'meson.build'), `project('${name}', 'c')\n${build}`);
    fs.writeFileSync(path.join(dir, 'unused.c'), '/* placeholder for unused static-library variables */\n');
    if (options) fs.writeFileSync(path.join(dir, 'meson_options.txt'), options);
  }
  // Its existence makes the Makefile skip pip-installing meson and ninja.
  fs.mkdirSync(path.join(workerDir, 'out', 'pip'), { recursive: true });
}

/** Run make, echoing every line with a prefix so npm users see progress. */
function buildWorker(packageDir) {
  const env = { ...process.env, NINJA };
  // The worker Makefile silently builds nothing while this is set.
  delete env.MEDIASOUP_WORKER_BIN;
  log(`running: make ${RECIPE.make.join(' ')}  (5-6 min on 2 cores)`);
  return new Promise((resolve) => {
    const child = spawn('make', RECIPE.make, { cwd: packageDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => console.log(`  make| ${line}`));
    }
    child.on('error', (err) => fail(`could not start make: ${err.message}`));
    child.on('close', (code) => resolve(code));
  });
}

async function main() {
  const t0 = Date.now();
  if (process.env.TONGBAN_SKIP_MEDIASOUP_BUILD === '1') {
    const bar = '!'.repeat(72);
    console.warn(
      `${bar}\n${TAG} TONGBAN_SKIP_MEDIASOUP_BUILD=1: NOT building the mediasoup worker.\n` +
        `${TAG} Online meetings (audio/video/screen share) WILL NOT WORK in this install\n` +
        `${TAG} unless MEDIASOUP_WORKER_BIN points at a mediasoup ${VERIFIED_VERSION} worker at run time.\n${bar}`,
    );
    return;
  }

  // Resolve from the project root (two levels up), wherever npm hoisted it.
  const require = createRequire(new URL('../../package.json', import.meta.url));
  let pkgJson;
  try {
    pkgJson = require.resolve('mediasoup/package.json');
  } catch {
    fail('node_modules/mediasoup not found; run this after npm has installed dependencies.');
  }
  const packageDir = path.dirname(pkgJson);
  const workerDir = path.join(packageDir, 'worker');
  const { version } = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  const target = path.join(workerDir, 'out', 'Release', 'mediasoup-worker');
  if (version !== VERIFIED_VERSION)
    log(`WARNING: mediasoup ${version} found; this recipe is verified for ${VERIFIED_VERSION} only.`);
  if (process.env.MEDIASOUP_WORKER_BIN)
    log(`note: MEDIASOUP_WORKER_BIN is set; at run time mediasoup uses it instead of the worker built here.`);

  if (!workerProblem(target)) {
    log(`mediasoup ${version} worker already in place (${target}).`);
    return;
  }

  const cacheRoot =
    process.env.TONGBAN_CACHE_DIR ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'tongban');
  const cacheDir = path.join(cacheRoot, 'mediasoup-worker', `${version}-${RECIPE_HASH}`);
  const cached = path.join(cacheDir, 'mediasoup-worker');
  const fromCache = () => {
    const problem = workerProblem(cached);
    if (problem) return problem;
    installFile(cached, target);
    log(`mediasoup ${version} worker copied from cache ${cached} (${elapsed(t0)}).`);
    return null;
  };
  const cachedProblem = fromCache();
  if (!cachedProblem) return;
  log(
    cachedProblem === 'missing'
      ? `no cached worker at ${cached}.`
      : `ignoring cached worker ${cached}: ${cachedProblem}`,
  );

  log(`building mediasoup ${version} worker against Debian libraries (recipe ${RECIPE_HASH}).`);
  ensureBuildPackages();
  // The cached binary may only have lacked runtime libraries apt just installed.
  if (cachedProblem !== 'missing' && !fromCache()) return;
  applyRecipe(workerDir);
  const tBuild = Date.now();
  const code = await buildWorker(packageDir);
  if (code !== 0) fail(`worker build failed (make exited ${code}); see the "make|" lines above.`);
  const builtProblem = workerProblem(target);
  if (builtProblem) fail(`built worker ${target} does not run: ${builtProblem}`);
  log(`worker built in ${elapsed(tBuild)}.`);

  // Only the binary is needed; mediasoup's own postinstall drops the build tree too.
  fs.rmSync(path.join(workerDir, 'out', 'Release', 'build'), { recursive: true, force: true });

  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(
      path.join(cacheDir, 'recipe.json'),
      JSON.stringify(
        {
          mediasoup: version,
          recipe: RECIPE_HASH,
          os: osRelease,
          arch: process.arch,
          builtAt: new Date().toISOString(),
        },
        null,
        2,
      ),
    );
    installFile(target, cached);
    log(`cached at ${cached}.`);
  } catch (err) {
    // A read-only home must not fail an otherwise good install.
    log(`WARNING: could not write cache ${cacheDir}: ${err.message}`);
  }
  log(`done in ${elapsed(t0)}.`);
}

main().catch((err) => fail(err.stack ?? String(err)));
