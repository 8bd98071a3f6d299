// Fuzzing /collab: random bytes and mutated protocol messages, before and after authentication, bounded in time and
// count. The server must keep serving everyone else and the document must stay as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createTestApp, TestClient, type TestApp } from '../tests/support/testApp.ts';
import { connectCollaborator, paragraph, textOf } from '../tests/support/collabClient.ts';

const FUZZ_MS = 4_000;
const FUZZ_MESSAGES = 4_000;

let t: TestApp;
let base: string;
let owner: TestClient;
let documentId: string;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.listen();
  owner = new TestClient(t.app);
  await owner.signIn('zhangwei');
  documentId = (await owner.post('/api/documents', { kind: 'draft', title: '模糊测试' })).json().id;
});
afterAll(async () => t.close());

// A deterministic generator, so a failure can be replayed.
function rng(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

function message(name: string, build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  build(e);
  return encoding.toUint8Array(e);
}

describe('fuzzing /collab', () => {
  it('survives random and mutated messages and changes nothing', async () => {
    const editor = await connectCollaborator(base, owner, documentId);
    editor.edit((s) => s.tr.insert(0, paragraph('原始内容，不得被破坏。')));
    await editor.acked();
    const before = editor.text();

    const token = (await owner.post(`/api/documents/${documentId}/collab-token`)).json().token as string;
    const name = `doc:${documentId}`;
    const evil = new Y.Doc();
    evil.getXmlFragment('default').insert(0, [new Y.XmlElement('script')]);
    const seeds: Uint8Array[] = [
      message(name, (e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, token);
      }), // auth
      message(name, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
      }), // sync step 1
      message(name, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(evil));
      }), // a foreign node type
      message(name, (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, new Uint8Array([1, 2, 3]));
      }), // awareness
    ];
    const random = rng(20261121);
    const started = Date.now();
    let sent = 0;
    const sockets: WebSocket[] = [];
    while (Date.now() - started < FUZZ_MS && sent < FUZZ_MESSAGES) {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/collab`);
      sockets.push(ws);
      await new Promise<void>((resolve) => {
        ws.once('open', () => resolve());
        ws.once('error', () => resolve());
      });
      if (ws.readyState !== WebSocket.OPEN) continue;
      // Half the connections authenticate properly first, so the garbage reaches the document handlers too.
      if (random() < 0.5) ws.send(seeds[0]!);
      for (let i = 0; i < 50 && ws.readyState === WebSocket.OPEN; i++, sent++) {
        const pick = random();
        let bytes: Uint8Array;
        if (pick < 0.3) {
          bytes = new Uint8Array(Math.floor(random() * 300)).map(() => Math.floor(random() * 256));
        } else {
          bytes = Uint8Array.from(seeds[Math.floor(random() * seeds.length)]!);
          const flips = 1 + Math.floor(random() * 4);
          for (let f = 0; f < flips; f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
          if (random() < 0.3) bytes = bytes.subarray(0, Math.floor(random() * bytes.length));
        }
        ws.send(bytes);
      }
      ws.close();
    }
    expect(sent).toBeGreaterThan(500);

    // Everyone else is still served, and nothing the fuzzers sent reached the document.
    const reader = await connectCollaborator(base, owner, documentId);
    expect(reader.text()).toBe(before);
    editor.edit((s) => s.tr.insertText('【仍可编辑】', 1));
    await editor.acked();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await t.app.svc.collab.currentState(documentId));
    expect(textOf(stored)).toBe(`【仍可编辑】${before}`);
    for (const ws of sockets) ws.terminate();
    editor.destroy();
    reader.destroy();
  }, 60_000);
});
