// Ink documents over /collab with real providers: strokes propagate; the server refuses, by closing the connection
// and changing nothing, strokes in someone else's name, malformed values and erasing others' marks without edit
// access; awareness speaks only for its own connection; private layers never reach anyone but their owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStroke, deleteStroke, encodePoints, strokesMap, type InkStroke } from '../common/schema/inkModel.ts';
import { collabToken, waitFor } from '../tests/support/collabClient.ts';
import { connectInk, type InkTablet } from '../tests/support/inkClient.ts';
import { addRoom, demoIds, multipart, pdfBytes, shanghai } from '../tests/support/meetings.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../tests/support/testApp.ts';

let t: TestApp;
let base: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
const clients: Record<string, TestClient> = {};
const open: InkTablet[] = [];
let meetingId: string;
let materialId: string;
const layers: Record<string, { sharedDocumentId: string; privateDocumentId: string }> = {};

const PEN = {
  page: '2',
  tool: 'pen',
  color: '#d4380d',
  width: 2.5,
  points: [0.1, 0.2, 0.4, 0.12, 0.22, 0.5, 0.15, 0.25, 0.7],
} as const;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.listen();
  ids = await demoIds(t);
  for (const name of ['zhaojing', 'zhangwei', 'hejun', 'xuyan', 'matao']) clients[name] = await signedIn(t, name);
  const roomId = await addRoom(clients.zhaojing!, '第三会议室');
  const res = await clients.zhaojing!.post('/api/meetings', {
    title: '安全生产专题会',
    type: 'zhuanti',
    mode: 'in_room',
    roomId,
    startAt: shanghai(t, 1, '09:00'),
    endAt: shanghai(t, 1, '11:00'),
    hostId: ids.users.zhaojing,
    agenda: [{ title: '隐患排查情况', presenterId: ids.users.hejun }],
    participants: {
      users: [{ userId: ids.users.zhangwei! }, { userId: ids.users.hejun! }, { userId: ids.users.xuyan! }],
      units: [],
    },
  });
  expect(res.statusCode).toBe(201);
  meetingId = res.json().id;
  const { payload, headers } = multipart('隐患清单.pdf', 'application/pdf', pdfBytes('hazards'));
  const upload = await clients.zhaojing!.request('POST', `/api/meetings/${meetingId}/materials`, payload, headers);
  expect(upload.statusCode).toBe(201);
  materialId = upload.json().id;
  for (const name of ['zhaojing', 'zhangwei', 'hejun', 'xuyan']) {
    const got = await clients[name]!.get(`/api/meetings/${meetingId}/materials/${materialId}/annotations`);
    expect(got.statusCode).toBe(200);
    layers[name] = got.json();
  }
});
afterAll(async () => {
  for (const tablet of open) tablet.destroy();
  await t.close();
});

async function tablet(user: string, documentId: string): Promise<InkTablet> {
  const connected = await connectInk(base, clients[user]!, documentId);
  open.push(connected);
  return connected;
}

async function storedStrokes(documentId: string): Promise<Map<string, InkStroke>> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await t.app.svc.collab.currentState(documentId));
  return new Map(strokesMap(doc).entries());
}

