// Checks a PDF against the seal register: intact (and sealed by which unit, when), modified, not sealed, or sealed
// with a seal this system does not know. The answer names units, never documents.
import { sm3 } from 'sm-crypto-v2';
import type { Db } from '../../db/client.ts';
import { sealIdsIn, verifySealedPdf, type SealCheck } from '../../security/documentSeal.ts';

export interface SealVerdict {
  status: SealCheck['status'];
  reason: string | null;
  seals: Array<{ sealId: string; unitId: string; unitName: string; sealedAt: string; registered: boolean }>;
}

export async function verifyPdfSeals(db: Db, pdf: Uint8Array): Promise<SealVerdict> {
  const ids = sealIdsIn(pdf);
  const keys = new Map(
    ids.length === 0
      ? []
      : (await db.seal.findMany({ where: { id: { in: ids } }, select: { id: true, publicKey: true } })).map(
          (s) => [s.id, s.publicKey] as const,
        ),
  );
  const check = verifySealedPdf(pdf, (sealId) => keys.get(sealId) ?? null);
  if (check.status === 'unsealed') return { status: 'unsealed', reason: null, seals: [] };
  return {
    status: check.status,
    reason: check.status === 'modified' ? check.reason : null,
    seals: check.seals.map((s) => ({
      sealId: s.sealId,
      unitId: s.unitId,
      unitName: s.unitName,
      sealedAt: s.sealedAt,
      registered: keys.has(s.sealId),
    })),
  };
}

/** A short fingerprint of a public key for people to compare. */
export function keyFingerprint(publicKey: string): string {
  return sm3(publicKey).slice(0, 16);
}

/** The verdict in a sentence or two, Chinese then English, for the command line. */
export function describeSealVerdict(v: SealVerdict): string {
  const seals = v.seals.map((s) => `${s.unitName}（${s.sealedAt}）`).join('、');
  switch (v.status) {
    case 'intact':
      return `印章有效，文件自盖章后未被改动：${seals}\nIntact: unchanged since it was sealed by ${v.seals.map((s) => `${s.unitName} at ${s.sealedAt}`).join(', ')}`;
    case 'modified':
      return `文件在盖章后被改动（${v.reason ?? ''}）\nModified after sealing (${v.reason ?? 'unknown'})`;
    case 'unknown_seal':
      return `文件上的印章未在本系统登记\nSealed with a seal not registered here`;
    case 'unsealed':
      return `文件未加盖电子印章\nNot sealed`;
  }
}
