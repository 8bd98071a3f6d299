// Re-seals existing data at rest with the current cipher and key version after a key rotation or a change of
// TONGBAN_CIPHER, in batches: TOTP secrets, meeting chat, document versions, the collab snapshots and update log, the
// uploaded files and the text OCR recognised in them. Progress is kept after every batch (security/resealProgress.ts), so a pass survives a restart.
// Old key versions are retired only after a whole pass that began a grace period after the rotation (every process
// has by then re-read the keyring and seals with the new key) found nothing left to re-seal.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { chatAad } from '../../presenters/meetingChat.ts';
import { ocrAad } from '../../queries/ocr/ocrResults.ts';
import { isSealedWithCurrent, open, openBytes, seal, sealBytes } from '../../security/cipher.ts';
import {
  freshProgress,
  ResealProgressFile,
  sameTarget,
  SEALED_KINDS,
  type ResealProgress,
  type ResealTarget,
  type SealedKind,
} from '../../security/resealProgress.ts';
import type { Services } from '../../services.ts';

/** Rows or files looked at per batch. */
export const RESEAL_BATCH = 100;

/** How long after a rotation the retiring pass may begin: every process re-reads the keyring well within it. */
export const RETIRE_GRACE_MS = 60_000;

export interface ResealOptions {
  batch?: number;
  graceMs?: number;
  /** Asked between batches; true stops the pass where it is (it goes on from there next time). */
  stopping?: () => boolean;
}

export interface ResealOutcome {
  progress: ResealProgress;
  /** Key versions retired by this run. */
  retired: number[];
}

export function resealProgressFile(svc: Services): ResealProgressFile {
  return new ResealProgressFile(svc.config.keyDir);
}

/** Where the keyring wants everything sealed now. */
export function currentTarget(svc: Services): ResealTarget {
  const { id, cipher } = svc.keys.atRest.current();
  return { cipher, keyId: id };
}

/** Before any pass ran, everything was sealed as Tongban always sealed it: AES-256-GCM under the master key. */
const ORIGINAL: ResealTarget = { cipher: 'aes-256-gcm', keyId: 0 };

/**
 * One run of the job: finishes (or starts) the pass towards the current target, and retires the old key versions when
 * that is safe. Idempotent; safe to call at any time.
 */
export async function resealAtRest(
  svc: Services,
  ctx: RequestContext,
  options: ResealOptions = {},
): Promise<ResealOutcome> {
  const keyring = svc.keys.atRest;
  keyring.refresh();
  const store = resealProgressFile(svc);
  const target = currentTarget(svc);
  const graceMs = options.graceMs ?? RETIRE_GRACE_MS;
  let progress = store.load();
  if (progress === null && sameTarget(target, ORIGINAL) && keyring.retiringIds().length === 0)
    return { progress: finishedAtStart(target), retired: [] };
  if (progress === null || !sameTarget(progress.target, target)) {
    progress = freshProgress(target, ctx.at);
    store.save(progress);
  }
  const retiring = keyring.retiringIds();
  const since = keyring.currentSince();
  const graceOver = (at: Date) => since === null || at.getTime() - since.getTime() >= graceMs;
  // A finished pass that could not retire anything yet: once the grace is over, a new one checks nothing is left.
  if (
    progress.finishedAt !== null &&
    retiring.length > 0 &&
    !qualifiesToRetire(progress, graceOver) &&
    graceOver(ctx.at)
  ) {
    progress = freshProgress(target, ctx.at);
    store.save(progress);
  }
  if (progress.finishedAt === null) {
    const finished = await runPass(svc, progress, options, () => store.save(progress!));
    if (!finished) return { progress, retired: [] };
    progress.finishedAt = svc.clock.now().toISOString();
    store.save(progress);
    const totals = totalsOf(progress);
    await inTransaction(svc, (tx) =>
      recordAudit(tx, ctx, {
        action: 'key.reseal_completed',
        resourceType: 'key',
        resourceId: `at-rest:${target.keyId}`,
        detail: { keyVersion: target.keyId, cipher: target.cipher, ...totals },
      }),
    );
  }
  if (retiring.length === 0 || !qualifiesToRetire(progress, graceOver)) return { progress, retired: [] };
  const retired = keyring.retire(retiring, ctx.at);
  if (retired.length > 0)
    await inTransaction(svc, (tx) =>
      recordAudit(tx, ctx, {
        action: 'key.retire',
        resourceType: 'key',
        resourceId: `at-rest:${retired.join(',')}`,
        detail: { retired, current: target.keyId },
      }),
    );
  return { progress, retired };
}

function finishedAtStart(target: ResealTarget): ResealProgress {
  const progress = freshProgress(target, new Date(0));
  for (const kind of SEALED_KINDS) progress.kinds[kind].done = true;
  progress.finishedAt = progress.startedAt;
  return progress;
}

/** A finished pass that began after the grace and found nothing sealed otherwise: no value uses the old keys. */
function qualifiesToRetire(progress: ResealProgress, graceOver: (at: Date) => boolean): boolean {
  return progress.finishedAt !== null && graceOver(new Date(progress.startedAt)) && totalsOf(progress).resealed === 0;
}

function totalsOf(progress: ResealProgress): { scanned: number; resealed: number } {
  const all = Object.values(progress.kinds);
  return { scanned: all.reduce((n, k) => n + k.scanned, 0), resealed: all.reduce((n, k) => n + k.resealed, 0) };
}

