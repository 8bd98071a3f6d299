#!/usr/bin/env node
// Postinstall step: makes sure Debian's nginx is installed, since it is the load balancer in front of several Tongban
// instances (deploy/nginx/, `npm run cluster`), and openssl, which makes the cluster's local certificate. Like the OCR
// and recording packages (scripts/ocrPackages.mjs, scripts/recorderPackages.mjs): installed with apt-get when this runs
// as root or with password-less sudo, otherwise the install stops at once and prints the exact command. Node builtins
// only: this runs before anything of ours is built.
import { spawnSync } from 'node:child_process';
import { ensureDebianPackages } from './debianPackages.mjs';

const TAG = '[tongban:nginx]';
/** nginx (Debian builds in TLS, HTTP/2 and the upstream hash module the configuration uses), openssl for certificates. */
const NGINX_PACKAGES = ['nginx', 'openssl'];
/** What deploy/nginx/tongban.conf.template needs of the nginx build. */
const REQUIRED_MODULES = ['--with-http_ssl_module', '--with-http_v2_module'];

const log = (msg) => console.log(`${TAG} ${msg}`);
const fail = (msg) => {
  console.error(`${TAG} ERROR: ${msg}`);
  console.error(
    `${TAG} nginx is the load balancer in front of several instances (npm run cluster). To install without it (one instance needs none): TONGBAN_SKIP_NGINX_PACKAGES=1 npm install`,
  );
  process.exit(1);
};

function main() {
  if (process.env.TONGBAN_SKIP_NGINX_PACKAGES === '1') {
    const bar = '!'.repeat(72);
    console.warn(
      `${bar}\n${TAG} TONGBAN_SKIP_NGINX_PACKAGES=1: NOT checking nginx and openssl.\n` +
        `${TAG} Without them npm run cluster cannot start; one instance (npm start) does not need them.\n${bar}`,
    );
    return;
  }
  const installed = ensureDebianPackages({
    packages: NGINX_PACKAGES,
    what: 'load balancer packages',
    log,
    fail,
    noDpkgHint:
      'this step installs Debian packages. Elsewhere, install nginx (1.22 or later, with the ssl and http_v2 ' +
      'modules) and openssl yourself, then install with TONGBAN_SKIP_NGINX_PACKAGES=1.',
  });
  // Debian keeps nginx in /usr/sbin, which an ordinary user's PATH may lack.
  const version = spawnSync('/usr/sbin/nginx', ['-V'], { encoding: 'utf8' });
  if (version.status !== 0) fail('nginx does not run after the install: check `/usr/sbin/nginx -V`.');
  const build = `${version.stdout}${version.stderr}`;
  const lacking = REQUIRED_MODULES.filter((m) => !build.includes(m));
  if (lacking.length) fail(`this nginx was built without ${lacking.join(', ')} (Debian's nginx has them).`);
  log(installed.length ? `installed ${installed.join(', ')}.` : `${NGINX_PACKAGES.join(', ')} in place.`);
}

main();
