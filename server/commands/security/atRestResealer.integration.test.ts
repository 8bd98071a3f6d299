// Key rotation and cipher switches for encryption at rest: the background job re-seals every kind of sealed data
// (TOTP secrets, chat, document versions, collab snapshots and update log, uploaded files) to the current cipher and
// key, everything stays readable, and the old key is retired only once nothing is sealed with it.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import { createVersion } from '../documents/versionCreator.ts';
import { chatAad, presentChatMessage } from '../../presenters/meetingChat.ts';
import { ocrAad, recognisedText } from '../../queries/ocr/ocrResults.ts';
import { open, openBytes, seal, sealedWith } from '../../security/cipher.ts';
import type { Services } from '../../services.ts';
import { createTestApp, signedIn, type TestApp } from '../../../tests/support/testApp.ts';
import { resealAtRest, resealProgressFile } from './atRestResealer.ts';
import { rotateAtRestKey } from './keyRotator.ts';

const START = new Date('2026-03-02T09:00:00+08:00');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function app(config: Record<string, unknown> = {}): Promise<TestApp> {
  const t = await createTestApp({ clockAt: START, config: { resealTickSeconds: 0, ...config } });
  cleanups.push(() => t.close());
  return t;
}

function ctxOf(svc: Services, at: Date, actor: { id: string; name: string } | null = null): RequestContext {
  return { actor, ip: 'test', userAgent: 'test', at, auditKey: svc.keys.audit };
}

interface Seeded {
  docId: string;
  userId: string;
  chatId: string;
  files: Array<{ sha256: string; data: Buffer }>;
}

/** One of each kind of sealed data, some sealed the way Tongban sealed before key versions (v1, master key). */
async function givenSealedData(t: TestApp, label: string, username = 'zhangwei'): Promise<Seeded> {
  const svc = t.app.svc;
  const staff = await signedIn(t, username);
  const created = await staff.post('/api/documents', { kind: 'draft', title: `密钥轮换${label}` });
  expect(created.statusCode).toBe(201);
  const docId = (created.json() as { id: string }).id;
  const user = await svc.db.user.findUniqueOrThrow({ where: { username } });
  const text = (words: string) => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, words);
    return Y.encodeStateAsUpdate(doc);
  };
  await svc.collab.store.append(docId, text(`第一段${label}`), user.id);
  await svc.collab.store.append(docId, text(`第二段${label}`), user.id);
  await svc.collab.store.compact(docId);
  await createVersion(svc, ctxOf(svc, t.clock.now(), { id: user.id, name: user.displayName }), docId, '初稿', 'manual');
  await svc.collab.store.append(docId, text(`第三段${label}`), user.id);
  await svc.db.user.update({
    where: { id: user.id },
    data: {
      totpSecretEnc: seal(svc.keys.master, `SECRET${label}`, `totp:${user.id}`),
      totpPendingEnc: seal(svc.keys.atRest, `PENDING${label}`, `totp:${user.id}`),
    },
  });
  const chatId = crypto.randomUUID();
  const meetingId = crypto.randomUUID();
  await svc.db.meetingChatMessage.create({
    data: {
      id: chatId,
      meetingId,
      fromUserId: user.id,
      fromName: user.displayName,
      audience: 'all',
      textSealed: seal(svc.keys.master, `大家好${label}`, chatAad(chatId, meetingId)),
      createdAt: t.clock.now(),
    },
  });
  const files = [];
  for (const n of [1, 2, 3]) {
    const data = Buffer.from(`%PDF-1.7 材料 ${label} ${n}`);
    const { sha256 } = await svc.files.put(Readable.from([data]), {
      maxBytes: 1_000_000,
      headBytes: 0,
      inspect: () => undefined,
    });
    files.push({ sha256, data });
  }
  // The text OCR recognised in the first file, sealed the old way.
  await svc.db.ocrJob.create({
    data: {
      sha256: files[0]!.sha256,
      kind: 'pdf',
      state: 'done',
      pagesDone: 1,
      pagesTotal: 1,
      pagesSealed: seal(svc.keys.master, JSON.stringify([`识别文字${label}`]), ocrAad(files[0]!.sha256)),
      queuedAt: t.clock.now(),
    },
  });
  return { docId, userId: user.id, chatId, files };
}

