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
import { debianLibsrtp2Version, ensureOpensslLibsrtp2, libsrtp2Key } from './libsrtp2Openssl.mjs';

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
  // libsrtp2 on OpenSSL from Debian's source package: apt-get source unpacks with dpkg-source, dpkg-buildflags.
  'dpkg-dev',
  'gcc',
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
// Any change here changes recipeHash() and therefore the cache key.

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

// libsrtp2, per SRTP crypto variant. Both compile against the same copy of the public headers in the subproject
// (Debian's libsrtp2-dev headers and those of the OpenSSL build are the same source), so the compile commands are the
// same and building the second variant in the same tree only relinks. `lib` is the OpenSSL build's static library.
const SRTP_OPTIONS =
  "option('crypto-library', type: 'string', value: 'none')\n" +
  "option('crypto-library-kdf', type: 'feature', value: 'auto')\n" +
  "option('tests', type: 'feature', value: 'auto')\n";
const SRTP_VARIANTS = {
  // libsrtp2 2.5 built with OpenSSL by us (media/install/libsrtp2Openssl.mjs), linked statically; libcrypto after it.
  openssl: {
    build: (lib) =>
      "libsrtp2_dep = declare_dependency(dependencies: dependency('openssl'),\n" +
      "  include_directories: include_directories('include'),\n" +
      `  link_args: ['${lib}', '-lcrypto'])\n` +
      dummyLib('libsrtp2'),
  },
  // Debian's libsrtp2.so.1, built with NSS.
  nss: {
    build: () =>
      "libsrtp2_dep = declare_dependency(dependencies: dependency('libsrtp2'),\n" +
      "  include_directories: include_directories('include'))\n" +
      dummyLib('libsrtp2'),
  },
};
const SRTP_VARIANT_NAMES = Object.keys(SRTP_VARIANTS);

const RECIPE = {
  // bookworm ships meson 1.0.1; 3.12.16's build file needs nothing newer.
  mesonVersion: ['>= 1.1.0', '>= 1.0.0'],
  subprojects: SUBPROJECTS,
  // nodownload: even with internet, never fall back to fetching sources.
  make: ['-C', 'worker', `MESON=${MESON}`, `NINJA=${NINJA}`, 'MESON_ARGS=--wrap-mode=nodownload'],
};

// The binary links Debian's shared libraries, so a cache shared across
// machines must not hand a bookworm build to another release or architecture.
const osField = (() => {
  let text = '';
  try {
    text = fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    /* not Linux */
  }
  return (k) => (text.match(new RegExp(`^${k}="?([^"\\n]*)"?`, 'm')) ?? [])[1] ?? '';
})();
const osRelease = osField('ID') ? `${osField('ID')}-${osField('VERSION_ID')}` : 'unknown';
const codename = osField('VERSION_CODENAME');

/**
 * Cache key of one variant's worker: the recipe, the variant's libsrtp2 subproject and, for OpenSSL, the key of the
 * libsrtp2 build it links (its Debian version and build recipe), so a new libsrtp2 or recipe never reuses a binary.
 */
function recipeHash(variant, libsrtp2Key) {
  return createHash('sha256')
    .update(
      JSON.stringify({
        RECIPE,
        srtp: { variant, build: SRTP_VARIANTS[variant].build('<libsrtp2.a>'), options: SRTP_OPTIONS, libsrtp2Key },
        osRelease,
        arch: process.arch,
      }),
    )
    .digest('hex')
    .slice(0, 12);
}

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

/** Patches the mediasoup copy for `variant` ('openssl' needs `libsrtp2`, its build from libsrtp2Openssl.mjs). */
function applyRecipe(workerDir, variant, libsrtp2) {
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
  const unknown = wraps.filter((w) => !(w in SUBPROJECTS) && w !== 'libsrtp2');
  if (unknown.length)
    fail(
      `mediasoup needs subprojects this recipe does not provide (${unknown.join(', ')}); it was made for mediasoup ${VERIFIED_VERSION}.`,
    );
  const srtp = {
    build: SRTP_VARIANTS[variant].build(libsrtp2?.lib),
    options: SRTP_OPTIONS,
    headers: variant === 'openssl' ? libsrtp2.includeDir : '/usr/include/srtp2',
  };
  for (const [name, { build, options, headers }] of [...Object.entries(SUBPROJECTS), ['libsrtp2', srtp]]) {
    fs.rmSync(path.join(subDir, `${name}.wrap`), { force: true });
    const dir = path.join(subDir, name);
    // Written only when they change: an unchanged header keeps its mtime, so ninja does not recompile what includes it.
    const files = new Map([
      ['meson.build', `project('${name}', 'c')\n${build}`],
      ['unused.c', '/* placeholder for unused static-library variables */\n'],
    ]);
    if (options) files.set('meson_options.txt', options);
    if (headers) {
      for (const h of fs.readdirSync(headers).filter((f) => f.endsWith('.h')))
        files.set(path.join('include', h), fs.readFileSync(path.join(headers, h), 'utf8'));
    }
    const existing = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }) : [];
    for (const f of existing) {
      const full = path.join(dir, f);
      if (!files.has(f) && fs.statSync(full).isFile()) fs.rmSync(full);
    }
    for (const [f, content] of files) {
      const full = path.join(dir, f);
      if (fs.existsSync(full) && fs.readFileSync(full, 'utf8') === content) continue;
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
  // Its existence makes the Makefile skip pip-installing meson and ninja.
  fs.mkdirSync(path.join(workerDir, 'out', 'pip'), { recursive: true });
}

