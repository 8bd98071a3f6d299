// Checks a file against the seal register. A sealed PDF: intact (and sealed by which unit, when), modified, not sealed,
// or sealed with a seal this system does not know. Any other file (or a PDF with no seal of its own) may be an
// attachment of a sealed 公文: it is intact when a seal whose signature still holds lists its SM3 in the attachments
// it signed — the answer then names the unit, the 发文字号 printed on that 公文 and the attachment's place and name,
// never its title; one changed byte and no seal covers it.
import { sm3 } from 'sm-crypto-v2';
import { formatDocumentNumber } from '../../../common/officialDocs/catalogue.ts';
import type { Db } from '../../db/client.ts';
import { carriesSeal, sealIdsIn, sm3Of, verifySealedPdf, type SealCheck } from '../../security/documentSeal.ts';
import type { FileStore } from '../../storage/fileStore.ts';

export interface SealVerdict {
  status: SealCheck['status'];
  reason: string | null;
  seals: Array<{ sealId: string; unitId: string; unitName: string; sealedAt: string; registered: boolean }>;
  /** For an attachment of a sealed 公文: which one, of which 公文 (by its 发文字号). */
  attachment: { number: number; name: string; documentNumber: string | null } | null;
}

/** Checks a file: a sealed PDF by its own seals, anything else as an attachment a seal covers. */
export async function verifySealedFile(db: Db, files: Pick<FileStore, 'read'>, file: Uint8Array): Promise<SealVerdict> {
  if (carriesSeal(file)) return verifyPdfSeals(db, file);
  return (await verifyAttachment(db, files, file)) ?? { status: 'unsealed', reason: null, seals: [], attachment: null };
}

/**
 * The seal covering a file as an attachment, or null when none does. The candidates are the attachments with the
 * file's SM3; each seal use of their 公文 is checked on the sealed PDF as stored (its signatures, the manifest among
 * what they sign), and the manifest that seal signed must list this SM3.
 */
async function verifyAttachment(db: Db, files: Pick<FileStore, 'read'>, file: Uint8Array): Promise<SealVerdict | null> {
  const digest = sm3Of(file);
  const candidates = await db.officialDocumentAttachment.findMany({
    where: { sm3: digest },
    include: { officialDocument: { select: { numberPrefix: true, numberYear: true, numberSeq: true } } },
  });
  for (const attachment of candidates) {
    const uses = await db.sealUse.findMany({
      where: { officialDocumentId: attachment.officialDocumentId },
      orderBy: { at: 'desc' },
    });
    for (const use of uses) {
      const { check, keys } = await checkPdf(db, await files.read(use.fileKey));
      if (check.status !== 'intact') continue;
      const record = check.seals.find((s) => s.sealId === use.sealId && s.sm3 === use.sm3);
      const listed = record?.attachments?.find((a) => a.sm3 === digest);
      if (!listed) continue;
      const d = attachment.officialDocument;
      const documentNumber =
        d.numberYear !== null && d.numberSeq !== null
          ? formatDocumentNumber(d.numberPrefix, d.numberYear, d.numberSeq)
          : null;
      return present(check, keys, { number: listed.number, name: listed.name, documentNumber });
    }
  }
  return null;
}

/** The seals on a PDF checked against the registered public keys. */
async function checkPdf(db: Db, pdf: Uint8Array): Promise<{ check: SealCheck; keys: Map<string, string> }> {
  const ids = sealIdsIn(pdf);
  const keys = new Map(
    ids.length === 0
      ? []
      : (await db.seal.findMany({ where: { id: { in: ids } }, select: { id: true, publicKey: true } })).map(
          (s) => [s.id, s.publicKey] as const,
        ),
  );
  return { check: verifySealedPdf(pdf, (sealId) => keys.get(sealId) ?? null), keys };
}

function present(check: SealCheck, keys: Map<string, string>, attachment: SealVerdict['attachment']): SealVerdict {
  if (check.status === 'unsealed') return { status: 'unsealed', reason: null, seals: [], attachment: null };
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
    attachment,
  };
}

export async function verifyPdfSeals(db: Db, pdf: Uint8Array): Promise<SealVerdict> {
  const { check, keys } = await checkPdf(db, pdf);
  return present(check, keys, null);
}

/** A short fingerprint of a public key for people to compare. */
export function keyFingerprint(publicKey: string): string {
  return sm3(publicKey).slice(0, 16);
}

/** The verdict in a sentence or two, Chinese then English, for the command line. */
export function describeSealVerdict(v: SealVerdict): string {
  const seals = v.seals.map((s) => `${s.unitName}（${s.sealedAt}）`).join('、');
  switch (v.status) {
    case 'intact': {
      const by = v.seals.map((s) => `${s.unitName} at ${s.sealedAt}`).join(', ');
      const a = v.attachment;
      if (a) {
        const doc = a.documentNumber ?? '';
        return `附件有效，与${doc}公文盖章时的附件${a.number}“${a.name}”一致：${seals}\nIntact: attachment ${a.number} (${a.name}) of ${doc || 'a document'} as sealed by ${by}`;
      }
      return `印章有效，文件自盖章后未被改动：${seals}\nIntact: unchanged since it was sealed by ${by}`;
    }
    case 'modified':
      return `文件在盖章后被改动（${v.reason ?? ''}）\nModified after sealing (${v.reason ?? 'unknown'})`;
    case 'unknown_seal':
      return `文件上的印章未在本系统登记\nSealed with a seal not registered here`;
    case 'unsealed':
      return `文件未加盖电子印章，也不是已用印公文的附件\nNot sealed, nor an attachment of a sealed document`;
  }
}