describe('the shared layer', () => {
  it('is one document for everyone at the table; a stroke reaches the others', async () => {
    const shared = layers.zhangwei!.sharedDocumentId;
    expect(new Set(Object.values(layers).map((l) => l.sharedDocumentId))).toEqual(new Set([shared]));
    const a = await tablet('zhangwei', shared);
    const b = await tablet('xuyan', shared);
    const stroke = addStroke(a.doc, PEN, ids.users.zhangwei!);
    await waitFor(b.doc, () => strokesMap(b.doc).has(stroke.id));
    expect(strokesMap(b.doc).get(stroke.id)).toEqual(stroke);
    await a.acked();
    expect((await storedStrokes(shared)).get(stroke.id)).toEqual(stroke);
  });

  it("refuses a stroke in someone else's name, a malformed stroke and erasing someone else's, changing nothing", async () => {
    const shared = layers.zhangwei!.sharedDocumentId;
    const a = await tablet('zhangwei', shared);
    const own = addStroke(a.doc, PEN, ids.users.zhangwei!);
    await a.acked();
    const before = await storedStrokes(shared);

    const forger = await tablet('xuyan', shared);
    addStroke(forger.doc, PEN, ids.users.zhangwei!);
    expect((await forger.closed).reason).toMatch(/^4403 ink_forbidden: stroke: the author must be the signed-in user/);

    const sloppy = await tablet('xuyan', shared);
    strokesMap(sloppy.doc).set('bad', {
      id: 'bad',
      page: '1',
      tool: 'pen',
      color: '#000000',
      width: 2,
      points: encodePoints([0.5, 0.5, 0.5]),
      author: ids.users.xuyan!,
      at: Date.now(),
      extra: 'x',
    } as InkStroke);
    expect((await sloppy.closed).reason).toMatch(/^4400 ink_malformed: stroke: unexpected field/);

    const eraser = await tablet('xuyan', shared);
    await waitFor(eraser.doc, () => strokesMap(eraser.doc).has(own.id));
    deleteStroke(eraser.doc, own.id);
    expect((await eraser.closed).reason).toMatch(/^4403 ink_forbidden: strokes: only a presenter may erase/);

    expect(await storedStrokes(shared)).toEqual(before);
    expect(strokesMap(a.doc).has(own.id)).toBe(true);
  });

  it("lets the agenda presenter erase anyone's stroke, and everyone sees it go", async () => {
    const shared = layers.zhangwei!.sharedDocumentId;
    const a = await tablet('zhangwei', shared);
    const stroke = addStroke(a.doc, PEN, ids.users.zhangwei!);
    await a.acked();
    const presenter = await tablet('hejun', shared);
    await waitFor(presenter.doc, () => strokesMap(presenter.doc).has(stroke.id));
    deleteStroke(presenter.doc, stroke.id);
    await waitFor(a.doc, () => !strokesMap(a.doc).has(stroke.id));
    expect((await storedStrokes(shared)).has(stroke.id)).toBe(false);
  });

  it('survives a run of random valid and invalid writes: exactly the valid strokes are kept', async () => {
    const shared = layers.zhangwei!.sharedDocumentId;
    let seed = 20261121;
    const random = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return ((seed >>> 0) % 1_000_000) / 1_000_000;
    };
    const user = ids.users.xuyan!;
    const corruptions: Array<(s: InkStroke) => Record<string, unknown>> = [
      (s) => ({ ...s, author: ids.users.zhangwei }),
      (s) => ({ ...s, width: -1 }),
      (s) => ({ ...s, points: `${s.points}\u0001` }),
      (s) => ({ ...s, tool: 'eraser' }),
      (s) => ({ ...s, at: s.at - 86_400_000 }),
      (s) => ({ ...s, page: '../../etc' }),
      (s) => ({ ...s, color: '#12345' }),
      (s) => ({ ...s, points: encodePoints(new Array(3 * 5000).fill(0.5)) }),
    ];
    const kept = new Set((await storedStrokes(shared)).keys());
    let writer = await tablet('xuyan', shared);
    for (let i = 0; i < 24; i++) {
      const points = Array.from({ length: 3 * (1 + Math.floor(random() * 40)) }, () => random());
      if (random() < 0.5) {
        kept.add(addStroke(writer.doc, { ...PEN, points }, user).id);
        await writer.acked();
        continue;
      }
      const good: InkStroke = {
        id: `fuzz${i}`,
        page: '3',
        tool: 'pen',
        color: '#000000',
        width: 1,
        points: encodePoints(points),
        author: user,
        at: Date.now(),
      };
      const corrupt = corruptions[Math.floor(random() * corruptions.length)]!(good);
      strokesMap(writer.doc).set(good.id, corrupt as unknown as InkStroke);
      expect((await writer.closed).reason).toMatch(/^44\d\d ink_/);
      writer = await tablet('xuyan', shared);
    }
    expect(new Set((await storedStrokes(shared)).keys())).toEqual(kept);
  });
});

describe('awareness', () => {
  it("is stamped with the connection's user, and only presenters may claim to present", async () => {
    const shared = layers.zhangwei!.sharedDocumentId;
    const watcher = await tablet('zhaojing', shared);
    const pretender = await tablet('xuyan', shared);
    const follow = { presenter: true, materialId, page: '2', zoom: 1.25, scrollX: 0, scrollY: 40 };
    pretender.provider.setAwarenessField('user', { id: ids.users.zhangwei, name: '张伟', color: '#1677ff' });
    pretender.provider.setAwarenessField('follow', follow);
    const seen = () =>
      watcher.provider.awareness!.getStates().get(pretender.doc.clientID) as
        { user: { id: string; name: string }; follow: { presenter: boolean; page: string } } | undefined;
    await new Promise<void>((resolve) => {
      const check = () => {
        const state = seen();
        if (state?.follow?.page === '2') {
          watcher.provider.awareness!.off('change', check);
          resolve();
        }
      };
      watcher.provider.awareness!.on('change', check);
      check();
    });
    expect(seen()!.user).toMatchObject({ id: ids.users.xuyan, name: '徐燕' });
    expect(seen()!.follow.presenter).toBe(false);

    const presenter = await tablet('hejun', shared);
    presenter.provider.setAwarenessField('user', { id: ids.users.hejun, name: '何军', color: '#52c41a' });
    presenter.provider.setAwarenessField('follow', { ...follow, page: '5' });
    await new Promise<void>((resolve) => {
      const check = () => {
        const state = watcher.provider.awareness!.getStates().get(presenter.doc.clientID) as
          { follow?: { presenter: boolean; page: string } } | undefined;
        if (state?.follow?.page === '5' && state.follow.presenter) {
          watcher.provider.awareness!.off('change', check);
          resolve();
        }
      };
      watcher.provider.awareness!.on('change', check);
      check();
    });
  });

  it('closes a connection that sends an oversized awareness state', async () => {
    const noisy = await tablet('xuyan', layers.xuyan!.sharedDocumentId);
    noisy.provider.setAwarenessField('junk', 'x'.repeat(10_000));
    expect((await noisy.closed).reason).toMatch(/^4413 awareness_too_large/);
  });
});

