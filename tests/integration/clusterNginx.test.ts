// The nginx configuration of deploy/nginx/ against stand-in instances (small HTTP servers that say who they are and
// what reached them): nginx -t accepts it; socket.io requests stick to one instance per session cookie and spread
// across cookies; a meeting's connections (query `meeting`) reach one instance whatever their cookie, and all the same
// other one when it is down or refusing; so do one document's collab connections (query `document`), while those
// naming none spread; X-Forwarded-For is the client's address, whatever the client sent; WebSockets upgrade on
// /collab; an instance marked down gets nothing; no instance up answers JSON 503; an oversized body JSON
// 413. Runs where nginx is installed. And the readiness watch that marks instances down and up from their /readyz.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket, { WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalCertificate } from '../../deploy/cluster/certificate.ts';
import { nginxBinary, NginxProcess } from '../../deploy/cluster/nginxProcess.ts';
import { ReadinessWatch } from '../../deploy/cluster/readinessWatch.ts';
import { renderNginxConfig, type NginxConfigOptions } from '../../deploy/nginx/nginxConfig.ts';

const NGINX = nginxBinary();
const SKIPPED = NGINX ? null : 'skipped: nginx is not installed (apt-get install nginx; npm install does it as root)';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A stand-in instance: answers every request with its name and the forwarding headers it received. */
async function standIn(name: string): Promise<{ server: http.Server; address: string }> {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        name,
        forwardedFor: req.headers['x-forwarded-for'],
        forwardedProto: req.headers['x-forwarded-proto'],
        host: req.headers.host,
      }),
    );
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => ws.on('message', (data) => ws.send(`${name}:${String(data)}`))),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, address: `127.0.0.1:${(server.address() as net.AddressInfo).port}` };
}