/** Run make, echoing every line with a prefix so npm users see progress. */
function buildWorker(packageDir, expected) {
  const env = { ...process.env, NINJA };
  // The worker Makefile silently builds nothing while this is set.
  delete env.MEDIASOUP_WORKER_BIN;
  log(`running: make ${RECIPE.make.join(' ')}  (${expected})`);
  return new Promise((resolve) => {
    const child = spawn('make', RECIPE.make, { cwd: packageDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => console.log(`  make| ${line}`));
    }
    child.on('error', (err) => fail(`could not start make: ${err.message}`));
    child.on('close', (code) => resolve(code));
  });
}

/**
 * Checks that the `variant` binary does its SRTP with that crypto library: the OpenSSL one links no libsrtp2.so and no
 * NSS, links libcrypto and carries libsrtp2's OpenSSL AES-ICM and AES-GCM; the NSS one links Debian's libsrtp2.so.1.
 * Returns what it found (for the log), or fails.
 */
function verifySrtpVariant(bin, variant) {
  const libs = (run('ldd', [bin]).stdout ?? '')
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0])
    .filter(Boolean);
  const has = (re) => libs.some((l) => re.test(l));
  const content = fs.readFileSync(bin);
  const carries = (text) => content.includes(Buffer.from(text));
  const found = `links ${libs.filter((l) => /srtp|nss|nspr|crypto|ssl/.test(l)).join(', ') || 'no srtp/crypto library'}`;
  if (variant === 'openssl') {
    const problems = [
      has(/^libsrtp2\.so/) && 'links Debian libsrtp2.so',
      has(/^lib(nss3|nspr4|softokn3|freebl)/) && 'links NSS',
      !has(/^libcrypto\.so/) && 'does not link libcrypto',
      !carries('AES-128 counter mode using openssl') && 'lacks libsrtp2 AES-ICM using openssl',
      !carries('AES-128 GCM using openssl') && 'lacks libsrtp2 AES-GCM using openssl',
    ].filter(Boolean);
    if (problems.length) fail(`worker ${bin} is not libsrtp2 on OpenSSL: ${problems.join('; ')} (${found})`);
    return `${found}; carries "AES-128 counter mode using openssl" and "AES-128 GCM using openssl"`;
  }
  if (!has(/^libsrtp2\.so/)) fail(`worker ${bin} does not link Debian's libsrtp2.so (${found})`);
  return found;
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
  const defaultVariant = process.env.TONGBAN_SRTP || 'openssl';
  if (!SRTP_VARIANT_NAMES.includes(defaultVariant))
    fail(`TONGBAN_SRTP=${defaultVariant}: expected one of ${SRTP_VARIANT_NAMES.join(', ')}.`);

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
  const releaseDir = path.join(workerDir, 'out', 'Release');
  // mediasoup's default path (MEDIASOUP_WORKER_BIN unset): a copy of the TONGBAN_SRTP variant.
  const target = path.join(releaseDir, 'mediasoup-worker');
  const variantBin = (variant) => path.join(releaseDir, `mediasoup-worker-${variant}`);
  const stampFile = path.join(releaseDir, 'tongban-worker.json');
  if (version !== VERIFIED_VERSION)
    log(`WARNING: mediasoup ${version} found; this recipe is verified for ${VERIFIED_VERSION} only.`);
  if (process.env.MEDIASOUP_WORKER_BIN)
    log(`note: MEDIASOUP_WORKER_BIN is set; at run time mediasoup uses it instead of the worker built here.`);

  const cacheRoot =
    process.env.TONGBAN_CACHE_DIR ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'tongban');
  // The OpenSSL variant's key needs the version of Debian's libsrtp2-dev; without it (not installed yet) there is no
  // cached OpenSSL worker to use and the build packages are installed first.
  const keys = () => {
    const srtpVersion = debianLibsrtp2Version();
    return Object.fromEntries(
      SRTP_VARIANT_NAMES.map((v) => [
        v,
        v === 'openssl' && !srtpVersion
          ? null
          : recipeHash(v, v === 'openssl' ? libsrtp2Key(srtpVersion, osRelease) : null),
      ]),
    );
  };
  let hashes = keys();
  const stamp = () => ({ mediasoup: version, default: defaultVariant, hashes });
  const stampMatches = () => {
    try {
      return JSON.stringify(JSON.parse(fs.readFileSync(stampFile, 'utf8'))) === JSON.stringify(stamp());
    } catch {
      return false;
    }
  };
  if (stampMatches() && !workerProblem(target) && SRTP_VARIANT_NAMES.every((v) => !workerProblem(variantBin(v)))) {
    log(`mediasoup ${version} workers already in place (${target} = ${defaultVariant}).`);
    return;
  }

  const cacheDir = (variant) => path.join(cacheRoot, 'mediasoup-worker', `${version}-${hashes[variant]}`);
  const cachedBin = (variant) => path.join(cacheDir(variant), 'mediasoup-worker');
  /** Copies the cached `variant` worker in, or says why not. */
  const fromCache = (variant) => {
    if (!hashes[variant]) return 'missing';
    const problem = workerProblem(cachedBin(variant));
    if (problem) return problem;
    installFile(cachedBin(variant), variantBin(variant));
    log(`mediasoup ${version} ${variant} worker copied from cache ${cachedBin(variant)} (${elapsed(t0)}).`);
    return null;
  };
  const problems = new Map();
  for (const variant of SRTP_VARIANT_NAMES) {
    const problem = fromCache(variant);
    if (!problem) continue;
    problems.set(variant, problem);
    log(
      problem === 'missing'
        ? `no cached ${variant} worker${hashes[variant] ? ` at ${cachedBin(variant)}` : ''}.`
        : `ignoring cached ${variant} worker ${cachedBin(variant)}: ${problem}`,
    );
  }

  const timings = [];
  if (problems.size) {
    log(
      `building mediasoup ${version} worker(s) against Debian libraries: ${[...problems.keys()].map((v) => `${v} (recipe ${hashes[v] ?? 'after the build packages'})`).join(', ')}.`,
    );
    ensureBuildPackages();
    hashes = keys();
    // The cached binary may only have lacked runtime libraries (or libsrtp2-dev, for the key) apt just installed.
    for (const variant of [...problems.keys()]) if (!fromCache(variant)) problems.delete(variant);
    let first = true;
    for (const variant of SRTP_VARIANT_NAMES.filter((v) => problems.has(v))) {
      let libsrtp2 = null;
      if (variant === 'openssl') {
        libsrtp2 = ensureOpensslLibsrtp2({ cacheRoot, osRelease, codename, log, fail });
        timings.push(
          `libsrtp2 ${libsrtp2.version} on OpenSSL: ${libsrtp2.builtSeconds === null ? 'cached' : `built in ${libsrtp2.builtSeconds.toFixed(1)} s`}`,
        );
      }
      applyRecipe(workerDir, variant, libsrtp2);
      const tBuild = Date.now();
      fs.rmSync(target, { force: true });
      const code = await buildWorker(
        packageDir,
        first ? '5-6 min on 2 cores' : 'the tree is built already: relinks, under a minute',
      );
      first = false;
      if (code !== 0) fail(`${variant} worker build failed (make exited ${code}); see the "make|" lines above.`);
      const builtProblem = workerProblem(target);
      if (builtProblem) fail(`built ${variant} worker ${target} does not run: ${builtProblem}`);
      const seconds = ((Date.now() - tBuild) / 1000).toFixed(1);
      log(`${variant} worker built in ${seconds} s; ${verifySrtpVariant(target, variant)}.`);
      timings.push(`${variant} worker: built in ${seconds} s`);
      installFile(target, variantBin(variant));
      try {
        fs.mkdirSync(cacheDir(variant), { recursive: true });
        fs.writeFileSync(
          path.join(cacheDir(variant), 'recipe.json'),
          JSON.stringify(
            {
              mediasoup: version,
              recipe: hashes[variant],
              srtp: variant,
              libsrtp2: libsrtp2 ? { version: libsrtp2.version, key: libsrtp2.key } : 'Debian libsrtp2-1 (NSS)',
              os: osRelease,
              arch: process.arch,
              buildSeconds: Number(seconds),
              builtAt: new Date().toISOString(),
            },
            null,
            2,
          ),
        );
        installFile(target, cachedBin(variant));
        log(`cached at ${cachedBin(variant)}.`);
      } catch (err) {
        // A read-only home must not fail an otherwise good install.
        log(`WARNING: could not write cache ${cacheDir(variant)}: ${err.message}`);
      }
    }
    // Only the binaries are needed; mediasoup's own postinstall drops the build tree too.
    fs.rmSync(path.join(releaseDir, 'build'), { recursive: true, force: true });
  }

  for (const variant of SRTP_VARIANT_NAMES) log(`${variant}: ${verifySrtpVariant(variantBin(variant), variant)}`);
  installFile(variantBin(defaultVariant), target);
  fs.writeFileSync(stampFile, `${JSON.stringify(stamp(), null, 2)}\n`);
  log(
    `workers: ${SRTP_VARIANT_NAMES.map((v) => variantBin(v)).join(', ')}; ${target} is the ${defaultVariant} one (TONGBAN_SRTP).`,
  );
  if (timings.length) log(`build times: ${timings.join('; ')}.`);
  log(`done in ${elapsed(t0)}.`);
}

main().catch((err) => fail(err.stack ?? String(err)));