describe('private layers', () => {
  it('never send a private stroke to anyone else, on any document', async () => {
    const mine = layers.zhangwei!.privateDocumentId;
    expect(new Set(Object.values(layers).map((l) => l.privateDocumentId)).size).toBe(4);
    // B watches the shared layer and their own private layer while A draws privately and shared.
    const bShared = await tablet('xuyan', layers.xuyan!.sharedDocumentId);
    const bPrivate = await tablet('xuyan', layers.xuyan!.privateDocumentId);
    const aShared = await tablet('zhangwei', layers.zhangwei!.sharedDocumentId);
    const aPrivate = await tablet('zhangwei', mine);
    const secret = addStroke(
      aPrivate.doc,
      { ...PEN, color: '#722ed1', points: [0.61, 0.62, 0.3, 0.64, 0.66, 0.35, 0.7, 0.71, 0.4] },
      ids.users.zhangwei!,
    );
    const visible = addStroke(aShared.doc, PEN, ids.users.zhangwei!);
    await Promise.all([aPrivate.acked(), aShared.acked()]);
    await waitFor(bShared.doc, () => strokesMap(bShared.doc).has(visible.id));
    // The shared stroke arrived after the private one was stored: had it been sent to B, it would be here by now.
    expect(bShared.received(visible.id)).toBe(true);
    for (const b of [bShared, bPrivate]) {
      expect(b.received(secret.id)).toBe(false);
      expect(b.received(secret.points)).toBe(false);
      expect(strokesMap(b.doc).has(secret.id)).toBe(false);
    }
    expect((await storedStrokes(mine)).has(secret.id)).toBe(true);
    expect((await storedStrokes(layers.zhangwei!.sharedDocumentId)).has(secret.id)).toBe(false);
  });

  it('cannot be opened by anyone else, not even the host: no token, no document, no connection', async () => {
    const mine = layers.zhangwei!.privateDocumentId;
    for (const other of ['xuyan', 'zhaojing', 'matao']) {
      expect((await clients[other]!.post(`/api/documents/${mine}/collab-token`)).statusCode).toBe(404);
      expect((await clients[other]!.get(`/api/documents/${mine}`)).statusCode).toBe(404);
    }
    // A valid token for one's own private layer does not open someone else's.
    const { token } = await collabToken(clients.xuyan!, layers.xuyan!.privateDocumentId);
    const { HocuspocusProvider, HocuspocusProviderWebsocket } = await import('@hocuspocus/provider');
    const { default: WebSocket } = await import('ws');
    const socket = new HocuspocusProviderWebsocket({
      url: `${base.replace(/^http/, 'ws')}/collab`,
      WebSocketPolyfill: WebSocket,
      maxAttempts: 1,
    });
    const sneaky = new HocuspocusProvider({
      websocketProvider: socket,
      name: `doc:${mine}`,
      token,
      document: new Y.Doc(),
    });
    const refused = new Promise<string>((resolve) =>
      sneaky.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)),
    );
    sneaky.attach();
    expect(await refused).toBeTruthy();
    expect(strokesMap(sneaky.document).size).toBe(0);
    sneaky.destroy();
    socket.destroy();
  });

  it('is closed to someone without a seat, and annotation documents are not listed as documents', async () => {
    expect(
      (await clients.matao!.get(`/api/meetings/${meetingId}/materials/${materialId}/annotations`)).statusCode,
    ).toBe(404);
    const listed = (await clients.zhaojing!.get('/api/documents?scope=all')).json().items as Array<{ id: string }>;
    expect(listed.map((d) => d.id)).not.toContain(layers.zhaojing!.sharedDocumentId);
    expect(listed.map((d) => d.id)).not.toContain(layers.zhaojing!.privateDocumentId);
  });
});
