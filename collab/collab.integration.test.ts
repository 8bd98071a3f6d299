// The collab server with real providers: convergence, the server-enforced share levels, review mode, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../tests/support/testApp.ts';
import { connectCollaborator, paragraph, textOf, waitFor, type Collaborator } from '../tests/support/collabClient.ts';
import { parseCloseReason } from '../client/src/editor/closeReason.ts';

let t: TestApp;
let base: string;
const ids: Record<string, string> = {};
const clients: Record<string, TestClient> = {};
const open: Collaborator[] = [];

beforeAll(async () => {
  t = await createTestApp();
  base = await t.listen();
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['zhangwei', 'hejun', 'matao', 'xuyan', 'zhengkai', 'sunyue'])
    clients[name] = await signedIn(t, name);
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await t.close();
});

async function connect(user: string, docId: string): Promise<Collaborator> {
  const c = await connectCollaborator(base, clients[user]!, docId);
  open.push(c);
  return c;
}

async function newDoc(
  owner: string,
  shares: Array<[string, string]> = [],
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await clients[owner]!.post('/api/documents', {
    kind: 'draft',
    title: '关于做好冬季安全生产工作的通知（草稿）',
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  if (shares.length) {
    const put = await clients[owner]!.put(`/api/documents/${id}/shares`, {
      shares: shares.map(([u, access]) => ({ granteeType: 'user', granteeId: ids[u], access })),
    });
    expect(put.statusCode).toBe(200);
  }
  return id;
}

describe('co-editing', () => {
  it('converges two editors and persists what they wrote', async () => {
    const id = await newDoc('zhangwei', [['hejun', 'edit']]);
    const a = await connect('zhangwei', id);
    const b = await connect('hejun', id);
    a.edit((s) => s.tr.insert(0, paragraph('第一段：甲写的。')));
    await waitFor(b.doc, () => b.text().includes('甲写的'));
    b.edit((s) => s.tr.insert(s.doc.content.size, paragraph('第二段：乙写的。')));
    await waitFor(a.doc, () => a.text().includes('乙写的'));
    await Promise.all([a.acked(), b.acked()]);
    expect(a.text()).toBe(b.text());
    const stored = await t.app.svc.collab.store.load(id);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.state!);
    expect(textOf(reloaded)).toBe(a.text());
  });

  it('keeps a read-only share from writing', async () => {
    const id = await newDoc('zhangwei', [['matao', 'view']]);
    const owner = await connect('zhangwei', id);
    owner.edit((s) => s.tr.insert(0, paragraph('原文。')));
    await owner.acked();
    const viewer = await connect('matao', id);
    await waitFor(viewer.doc, () => viewer.text() === '原文。');
    viewer.edit((s) => s.tr.insertText('篡改', 1));
    owner.edit((s) => s.tr.insertText('！', s.doc.content.size - 2));
    await waitFor(viewer.doc, () => viewer.text().includes('！'));
    expect(owner.text()).toBe('原文！。');
    expect(textOf(await stateOf(id))).toBe('原文！。');
  });
});

async function stateOf(id: string): Promise<Y.Doc> {
  const d = new Y.Doc();
  Y.applyUpdate(d, await t.app.svc.collab.currentState(id));
  return d;
}

describe('comment-only share', () => {
  it('may anchor comments but the server refuses any change to the text', async () => {
    const id = await newDoc('zhangwei', [['xuyan', 'comment']]);
    const owner = await connect('zhangwei', id);
    owner.edit((s) => s.tr.insert(0, paragraph('请各单位认真落实。')));
    await owner.acked();
    const commenter = await connect('xuyan', id);
    await waitFor(commenter.doc, () => commenter.text().length > 0);
    const thread = await clients.xuyan!.post(`/api/documents/${id}/threads`, {
      quote: '认真落实',
      body: '建议明确时限。',
      mentions: [ids.zhangwei],
    });
    expect(thread.statusCode).toBe(201);
    const { threadId } = thread.json();
    commenter.edit((s) => s.tr.addMark(6, 10, s.schema.marks.comment!.create({ threadId })));
    await commenter.acked();
    await waitFor(owner.doc, () => JSON.stringify(owner.doc.getXmlFragment('default').toJSON()).includes(threadId));
    commenter.edit((s) => s.tr.insertText('不必', 1));
    const closed = await commenter.closed;
    expect(closed.reason).toMatch(/^4403 comment_only/);
    // The reason as the browser reads it (it picks the message it shows by the rule).
    expect(parseCloseReason(closed.reason)).toMatchObject({ kind: 'refused', rule: 'comment_only' });
    expect(textOf(await stateOf(id))).toBe('请各单位认真落实。');
    const notes = await t.app.svc.db.notification.findMany({
      where: { userId: ids.zhangwei, kind: 'comment.mention' },
    });
    expect(notes.length).toBe(1);
  });
});

describe('review mode', () => {
  it('lets a reviewer only suggest, and the owner accept one and reject another', async () => {
    const id = await newDoc('zhangwei', [['zhengkai', 'edit']]);
    const owner = await connect('zhangwei', id);
    owner.edit((s) => s.tr.insert(0, paragraph('各部门要加强值班值守。')));
    await owner.acked();
    expect((await clients.zhangwei!.patch(`/api/documents/${id}`, { reviewMode: true })).json().reviewMode).toBe(true);
    const reviewer = await connect('zhengkai', id);
    expect((await clients.zhengkai!.get(`/api/documents/${id}`)).json().access).toBe('suggest');
    await waitFor(reviewer.doc, () => reviewer.text().length > 0);
    reviewer.suggest(ids.zhengkai!, (s) => s.tr.insertText('严格', 7));
    await reviewer.acked();
    reviewer.suggest(ids.zhengkai!, (s) => s.tr.delete(1, 4));
    await reviewer.acked();
    await waitFor(owner.doc, () => owner.text().includes('严格'));
    const suggestions = (await clients.zhangwei!.get(`/api/documents/${id}/suggestions`)).json().items as Array<{
      id: string;
      kinds: string[];
      authorId: string;
      text: string;
    }>;
    expect(suggestions).toHaveLength(2);
    expect(suggestions.every((s) => s.authorId === ids.zhengkai)).toBe(true);

    reviewer.edit((s) => s.tr.insertText('直接改', 1));
    const closed = await reviewer.closed;
    expect(closed.reason).toMatch(/^4403 suggest_only/);
    expect(parseCloseReason(closed.reason)).toEqual({
      kind: 'refused',
      rule: 'suggest_only',
      detail: 'in review mode you can only suggest changes; direct edits are refused',
    });

    const insertion = suggestions.find((s) => s.kinds.includes('insertion'))!;
    const deletion = suggestions.find((s) => s.kinds.includes('deletion'))!;
    expect(
      (
        await clients.zhangwei!.post(`/api/documents/${id}/suggestions/decide`, {
          decision: 'accept',
          ids: [insertion.id],
        })
      ).json().decided,
    ).toBe(1);
    expect(
      (
        await clients.zhangwei!.post(`/api/documents/${id}/suggestions/decide`, {
          decision: 'reject',
          ids: [deletion.id],
        })
      ).json().decided,
    ).toBe(1);
    await waitFor(owner.doc, () => owner.text() === '各部门要加强严格值班值守。');
    expect((await clients.zhangwei!.get(`/api/documents/${id}/suggestions`)).json().items).toHaveLength(0);
    const decided = await t.app.svc.db.auditEvent.findMany({
      where: { resourceId: id, action: { in: ['document.suggestion_accept', 'document.suggestion_reject'] } },
    });
    expect(decided.map((e) => e.action).sort()).toEqual(['document.suggestion_accept', 'document.suggestion_reject']);
    expect(JSON.parse(decided[0]!.detail).suggestions[0].authorId).toBe(ids.zhengkai);
    // The two decisions in a row share the one version taken before the first (see reviewVersions.integration.test.ts).
    const versions = (await clients.zhangwei!.get(`/api/documents/${id}/versions`)).json().items;
    expect(versions.filter((v: { reason: string }) => v.reason === 'review')).toMatchObject([
      { nameKey: 'review_decisions', nameParams: { decisions: 2 } },
    ]);
  });

  it('diffs two versions with each author’s insertions', async () => {
    const id = await newDoc('zhangwei', [['hejun', 'edit']]);
    const a = await connect('zhangwei', id);
    a.edit((s) => s.tr.insert(0, paragraph('甲的段落。')));
    await a.acked();
    const v1 = (await clients.zhangwei!.post(`/api/documents/${id}/versions`, { name: '初稿' })).json().id;
    const b = await connect('hejun', id);
    await waitFor(b.doc, () => b.text().length > 0);
    b.edit((s) => s.tr.insert(s.doc.content.size, paragraph('乙补充的段落。')));
    await b.acked();
    a.edit((s) => s.tr.insertText('（修订）', 1));
    await a.acked();
    const diff = (await clients.zhangwei!.get(`/api/documents/${id}/diff?from=${v1}`)).json();
    const inserted = diff.blocks
      .flatMap((bl: { segments: Array<{ status: string; authorId: string; text: string }> }) => bl.segments)
      .filter((s: { status: string }) => s.status === 'inserted');
    expect(inserted.find((s: { text: string }) => s.text.includes('乙补充')).authorId).toBe(ids.hejun);
    expect(inserted.find((s: { text: string }) => s.text.includes('修订')).authorId).toBe(ids.zhangwei);
    expect(diff.authors[ids.hejun!]).toBe('何军');
  });
});

describe('access', () => {
  it('refuses a user below the classification over HTTP and /collab', async () => {
    const res = await clients.sunyue!.post('/api/documents', {
      kind: 'draft',
      title: '涉密文件',
      classification: 'secret',
    });
    expect(res.statusCode).toBe(403); // sunyue is cleared for 内部 only
    const id = (
      await clients.zhangwei!.post('/api/documents', { kind: 'draft', title: '内部文件', classification: 'internal' })
    ).json().id;
    await clients.zhangwei!.put(`/api/documents/${id}/shares`, {
      shares: [{ granteeType: 'user', granteeId: ids.sunyue, access: 'edit' }],
    });
    await t.app.svc.db.document.update({ where: { id }, data: { classification: 2 } });
    expect((await clients.sunyue!.get(`/api/documents/${id}`)).statusCode).toBe(404);
    expect((await clients.sunyue!.post(`/api/documents/${id}/collab-token`)).statusCode).toBe(404);
    // A token for another document does not open this one.
    const other = await newDoc('sunyue');
    const grant = (await clients.sunyue!.post(`/api/documents/${other}/collab-token`)).json() as {
      token: string;
      serverTime: string;
    };
    const token = grant.token;
    // The token carries the server's time, so editors stamp suggestions by the server's clock (which tests move).
    expect(Math.abs(Date.parse(grant.serverTime) - t.app.svc.clock.now().getTime())).toBeLessThan(5_000);
    const ws = new WebSocket(`${base.replace('http', 'ws')}/collab`);
    await new Promise((r) => ws.once('open', r));
    const { HocuspocusProvider, HocuspocusProviderWebsocket } = await import('@hocuspocus/provider');
    const wsp = new HocuspocusProviderWebsocket({
      url: `${base.replace('http', 'ws')}/collab`,
      WebSocketPolyfill: WebSocket,
      maxAttempts: 1,
    });
    const failed = new Promise<string>((resolve) => {
      const p = new HocuspocusProvider({
        websocketProvider: wsp,
        name: `doc:${id}`,
        token,
        document: new Y.Doc(),
        onAuthenticationFailed: ({ reason }) => resolve(reason),
      });
      p.attach();
    });
    expect(await failed).toMatch(/denied|token|access/i);
    wsp.destroy();
    ws.close();
  });

  it('closes an open connection when its share is withdrawn', async () => {
    const id = await newDoc('zhangwei', [['hejun', 'edit']]);
    const b = await connect('hejun', id);
    await clients.zhangwei!.put(`/api/documents/${id}/shares`, { shares: [] });
    const closed = await b.closed;
    expect(closed.reason).toMatch(/^(4401 unauthorized|4409 access_changed)/);
  });
});

describe('workflow', () => {
  it('submits for review, finalises read-only for everyone with versions, and lets the owner reopen', async () => {
    const id = await newDoc('zhangwei', [['hejun', 'edit']]);
    const editor = await connect('hejun', id);
    editor.edit((s) => s.tr.insert(0, paragraph('送审内容。')));
    await editor.acked();
    const submitted = await clients.zhangwei!.post(`/api/documents/${id}/workflow`, {
      action: 'submit',
      note: '请审核',
    });
    expect(submitted.json().status).toBe('submitted');
    expect((await editor.closed).reason).toMatch(/^4409 access_changed/);
    expect((await clients.hejun!.get(`/api/documents/${id}`)).json()).toMatchObject({
      reviewMode: true,
      access: 'suggest',
    });
    expect((await clients.hejun!.post(`/api/documents/${id}/workflow`, { action: 'finalise' })).statusCode).toBe(403);
    expect((await clients.zhangwei!.post(`/api/documents/${id}/workflow`, { action: 'finalise' })).json().status).toBe(
      'finalised',
    );
    expect((await clients.hejun!.get(`/api/documents/${id}`)).json().access).toBe('view');
    expect((await clients.zhangwei!.get(`/api/documents/${id}`)).json().access).toBe('view');
    const illegal = await clients.zhangwei!.post(`/api/documents/${id}/workflow`, { action: 'submit' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().code).toBe('illegal_transition');
    const reasons = (await clients.zhangwei!.get(`/api/documents/${id}/versions`))
      .json()
      .items.map((v: { reason: string }) => v.reason);
    expect(reasons).toEqual(expect.arrayContaining(['submitted', 'finalised']));
    expect((await clients.zhangwei!.post(`/api/documents/${id}/workflow`, { action: 'reopen' })).json().status).toBe(
      'editing',
    );
    const notices = await t.app.svc.db.notification.findMany({
      where: { userId: ids.hejun, kind: { startsWith: 'document.' } },
    });
    expect(notices.map((n) => n.kind)).toEqual(expect.arrayContaining(['document.submit', 'document.finalise']));
  });
});

describe('sessions', () => {
  it('closes document connections at once when their session signs out everywhere', async () => {
    const id = await newDoc('zhangwei', [['matao', 'edit']]);
    const session = await signedIn(t, 'matao');
    const c = await connectCollaborator(base, session, id);
    open.push(c);
    await session.post('/api/auth/sign-out-everywhere');
    expect((await c.closed).reason).toMatch(/^4401 unauthorized/);
    clients.matao = await signedIn(t, 'matao');
  });
});

describe('bad input', () => {
  it('closes a connection that sends a malformed or foreign update and keeps serving others', async () => {
    const id = await newDoc('zhangwei', [['hejun', 'edit']]);
    const good = await connect('zhangwei', id);
    good.edit((s) => s.tr.insert(0, paragraph('正常内容。')));
    await good.acked();
    const bad = await connect('hejun', id);
    // A root type the document kind does not have.
    bad.doc.getMap('evil').set('x', 1);
    const closed = await bad.closed;
    expect(closed.reason).toMatch(/^4400 malformed_update: root "evil"/);
    good.edit((s) => s.tr.insertText('仍可编辑', 1));
    await good.acked();
    expect(textOf(await stateOf(id))).toBe('仍可编辑正常内容。');
  });

  it('closes a connection that nests elements thousands deep, and every reader of the document keeps answering', async () => {
    const id = await newDoc('zhangwei', [['hejun', 'edit']]);
    const good = await connect('zhangwei', id);
    good.edit((s) => s.tr.insert(0, paragraph('正常内容。')));
    await good.acked();
    const bad = await connect('hejun', id);
    // A valid Yjs update of 4,000 nested blockquotes, one level at a time as an editor would write it.
    bad.doc.transact(() => {
      let at: Y.XmlFragment | Y.XmlElement = bad.doc.getXmlFragment('default');
      for (let i = 0; i < 4000; i++) {
        const next = new Y.XmlElement('blockquote');
        at.insert(0, [next]);
        at = next;
      }
      at.insert(0, [new Y.XmlElement('paragraph')]);
    });
    expect((await bad.closed).reason).toMatch(/^4400 malformed_update: elements nested 4001 deep/);
    expect(textOf(await stateOf(id))).toBe('正常内容。');
    for (const path of ['suggestions', 'versions', 'threads', 'export?format=docx']) {
      expect((await clients.zhangwei!.get(`/api/documents/${id}/${path}`)).statusCode, path).toBe(200);
    }
  });

  it('lets a client replay the server’s own attribution, and closes one that rewrites it', async () => {
    const id = await newDoc('zhangwei', [['hejun', 'edit']]);
    const writer = await connect('zhangwei', id);
    writer.edit((s) => s.tr.insert(0, paragraph('甲的内容。')));
    await writer.acked();
    const authors = () => writer.doc.getMap<string>('clientAuthors');
    const mine = String(writer.doc.clientID);
    await waitFor(writer.doc, () => authors().get(mine) === ids.zhangwei);
    // The entry the server already has, written again (as an offline copy replays it after a restore): accepted.
    authors().set(mine, ids.zhangwei!);
    writer.edit((s) => s.tr.insertText('（续）', s.doc.content.size - 1));
    await writer.acked();
    // Claiming someone else's text is not.
    const other = await connect('hejun', id);
    other.doc.getMap<string>('clientAuthors').set(mine, ids.hejun!);
    const refused = (await other.closed).reason;
    expect(refused).toMatch(/^4400 malformed_update: clientAuthors is server-owned/);
    expect(parseCloseReason(refused)).toMatchObject({
      kind: 'rejected_update',
      detail: expect.stringContaining('clientAuthors is server-owned'),
    });
    const state = await stateOf(id);
    expect(state.getMap('clientAuthors').get(mine)).toBe(ids.zhangwei);
    expect(textOf(state)).toBe('甲的内容。（续）');
  });
});

describe('presence', () => {
  type Presence = { user?: { id?: string; name?: string }; signals?: Record<string, number> };
  /** The awareness state of one client as `watcher` sees it, once `until` holds for it. */
  function presenceOf(watcher: Collaborator, clientId: number, until: (s: Presence | undefined) => boolean) {
    const awareness = watcher.provider.awareness!;
    const read = () => awareness.getStates().get(clientId) as Presence | undefined;
    return new Promise<Presence>((resolve) => {
      const check = () => {
        const state = read();
        if (!until(state)) return;
        awareness.off('change', check);
        resolve(state!);
      };
      awareness.on('change', check);
      check();
    });
  }

  it('shows a read-only connection under its own name, whoever it claims to be', async () => {
    const id = await newDoc('zhangwei', [['hejun', 'view']]);
    const owner = await connect('zhangwei', id);
    const pretender = await connect('hejun', id);
    pretender.provider.setAwarenessField('user', { id: ids.zhangwei, name: '张伟', color: '#1f6fb2' });
    pretender.provider.setAwarenessField('signals', { threads: 1 });
    const seen = await presenceOf(owner, pretender.doc.clientID, (s) => s?.signals?.threads === 1);
    expect(seen.user).toEqual({ id: ids.hejun, name: '何军', color: '#1f6fb2' });
  });

  it('drops a state that speaks for another person’s awareness client, keeping the rest of the message', async () => {
    const id = await newDoc('zhangwei', [
      ['hejun', 'view'],
      ['matao', 'view'],
    ]);
    const victim = await connect('zhangwei', id);
    const watcher = await connect('matao', id);
    victim.provider.setAwarenessField('user', { id: ids.zhangwei, name: '张伟', color: '#c0392b' });
    await presenceOf(watcher, victim.doc.clientID, (s) => s?.user?.id === ids.zhangwei);
    const impostor = await connect('hejun', id);
    // One awareness message carrying the victim's client id (with a newer clock) and the impostor's own.
    const { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const forge = new Awareness(new Y.Doc());
    const at = { clock: 1_000, lastUpdated: Date.now() };
    forge.states.set(victim.doc.clientID, { user: { id: ids.zhangwei, name: '张伟' }, signals: { threads: 99 } });
    forge.meta.set(victim.doc.clientID, at);
    forge.states.set(impostor.doc.clientID, { user: { id: ids.hejun, name: '何军' }, signals: { threads: 7 } });
    forge.meta.set(impostor.doc.clientID, at);
    applyAwarenessUpdate(
      impostor.provider.awareness!,
      encodeAwarenessUpdate(forge, [victim.doc.clientID, impostor.doc.clientID]),
      'forged',
    );
    await presenceOf(watcher, impostor.doc.clientID, (s) => s?.signals?.threads === 7);
    expect(watcher.provider.awareness!.getStates().get(victim.doc.clientID)).toMatchObject({
      user: { id: ids.zhangwei, name: '张伟' },
    });
    expect((watcher.provider.awareness!.getStates().get(victim.doc.clientID) as Presence).signals).toBeUndefined();
    forge.destroy();
  });
});