/** Walks every kind in batches until all are done (true) or the caller asks to stop (false). */
async function runPass(
  svc: Services,
  progress: ResealProgress,
  options: ResealOptions,
  save: () => void,
): Promise<boolean> {
  const limit = options.batch ?? RESEAL_BATCH;
  for (const kind of SEALED_KINDS) {
    const state = progress.kinds[kind];
    while (!state.done) {
      if (options.stopping?.()) return false;
      const step = await BATCHES[kind](svc, state.after, limit);
      state.scanned += step.scanned;
      state.resealed += step.resealed;
      if (step.last !== null) state.after = step.last;
      state.done = step.scanned < limit;
      save();
      await nextTurn();
    }
  }
  return true;
}

interface Batch {
  scanned: number;
  resealed: number;
  last: string | null;
}

type BatchStep = (svc: Services, after: string | null, limit: number) => Promise<Batch>;

const BATCHES: Record<SealedKind, BatchStep> = {
  secrets: resealSecrets,
  chat: resealChat,
  versions: resealVersions,
  async snapshots(svc, after, limit) {
    return svc.collab.store.resealSnapshots(after ?? '', limit);
  },
  async updates(svc, after, limit) {
    const step = await svc.collab.store.resealUpdates(Number(after ?? 0), limit);
    return { ...step, last: step.last === null ? null : String(step.last) };
  },
  async files(svc, after, limit) {
    const addresses = await svc.files.list(after, limit);
    let resealed = 0;
    for (const sha256 of addresses) if (await svc.files.reseal(sha256)) resealed++;
    return { scanned: addresses.length, resealed, last: addresses.at(-1) ?? null };
  },
  ocr: resealOcr,
};

function resealText(svc: Services, sealed: string, aad: string): string {
  return seal(svc.keys.atRest, open(svc.keys.atRest, sealed, aad), aad);
}

/** TOTP secrets (enrolled and pending); a row changed meanwhile (re-enrolled) keeps its newer value. */
async function resealSecrets(svc: Services, after: string | null, limit: number): Promise<Batch> {
  const keys = svc.keys.atRest;
  const users = await svc.db.user.findMany({
    where: {
      ...(after ? { id: { gt: after } } : {}),
      OR: [{ totpSecretEnc: { not: null } }, { totpPendingEnc: { not: null } }],
    },
    select: { id: true, totpSecretEnc: true, totpPendingEnc: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  let resealed = 0;
  for (const u of users) {
    const aad = `totp:${u.id}`;
    for (const field of ['totpSecretEnc', 'totpPendingEnc'] as const) {
      const old = u[field];
      if (old === null || isSealedWithCurrent(keys, old)) continue;
      const { count } = await svc.db.user.updateMany({
        where: { id: u.id, [field]: old },
        data: { [field]: resealText(svc, old, aad) },
      });
      resealed += count;
    }
  }
  return { scanned: users.length, resealed, last: users.at(-1)?.id ?? null };
}

async function resealChat(svc: Services, after: string | null, limit: number): Promise<Batch> {
  const rows = await svc.db.meetingChatMessage.findMany({
    where: after ? { id: { gt: after } } : {},
    select: { id: true, meetingId: true, textSealed: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  let resealed = 0;
  for (const r of rows) {
    if (isSealedWithCurrent(svc.keys.atRest, r.textSealed)) continue;
    const aad = chatAad(r.id, r.meetingId);
    const { count } = await svc.db.meetingChatMessage.updateMany({
      where: { id: r.id, textSealed: r.textSealed },
      data: { textSealed: resealText(svc, r.textSealed, aad) },
    });
    resealed += count;
  }
  return { scanned: rows.length, resealed, last: rows.at(-1)?.id ?? null };
}

/** OCR pages; a row the job changed meanwhile (a page added) keeps its newer value, sealed with the current key. */
async function resealOcr(svc: Services, after: string | null, limit: number): Promise<Batch> {
  const rows = await svc.db.ocrJob.findMany({
    where: { ...(after ? { sha256: { gt: after } } : {}), pagesSealed: { not: null } },
    select: { sha256: true, pagesSealed: true },
    orderBy: { sha256: 'asc' },
    take: limit,
  });
  let resealed = 0;
  for (const r of rows) {
    if (r.pagesSealed === null || isSealedWithCurrent(svc.keys.atRest, r.pagesSealed)) continue;
    const { count } = await svc.db.ocrJob.updateMany({
      where: { sha256: r.sha256, pagesSealed: r.pagesSealed },
      data: { pagesSealed: resealText(svc, r.pagesSealed, ocrAad(r.sha256)) },
    });
    resealed += count;
  }
  return { scanned: rows.length, resealed, last: rows.at(-1)?.sha256 ?? null };
}

/** Versions never change once written; a deleted one is simply gone. */
async function resealVersions(svc: Services, after: string | null, limit: number): Promise<Batch> {
  const keys = svc.keys.atRest;
  const rows = await svc.db.documentVersion.findMany({
    where: after ? { id: { gt: after } } : {},
    select: { id: true, documentId: true, state: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  let resealed = 0;
  for (const r of rows) {
    if (isSealedWithCurrent(keys, r.state)) continue;
    const aad = `version:${r.documentId}`;
    const state = sealBytes(keys, openBytes(keys, r.state, aad), aad);
    const { count } = await svc.db.documentVersion.updateMany({ where: { id: r.id }, data: { state } });
    resealed += count;
  }
  return { scanned: rows.length, resealed, last: rows.at(-1)?.id ?? null };
}
