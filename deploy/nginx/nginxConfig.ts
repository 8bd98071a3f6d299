// Renders deploy/nginx/tongban.conf.template into an nginx.conf for a set of Tongban instances: their addresses (and
// which the health checks took out), where nginx keeps its files, the certificate, and the body size limit derived
// from the server's own upload limits.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../server/config.ts';

export const NGINX_TEMPLATE = path.join(import.meta.dirname, 'tongban.conf.template');

/**
 * The largest body one request to Tongban may carry, in MiB: 公章 verification takes signed PDFs up to 64 MiB
 * (server/routes/seals/index.ts), meeting materials and 公文 attachments TONGBAN_MAX_UPLOAD_MB, supervision evidence
 * TONGBAN_SUPERVISION_ATTACHMENT_MB; the JSON API 1 MiB.
 */
const SEAL_VERIFY_MB = 64;
/** Room for the multipart framing around a file of exactly the limit, so the server's own check decides. */
const MULTIPART_MARGIN_MB = 1;

export function bodyLimitMb(config: Pick<Config, 'maxUploadMb' | 'supervisionAttachmentMaxMb'>): number {
  return Math.max(SEAL_VERIFY_MB, config.maxUploadMb, config.supervisionAttachmentMaxMb) + MULTIPART_MARGIN_MB;
}

export interface UpstreamInstance {
  /** host:port the instance listens on, e.g. 127.0.0.1:3101. */
  address: string;
  /** Taken out by the active health check (its /readyz failed). */
  down?: boolean;
}

export interface NginxConfigOptions {
  /** nginx's own directory: nginx.pid, logs/, temp/ (created by writeNginxConfig). */
  prefix: string;
  /** `listen` of the TLS server: a port, or address:port. */
  listen: string | number;
  serverName: string;
  certificate: string;
  certificateKey: string;
  instances: readonly UpstreamInstance[];
  /** client_max_body_size in MiB: bodyLimitMb(config). */
  bodyLimitMb: number;
  /**
   * Adds X-Tongban-Upstream (the instances a request went to) to every response: for trying a cluster out and its
   * tests; it shows internal addresses, so not in production.
   */
  revealUpstream?: boolean;
  /** When nginx starts as root, its workers run as this user instead of nobody (who cannot read the prefix). */
  runAs?: { user: string; group: string } | null;
  template?: string;
}

/** Passive health check: failures within fail_timeout before nginx leaves an instance alone for fail_timeout. */
const MAX_FAILS = 2;
const FAIL_TIMEOUT_S = 10;

const ADDRESS = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;
const SAFE_WORD = /^[A-Za-z0-9._-]+$/;

function checkPath(what: string, value: string): string {
  if (!path.isAbsolute(value) || /[\s;{}'"\\$]/.test(value))
    throw new Error(`${what} must be an absolute path without spaces, quotes, ; {} or $: ${value}`);
  return value;
}

export function renderNginxConfig(options: NginxConfigOptions): string {
  const { instances } = options;
  if (instances.length === 0) throw new Error('nginx needs at least one instance');
  for (const i of instances)
    if (!ADDRESS.test(i.address)) throw new Error(`an instance address is host:port, not ${JSON.stringify(i.address)}`);
  if (!/^(\d{1,5}|[0-9.]+:\d{1,5}|\[[0-9a-fA-F:]+\]:\d{1,5})$/.test(String(options.listen)))
    throw new Error(`listen is a port or address:port, not ${JSON.stringify(options.listen)}`);
  if (!SAFE_WORD.test(options.serverName)) throw new Error(`server name ${JSON.stringify(options.serverName)}`);
  if (!Number.isInteger(options.bodyLimitMb) || options.bodyLimitMb < 2)
    throw new Error(`body limit ${options.bodyLimitMb} MiB`);
  const runAs = options.runAs ?? null;
  if (runAs && !(SAFE_WORD.test(runAs.user) && SAFE_WORD.test(runAs.group)))
    throw new Error(`user ${JSON.stringify(runAs)}`);

  // An upstream with every server marked down answers nothing at all; keep them in the passive check's hands instead.
  const allDown = instances.every((i) => i.down);
  const servers = instances
    .map(
      (i) =>
        `        server ${i.address} max_fails=${MAX_FAILS} fail_timeout=${FAIL_TIMEOUT_S}s${i.down && !allDown ? ' down' : ''};`,
    )
    .join('\n');
  const values: Record<string, string> = {
    USER: runAs ? `user ${runAs.user} ${runAs.group};` : '# (workers run as the user that starts nginx)',
    PREFIX: checkPath('prefix', options.prefix.replace(/\/$/, '')),
    SERVERS: servers,
    LISTEN: String(options.listen),
    SERVER_NAME: options.serverName,
    CERTIFICATE: checkPath('certificate', options.certificate),
    CERTIFICATE_KEY: checkPath('certificate key', options.certificateKey),
    BODY_LIMIT_MB: String(options.bodyLimitMb),
    TRIES: String(instances.length),
    REVEAL_UPSTREAM: options.revealUpstream
      ? '        add_header X-Tongban-Upstream $upstream_addr always;'
      : '        # (X-Tongban-Upstream is added only when trying a cluster out: it shows internal addresses)',
  };
  const template = options.template ?? fs.readFileSync(NGINX_TEMPLATE, 'utf8');
  const rendered = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the nginx template has an unknown placeholder ${whole}`);
    return value;
  });
  return rendered;
}

/** Writes the configuration to <prefix>/nginx.conf, with the directories it names; returns its path. */
export function writeNginxConfig(options: NginxConfigOptions): string {
  for (const dir of ['logs', 'temp/client_body', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi'])
    fs.mkdirSync(path.join(options.prefix, dir), { recursive: true, mode: 0o700 });
  const file = path.join(options.prefix, 'nginx.conf');
  // Written whole and renamed, so a reload never reads half a file.
  fs.writeFileSync(`${file}.next`, renderNginxConfig(options), { mode: 0o600 });
  fs.renameSync(`${file}.next`, file);
  return file;
}