/** Everything seeded, opened through the product's own read paths. */
async function readBack(svc: Services, s: Seeded) {
  const user = await svc.db.user.findUniqueOrThrow({ where: { id: s.userId } });
  const chat = await svc.db.meetingChatMessage.findUniqueOrThrow({ where: { id: s.chatId } });
  const versions = await svc.db.documentVersion.findMany({ where: { documentId: s.docId } });
  const loaded = await svc.collab.store.load(s.docId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded.state!);
  const versionDoc = new Y.Doc();
  Y.applyUpdate(versionDoc, openBytes(svc.keys.atRest, versions[0]!.state, `version:${s.docId}`));
  return {
    totp: open(svc.keys.atRest, user.totpSecretEnc!, `totp:${user.id}`).toString(),
    pending: open(svc.keys.atRest, user.totpPendingEnc!, `totp:${user.id}`).toString(),
    chat: presentChatMessage(svc.keys.atRest, chat).text,
    document: doc.getText('t').toString(),
    version: versionDoc.getText('t').toString(),
    files: await Promise.all(s.files.map(async (f) => (await svc.files.read(f.sha256)).equals(f.data))),
    ocr: (await recognisedText(svc.db, svc.keys.atRest, s.files[0]!.sha256))?.text,
  };
}

/** "cipher:key version" of every sealed value and file there is. */
async function sealedInventory(svc: Services): Promise<Set<string>> {
  const found = new Set<string>();
  const add = (w: { cipher: string; keyId: number }) => found.add(`${w.cipher}:${w.keyId}`);
  for (const u of await svc.db.user.findMany({ select: { totpSecretEnc: true, totpPendingEnc: true } }))
    for (const v of [u.totpSecretEnc, u.totpPendingEnc]) if (v) add(sealedWith(v));
  for (const m of await svc.db.meetingChatMessage.findMany()) add(sealedWith(m.textSealed));
  for (const v of await svc.db.documentVersion.findMany()) add(sealedWith(v.state));
  for (const o of await svc.db.ocrJob.findMany()) if (o.pagesSealed) add(sealedWith(o.pagesSealed));
  const rows = await svc.db.$queryRawUnsafe<Array<{ b: Uint8Array }>>(
    'SELECT "data" AS b FROM "DocumentUpdate" UNION ALL SELECT "state" AS b FROM "DocumentSnapshot"',
  );
  for (const r of rows) add(sealedWith(r.b));
  for (const sha of await svc.files.list(null, 10_000)) add(await svc.files.sealedWith(sha));
  return found;
}

async function auditActions(svc: Services): Promise<string[]> {
  const events = await svc.db.auditEvent.findMany({
    where: { action: { startsWith: 'key.' } },
    orderBy: { seq: 'asc' },
  });
  return events.map((e) => e.action);
}

