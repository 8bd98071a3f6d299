// libsrtp2 on OpenSSL for the mediasoup worker (see media/install/README.md, "libsrtp2 on OpenSSL"): Debian's own
// source package of the libsrtp2 version installed here (libsrtp2-dev, which Debian builds with NSS), fetched with
// `apt-get source` through a private apt state (a deb-src entry per Debian suite the machine's apt sources use, lists
// in the cache, nothing of the system changed), built as a static library with `--enable-openssl` against Debian's
// libssl-dev and Debian's compiler flags, tested with libsrtp2's own self-tests, and cached. Node builtins only: this
// runs before anything of ours is built.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });

// Any change here changes the cache key of the library and of the worker linked with it.
export const LIBSRTP2_RECIPE = {
  // Debian's debian/rules options, with --enable-openssl in place of --enable-nss.
  configure: ['--disable-stdout', '--enable-syslog', '--disable-debug', '--enable-openssl'],
  // debian/rules strips -O2 from dpkg-buildflags' CFLAGS and appends these.
  cflagsStrip: '-O2',
  cflagsAppend: '-D_REENTRANT -O4 -fexpensive-optimizations -funroll-loops',
  make: ['libsrtp2.a', 'test'],
  // libsrtp2's self-tests (its `make runtest` minus the slow replay and rtpw scripts); the first two run every cipher
  // and the kernel self-test, and must name OpenSSL's AES-ICM and AES-GCM.
  selfTests: ['crypto/test/cipher_driver', 'crypto/test/kernel_driver', 'test/test_srtp', 'test/srtp_driver'],
};

/** The version of Debian's libsrtp2-dev installed here (the NSS build the worker links otherwise), or null. */
export function debianLibsrtp2Version() {
  const q = run('dpkg-query', ['-W', '-f', '${Version} ${db:Status-Abbrev}', 'libsrtp2-dev']);
  const m = /^(\S+) ii /.exec(q.stdout ?? '');
  return m ? m[1] : null;
}

/** Cache key of the OpenSSL build of Debian's libsrtp2 `version` on this OS release and architecture. */
export function libsrtp2Key(version, osRelease) {
  const hash = createHash('sha256')
    .update(JSON.stringify({ LIBSRTP2_RECIPE, version, osRelease, arch: process.arch }))
    .digest('hex')
    .slice(0, 12);
  return `${version.replace(/[^\w.+-]/g, '_')}-${hash}`;
}

/**
 * deb-src lines for the Debian suites of this machine's apt sources (those of its release `codename`: bookworm,
 * bookworm-updates, bookworm-security), with the same URIs, components and keyring.
 */
export function debSrcLines(codename) {
  const lines = new Set();
  const add = (uri, suite, components, signedBy) => {
    if (!(suite === codename || suite.startsWith(`${codename}-`)) || !components.length) return;
    const opts = signedBy ? ` [signed-by=${signedBy}]` : '';
    lines.add(`deb-src${opts} ${uri} ${suite} ${components.join(' ')}`);
  };
  const dir = '/etc/apt/sources.list.d';
  const files = ['/etc/apt/sources.list'];
  try {
    files.push(...fs.readdirSync(dir).map((f) => path.join(dir, f)));
  } catch {
    /* no sources.list.d */
  }
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (file.endsWith('.list') || file === '/etc/apt/sources.list') {
      for (const raw of text.split('\n')) {
        const line = raw.replace(/#.*/, '').trim();
        const m = /^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
        if (!m) continue;
        const signedBy = /signed-by=(\S+)/.exec(m[1] ?? '')?.[1];
        add(m[2], m[3], m[4].split(/\s+/).filter(Boolean), signedBy);
      }
    } else if (file.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const field = (name) => {
          const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'mi').exec(stanza.replace(/^#.*$/gm, ''));
          return m ? m[1].trim() : '';
        };
        if (!field('Types').split(/\s+/).includes('deb') || /^no$/i.test(field('Enabled'))) continue;
        // An inline key block (multi-line Signed-By) cannot go on a one-line entry; apt's trusted keys apply then.
        const signedBy = field('Signed-By').startsWith('/') ? field('Signed-By') : undefined;
        for (const uri of field('URIs').split(/\s+/).filter(Boolean)) {
          for (const suite of field('Suites').split(/\s+/).filter(Boolean)) {
            add(uri, suite, field('Components').split(/\s+/).filter(Boolean), signedBy);
          }
        }
      }
    }
  }
  return [...lines];
}

