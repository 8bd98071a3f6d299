// Durability: editors type, the server is killed with SIGKILL mid-stream and restarted; every update an editor saw
// acknowledged (its unsynced-changes count went back to zero after it) must be in the reloaded document.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpSession, startServer, type ServerProcess } from '../support/serverProcess.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-crash-'));
let server: ServerProcess | null = null;
const providers: HocuspocusProvider[] = [];

afterAll(() => {
  for (const p of providers) p.destroy();
  server?.child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function open(
  baseUrl: string,
  session: HttpSession,
  documentId: string,
): Promise<{ provider: HocuspocusProvider; doc: Y.Doc }> {
  const { json } = await session.call('POST', `/api/documents/${documentId}/collab-token`);
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace('http', 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: String(json.documentName),
    token: String(json.token),
    document: doc,
  });
  providers.push(provider);
  const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  provider.attach();
  await synced;
  return { provider, doc };
}

function addLine(doc: Y.Doc, marker: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(marker)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [p]);
}

describe('crash safety', () => {
  it('keeps every acknowledged update across kill -9', async () => {
    const port = await freePort();
    server = await startServer(dataDir, port);
    const owner = new HttpSession(server.baseUrl);
    await owner.signIn('zhangwei');
    const created = await owner.call('POST', '/api/documents', { kind: 'draft', title: '断电测试' });
    const documentId = String(created.json.id);
    const unit = await owner.call('GET', '/api/users?q=何军');
    const hejun = (unit.json.items as Array<{ id: string }>)[0]!.id;
    await owner.call('PUT', `/api/documents/${documentId}/shares`, {
      shares: [{ granteeType: 'user', granteeId: hejun, access: 'edit' }],
    });
    const other = new HttpSession(server.baseUrl);
    await other.signIn('hejun');

    const editors = [
      await open(server.baseUrl, owner, documentId),
      await open(server.baseUrl, other, documentId),
      await open(server.baseUrl, owner, documentId),
    ];
    const acked = new Set<string>();
    const ackedOnce = (provider: HocuspocusProvider) =>
      new Promise<void>((resolve) => {
        if (!provider.hasUnsyncedChanges) return resolve();
        const onChange = ({ number }: { number: number }) => {
          if (number === 0) {
            provider.off('unsyncedChanges', onChange);
            resolve();
          }
        };
        provider.on('unsyncedChanges', onChange);
      });
    // Each editor types a line and waits for the server's acknowledgement before counting it; three type at once.
    await Promise.all(
      editors.map(async ({ provider, doc }, i) => {
        for (let n = 0; acked.size < 150; n++) {
          const marker = `m${i}-${n}`;
          addLine(doc, marker);
          await ackedOnce(provider);
          acked.add(marker);
        }
      }),
    );
    // Kill while updates are still in flight.
    for (const [i, { doc }] of editors.entries()) addLine(doc, `m${i}-inflight`);
    const snapshot = new Set(acked);
    server.child.kill('SIGKILL');
    await server.exited;
    for (const p of providers.splice(0)) p.destroy();

    server = await startServer(dataDir, port);
    const reader = new HttpSession(server.baseUrl);
    await reader.signIn('zhangwei');
    const { doc } = await open(server.baseUrl, reader, documentId);
    const text = doc.getXmlFragment('default').toString();
    const missing = [...snapshot].filter((m) => !text.includes(`>${m}<`));
    expect(snapshot.size).toBeGreaterThanOrEqual(150);
    expect(missing).toEqual([]);
  }, 120_000);
});