describe('key rotation for encryption at rest', () => {
  it('re-seals every kind of sealed data to the new key in the background, then retires the old key', async () => {
    const t = await app();
    const svc = t.app.svc;
    const seeded = await givenSealedData(t, 'A');
    const before = await readBack(svc, seeded);
    expect(before.ocr).toBe('识别文字A');
    expect(await sealedInventory(svc)).toEqual(new Set(['aes-256-gcm:0']));

    const rotated = await rotateAtRestKey(svc, ctxOf(svc, t.clock.now(), { id: 'cli', name: 'cli:ops' }));
    expect(rotated).toEqual({ id: 1, previous: 0 });
    // Sealed from now on with the new version, before the job has run.
    const later = await givenSealedData(t, 'B', 'zhengkai');
    expect((await sealedInventory(svc)).has('aes-256-gcm:1')).toBe(true);

    const first = await t.app.jobs.atRestReseal.tick();
    expect(first?.progress.finishedAt).not.toBeNull();
    expect(first?.retired).toEqual([]);
    const kinds = first!.progress.kinds;
    for (const kind of ['secrets', 'chat', 'versions', 'snapshots', 'updates', 'files', 'ocr'] as const)
      expect(kinds[kind].resealed, kind).toBeGreaterThan(0);
    expect(await sealedInventory(svc)).toEqual(new Set(['aes-256-gcm:1']));
    expect(await readBack(svc, seeded)).toEqual(before);
    // Within the grace after the rotation another process may still seal with version 0: it is kept.
    expect(svc.keys.atRest.versions().map((v) => v.state)).toEqual(['retiring', 'active']);

    t.clock.advance(61_000);
    const second = await t.app.jobs.atRestReseal.tick();
    expect(second?.retired).toEqual([0]);
    expect(svc.keys.atRest.versions().map((v) => v.state)).toEqual(['retired', 'active']);
    expect(await readBack(svc, seeded)).toEqual(before);
    expect((await readBack(svc, later)).files).toEqual([true, true, true]);
    // Version 0 no longer opens anything at rest.
    expect(() => open(svc.keys.atRest, seal(svc.keys.master, 'x'))).toThrow(/retired/);
    expect(await auditActions(svc)).toEqual([
      'key.rotate',
      'key.reseal_completed',
      'key.reseal_completed',
      'key.retire',
    ]);
    // Nothing more to do.
    expect((await t.app.jobs.atRestReseal.tick())?.retired).toEqual([]);
  });

  it('goes on where it stopped: a pass cut short resumes from its kept progress', async () => {
    const t = await app();
    const svc = t.app.svc;
    const seeded = await givenSealedData(t, 'C');
    await rotateAtRestKey(svc, ctxOf(svc, t.clock.now()));
    let batches = 0;
    const cut = await resealAtRest(svc, ctxOf(svc, t.clock.now()), { batch: 1, stopping: () => batches++ >= 4 });
    expect(cut.progress.finishedAt).toBeNull();
    const kept = resealProgressFile(svc).load()!;
    expect(kept.kinds.secrets.done).toBe(true);
    expect(kept.kinds.files.done).toBe(false);
    const resealedSoFar = Object.values(kept.kinds).reduce((n, k) => n + k.resealed, 0);
    expect(resealedSoFar).toBeGreaterThan(0);

    const rest = await resealAtRest(svc, ctxOf(svc, t.clock.now()), { batch: 1 });
    expect(rest.progress.finishedAt).not.toBeNull();
    expect(rest.progress.kinds.secrets.resealed).toBe(kept.kinds.secrets.resealed);
    expect(await sealedInventory(svc)).toEqual(new Set(['aes-256-gcm:1']));
    expect((await readBack(svc, seeded)).files).toEqual([true, true, true]);
  });
});

describe('switching TONGBAN_CIPHER from AES-256-GCM to SM4', () => {
  it('after a restart with sm4, new values are SM4 at once and the job moves the old ones; SM3 content hashes', async () => {
    const t = await app();
    const seeded = await givenSealedData(t, 'D');
    const before = await readBack(t.app.svc, seeded);
    await t.app.close();
    // The same data directory and keys, started again with the 国密 settings.
    const restarted: FastifyInstance = await buildApp({
      config: {
        dataDir: t.dataDir,
        databaseUrl: t.databaseUrl,
        publicUrl: 'http://localhost:3000',
        resealTickSeconds: 0,
        cipher: 'sm4',
        hash: 'sm3',
      },
      clock: t.clock,
      serveClient: false,
      logger: false,
    });
    await restarted.ready();
    cleanups.push(async () => {
      await restarted.close();
      fs.rmSync(t.dataDir, { recursive: true, force: true });
    });
    const svc = restarted.svc;
    expect(await readBack(svc, seeded)).toEqual(before);
    const user = await svc.db.user.findUniqueOrThrow({ where: { username: 'zhangwei' } });
    const version = await createVersion(
      svc,
      ctxOf(svc, t.clock.now(), { id: user.id, name: 'x' }),
      seeded.docId,
      '二稿',
      'manual',
    );
    expect(version.contentHash).toMatch(/^sm3:[0-9a-f]{64}$/);
    expect(await sealedInventory(svc)).toEqual(new Set(['aes-256-gcm:0', 'sm4:0']));

    const run = await restarted.jobs.atRestReseal.tick();
    expect(run?.progress.finishedAt).not.toBeNull();
    // No key was rotated: version 0 stays, now used with SM4.
    expect(run?.retired).toEqual([]);
    expect(await sealedInventory(svc)).toEqual(new Set(['sm4:0']));
    expect(await readBack(svc, seeded)).toEqual(before);
    const versions = await svc.db.documentVersion.findMany({
      where: { documentId: seeded.docId },
      orderBy: { createdAt: 'asc' },
    });
    // The older content hash (SHA-256, untagged) is kept as it was: still verifiable by its own algorithm.
    expect(versions.map((v) => v.contentHash.startsWith('sm3:'))).toEqual([false, true]);
  });
});