/**
 * Debian's source package libsrtp2 `version` (.dsc, .orig.tar.gz, .debian.tar.xz) in `srcDir`, kept there so a later
 * build needs no network. Returns the .dsc path.
 */
function fetchSource({ version, srcDir, aptDir, codename, log, fail }) {
  const dscName = `libsrtp2_${version.replace(/^\d+:/, '')}.dsc`;
  const dsc = path.join(srcDir, dscName);
  if (fs.existsSync(dsc)) {
    log(`libsrtp2 ${version} source package from cache ${srcDir}.`);
    return dsc;
  }
  const entries = debSrcLines(codename);
  if (!entries.length)
    fail(`no Debian apt source for ${codename} in /etc/apt/sources.list(.d); cannot fetch libsrtp2's source package.`);
  for (const d of ['lists/partial', 'cache/archives/partial', 'sources.list.d'])
    fs.mkdirSync(path.join(aptDir, d), { recursive: true });
  const sourceList = path.join(aptDir, 'sources.list');
  fs.writeFileSync(sourceList, `${entries.join('\n')}\n`);
  const aptOpts = [
    '-o',
    `Dir::Etc::SourceList=${sourceList}`,
    '-o',
    `Dir::Etc::SourceParts=${path.join(aptDir, 'sources.list.d')}`,
    '-o',
    `Dir::State::Lists=${path.join(aptDir, 'lists')}`,
    '-o',
    `Dir::Cache=${path.join(aptDir, 'cache')}`,
    // apt's _apt download user cannot write into a home directory; this state is ours, not the system's.
    ...(process.getuid?.() === 0 ? ['-o', 'APT::Sandbox::User=root'] : []),
  ];
  log(`fetching Debian's source package libsrtp2=${version} (deb-src: ${entries.join(' | ')})`);
  const update = run('apt-get', [...aptOpts, 'update'], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (update.status !== 0) fail(`apt-get update for the deb-src entries failed:\n${update.stdout}${update.stderr}`);
  fs.mkdirSync(path.dirname(srcDir), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(srcDir), '.src-'));
  const get = run('apt-get', [...aptOpts, 'source', '--download-only', `libsrtp2=${version}`], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (get.status !== 0 || !fs.existsSync(path.join(tmp, dscName))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    fail(
      `apt-get source libsrtp2=${version} failed (exit ${get.status}):\n${get.stdout}${get.stderr}\n` +
        `The deb-src entries used: ${entries.join(' | ')}`,
    );
  }
  fs.rmSync(srcDir, { recursive: true, force: true });
  fs.renameSync(tmp, srcDir);
  return dsc;
}

/**
 * Debian's libsrtp2 built on OpenSSL: `{ prefix, lib, includeDir, key, builtSeconds }` (`builtSeconds` null when it
 * came from the cache). Needs the build packages (dpkg-dev, gcc, make, libssl-dev, libsrtp2-dev) installed.
 */
export function ensureOpensslLibsrtp2({ cacheRoot, osRelease, codename, log, fail }) {
  const version = debianLibsrtp2Version();
  if (!version) fail('libsrtp2-dev is not installed; its version decides which libsrtp2 source to build.');
  const key = libsrtp2Key(version, osRelease);
  const base = path.join(cacheRoot, 'libsrtp2-openssl');
  const prefix = path.join(base, key);
  const result = (builtSeconds) => ({
    prefix,
    key,
    version,
    lib: path.join(prefix, 'lib', 'libsrtp2.a'),
    includeDir: path.join(prefix, 'include', 'srtp2'),
    builtSeconds,
  });
  const done = result(null);
  if (fs.existsSync(done.lib) && fs.existsSync(path.join(done.includeDir, 'srtp.h'))) {
    log(`libsrtp2 ${version} on OpenSSL from cache ${prefix}.`);
    return done;
  }

  const t0 = Date.now();
  fs.mkdirSync(base, { recursive: true });
  const dsc = fetchSource({
    version,
    srcDir: path.join(base, 'src', version.replace(/[^\w.+-]/g, '_')),
    aptDir: path.join(base, 'apt'),
    codename,
    log,
    fail,
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-libsrtp2-'));
  try {
    const srcTree = path.join(work, 'libsrtp2');
    const x = run('dpkg-source', ['-x', dsc, srcTree], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (x.status !== 0) fail(`dpkg-source -x ${dsc} failed:\n${x.stdout}${x.stderr}`);
    // In the source tree, as dpkg-buildpackage would run it (-ffile-prefix-map names the current directory).
    const flag = (name) => (run('dpkg-buildflags', ['--get', name], { cwd: srcTree }).stdout ?? '').trim();
    const cflags = `${flag('CFLAGS')
      .split(/\s+/)
      .filter((f) => f && f !== LIBSRTP2_RECIPE.cflagsStrip)
      .join(' ')} ${LIBSRTP2_RECIPE.cflagsAppend}`;
    const stage = path.join(work, 'prefix');
    const steps = [
      [
        './configure',
        [
          `--prefix=${stage}`,
          ...LIBSRTP2_RECIPE.configure,
          `CFLAGS=${cflags}`,
          `CPPFLAGS=${flag('CPPFLAGS')}`,
          `LDFLAGS=${flag('LDFLAGS')}`,
        ],
      ],
      ['make', [`-j${Math.max(1, os.availableParallelism())}`, ...LIBSRTP2_RECIPE.make]],
      ['make', ['install']],
    ];
    log(`building libsrtp2 ${version} with ${LIBSRTP2_RECIPE.configure.join(' ')} (CFLAGS ${cflags})`);
    for (const [cmd, args] of steps) {
      const r = run(cmd, args, { cwd: srcTree, stdio: ['ignore', 'pipe', 'pipe'] });
      if (r.status !== 0) fail(`libsrtp2: ${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
    const config = fs.readFileSync(path.join(srcTree, 'crypto', 'include', 'config.h'), 'utf8');
    if (!/^#define OPENSSL 1/m.test(config) || /^#define NSS 1/m.test(config))
      fail('libsrtp2 configure did not select OpenSSL (crypto/include/config.h)');
    let testOutput = '';
    for (const test of LIBSRTP2_RECIPE.selfTests) {
      const r = run(path.join(srcTree, test), ['-v'], { cwd: srcTree, timeout: 120_000 });
      testOutput += r.stdout ?? '';
      if (r.status !== 0) fail(`libsrtp2 self-test ${test} -v failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
    for (const name of ['AES-128 counter mode using openssl', 'AES-128 GCM using openssl']) {
      if (!testOutput.includes(name)) fail(`libsrtp2 self-tests did not run "${name}"`);
    }
    log(`libsrtp2 self-tests passed (${LIBSRTP2_RECIPE.selfTests.map((t) => path.basename(t)).join(', ')}).`);
    const tmpPrefix = `${prefix}.tmp-${process.pid}`;
    fs.rmSync(tmpPrefix, { recursive: true, force: true });
    fs.cpSync(stage, tmpPrefix, { recursive: true });
    fs.writeFileSync(
      path.join(tmpPrefix, 'build.json'),
      JSON.stringify({ version, key, recipe: LIBSRTP2_RECIPE, cflags, builtAt: new Date().toISOString() }, null, 2),
    );
    fs.rmSync(prefix, { recursive: true, force: true });
    fs.renameSync(tmpPrefix, prefix);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const built = result((Date.now() - t0) / 1000);
  log(`libsrtp2 ${version} on OpenSSL built and cached at ${prefix} in ${built.builtSeconds.toFixed(1)} s.`);
  return built;
}