describe.skipIf(SKIPPED)(`the nginx configuration${SKIPPED ? ` (${SKIPPED})` : ''}`, () => {
  let dir: string;
  let nginx: NginxProcess;
  let base: NginxConfigOptions;
  let url: string;
  let ca: string;
  const standIns: Array<{ server: http.Server; address: string }> = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-nginx-'));
    for (const name of ['one', 'two', 'three']) standIns.push(await standIn(name));
    const cert = ensureLocalCertificate(path.join(dir, 'tls'));
    ca = fs.readFileSync(cert.certificate, 'utf8');
    const port = await freePort();
    const user = os.userInfo();
    base = {
      prefix: path.join(dir, 'nginx'),
      listen: port,
      serverName: 'localhost',
      certificate: cert.certificate,
      certificateKey: cert.key,
      instances: standIns.map((s) => ({ address: s.address })),
      bodyLimitMb: 3,
      revealUpstream: true,
      runAs: user.uid === 0 ? { user: user.username, group: 'root' } : null,
    };
    nginx = await NginxProcess.start({ ...base, port });
    url = `https://localhost:${port}`;
  });

  afterAll(async () => {
    await nginx?.stop();
    for (const s of standIns) s.server.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function get(
    route: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: Record<string, unknown>; upstream: string }> {
    return new Promise((resolve, reject) => {
      https
        .get(`${url}${route}`, { ca, headers, agent: false }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              json: JSON.parse(body) as Record<string, unknown>,
              upstream: String(res.headers['x-tongban-upstream']),
            }),
          );
        })
        .on('error', reject);
    });
  }

  it('passes nginx -t and names every instance in each upstream', () => {
    const text = renderNginxConfig(base);
    for (const s of standIns) expect(text.split(`server ${s.address} `).length - 1).toBe(3);
    expect(text).not.toMatch(/\{\{[A-Z_]+\}\}/);
    const checked = spawnSync(NGINX!, ['-p', `${base.prefix}/`, '-c', path.join(base.prefix, 'nginx.conf'), '-t'], {
      encoding: 'utf8',
    });
    expect(checked.stderr).toContain('test is successful');
  });

  it('refuses what would break the file: a bad address, a relative path, no instance', () => {
    expect(() => renderNginxConfig({ ...base, instances: [{ address: '127.0.0.1:1; evil' }] })).toThrow(/host:port/);
    expect(() => renderNginxConfig({ ...base, certificate: 'tls/cert.pem' })).toThrow(/absolute path/);
    expect(() => renderNginxConfig({ ...base, instances: [] })).toThrow(/at least one/);
  });

  it('keeps socket.io on one instance per session cookie and spreads different sessions', async () => {
    const byCookie = new Map<string, Set<unknown>>();
    for (let session = 0; session < 12; session++) {
      const seen = new Set<unknown>();
      for (let poll = 0; poll < 4; poll++) {
        const res = await get('/socket.io/?EIO=4&transport=polling', { cookie: `tb_session=session-${session}` });
        seen.add(res.json.name);
      }
      byCookie.set(`session-${session}`, seen);
    }
    for (const seen of byCookie.values()) expect(seen.size).toBe(1);
    const used = new Set([...byCookie.values()].map((s) => [...s][0]));
    expect(used.size).toBeGreaterThan(1);
  });

  /**
   * Eight keys (meetings, documents), each reached `landing` several ways (different sessions, different editors):
   * each key's connections reach one instance, different keys spread over the instances (the hash is on the key, not
   * a constant), and when key 0's instance is marked down all of its connections move to one and the same other
   * instance while the other keys stay where they were (consistent hashing).
   */
  async function expectRoutedByKey(landing: (key: string) => Promise<Set<string>>, prefix: string): Promise<void> {
    const owners = new Map<string, string>();
    for (let n = 0; n < 8; n++) {
      const seen = await landing(`${prefix}-${n}`);
      expect([...seen]).toHaveLength(1);
      owners.set(`${prefix}-${n}`, [...seen][0]!);
    }
    expect(new Set(owners.values()).size).toBeGreaterThan(1);

    const owner = owners.get(`${prefix}-0`)!;
    const names = ['one', 'two', 'three'];
    await nginx.reload(standIns.map((s, i) => ({ address: s.address, down: names[i] === owner })));
    try {
      const moved = await landing(`${prefix}-0`);
      expect([...moved]).toHaveLength(1);
      expect([...moved][0]).not.toBe(owner);
      for (const [key, at] of owners) if (at !== owner) expect([...(await landing(key))]).toEqual([at]);
    } finally {
      await nginx.reload(standIns.map((s) => ({ address: s.address })));
    }
  }

  it("sends a meeting's connections to one instance whatever the session, and together elsewhere when it is down", async () => {
    const poll = (meeting: string, session: number) =>
      get(`/socket.io/?EIO=4&transport=polling&meeting=${meeting}`, { cookie: `tb_session=session-${session}` });
    await expectRoutedByKey(async (meeting) => {
      const seen = new Set<string>();
      for (let session = 0; session < 6; session++) seen.add(String((await poll(meeting, session)).json.name));
      return seen;
    }, 'meeting');
  });

  it("keeps a meeting's connections together when its instance refuses them before anyone marks it down", async () => {
    // As after a SIGKILL: the dead instance is still in the upstream; nginx finds it refusing (proxy_next_upstream)
    // and walks on along the hash ring, the same way for every participant.
    const dead = { address: `127.0.0.1:${await freePort()}` };
    await nginx.reload([...standIns.slice(0, 2).map((s) => ({ address: s.address })), dead]);
    try {
      let triedDead = 0;
      for (let n = 0; n < 24; n++) {
        const seen = new Set<unknown>();
        for (let session = 0; session < 6; session++) {
          const res = await get(`/socket.io/?EIO=4&transport=polling&meeting=m${n}`, {
            cookie: `tb_session=session-${session}`,
          });
          seen.add(res.json.name);
          if (res.upstream.includes(dead.address)) triedDead++;
        }
        expect([...seen]).toHaveLength(1);
      }
      // Some meetings did hash to the dead instance (else this proved nothing about moving).
      expect(triedDead).toBeGreaterThan(0);
    } finally {
      await nginx.reload(standIns.map((s) => ({ address: s.address })));
    }
  });

  it("sends the client's own address as X-Forwarded-For, never what the client claimed, and the scheme", async () => {
    const res = await get('/api/anything', { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'http' });
    expect(res.json).toMatchObject({ forwardedFor: '127.0.0.1', forwardedProto: 'https' });
    expect(res.json.host).toBe(new URL(url).host);
  });

  /** A WebSocket on `route`, open, and the stand-in it reached (which echoes with its name). */
  async function openSocket(route: string): Promise<{ ws: WebSocket; name: string; echoed: string }> {
    const ws = new WebSocket(`${url.replace('https', 'wss')}${route}`, { ca });
    const echoed = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send('hello'));
      ws.on('message', (data) => resolve(String(data)));
      ws.on('error', reject);
    });
    return { ws, name: echoed.split(':')[0]!, echoed };
  }

  async function upgradedTo(route: string): Promise<string> {
    const { ws, name } = await openSocket(route);
    ws.close();
    return name;
  }

  it('sends every editor of one document to one instance, and all of them to one other when it is down', async () => {
    await expectRoutedByKey(async (document) => {
      const seen = new Set<string>();
      for (let editor = 0; editor < 5; editor++) seen.add(await upgradedTo(`/collab?document=${document}`));
      return seen;
    }, 'document');

    // Connections that name no document are spread (the fewest connections first), not all sent to one instance.
    const held = await Promise.all(Array.from({ length: 6 }, () => openSocket('/collab')));
    expect(new Set(held.map((h) => h.name)).size).toBeGreaterThan(1);
    for (const h of held) h.ws.close();
  });

  it('upgrades WebSockets on /collab', async () => {
    const { ws, echoed } = await openSocket('/collab');
    ws.close();
    expect(echoed).toMatch(/^(one|two|three):hello$/);
  });

  it('sends nothing to an instance marked down, and answers JSON 503 when none is reachable', async () => {
    await nginx.reload(standIns.map((s, i) => ({ address: s.address, down: i !== 1 })));
    for (let n = 0; n < 6; n++) expect((await get('/api/x', { cookie: `tb_session=s${n}` })).json.name).toBe('two');
    await nginx.reload(standIns.map((s) => ({ address: s.address })));

    const closed = await Promise.all(
      [await freePort(), await freePort()].map((port) => ({ address: `127.0.0.1:${port}` })),
    );
    await nginx.reload(closed);
    const res = await get('/api/x');
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ statusCode: 503, code: 'service_unavailable' });
    await nginx.reload(standIns.map((s) => ({ address: s.address })));
  });

  it('answers a body over the limit with JSON 413', async () => {
    const res = await new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
      const req = https.request(`${url}/api/upload`, {
        method: 'POST',
        ca,
        agent: false,
        headers: { 'content-length': String(4 * 1024 * 1024) },
      });
      req.on('response', (r) => {
        let body = '';
        r.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        r.on('end', () => {
          req.destroy();
          resolve({ status: r.statusCode ?? 0, json: JSON.parse(body) as Record<string, unknown> });
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    expect(String(res.json.message)).toContain('3 MB');
  });
});

describe('the readiness watch', () => {
  it('takes an instance out after `fall` failed probes in a row and back after `rise` good ones', async () => {
    let ready = { one: true, two: true };
    const probes = { one: 0, two: 0 };
    const servers = await Promise.all(
      (['one', 'two'] as const).map(async (name) => {
        const server = http.createServer((_req, res) => {
          probes[name]++;
          res.statusCode = ready[name] ? 200 : 503;
          res.end();
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        return { name, server, url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}` };
      }),
    );
    const changes: Array<number[]> = [];
    let notify: () => void = () => {};
    const watch = new ReadinessWatch(
      servers.map((s, i) => ({ index: i + 1, url: s.url })),
      { intervalMs: 20, timeoutMs: 1_000, fall: 3, rise: 2 },
      async (down) => {
        changes.push([...down]);
        notify();
      },
      (err) => {
        throw err;
      },
    );
    const nextChange = () => new Promise<void>((resolve) => (notify = resolve));
    try {
      watch.start();
      const out = nextChange();
      const before = probes.two;
      ready = { one: true, two: false };
      await out;
      // Three failures in a row, not fewer: the probes that found it failing are the ones since the flip.
      expect(probes.two - before).toBeGreaterThanOrEqual(3);
      expect(changes).toEqual([[2]]);
      expect([...watch.down]).toEqual([2]);

      const back = nextChange();
      ready = { one: true, two: true };
      await back;
      expect(changes).toEqual([[2], []]);
      expect(watch.down.size).toBe(0);
    } finally {
      await watch.stop();
      for (const s of servers) s.server.close();
    }
  });
});
