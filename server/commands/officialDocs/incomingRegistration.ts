// 收文登记: a unit's clerk registers a document that came in (from paper, or a PDF from outside), or it registers itself
// when the unit signs for a 分发 on this system. Either way it becomes a 公文 of direction incoming in the receiving unit
// — its record, its 正文's Document, an empty route waiting for 拟办 — with the incoming facts beside it (来文单位, 文号,
// 份数, 办理时限) and the next 收文编号 of the unit's year.
import {
  formatDocumentNumber,
  formatIncomingNumber,
  URGENCY_KEYS,
  type IncomingOrigin,
  type OfficialDocumentKind,
  type Urgency,
} from '../../../common/officialDocs/catalogue.ts';
import { isValidIsoDate, shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { newRoute } from '../../domain/officialDocs/vocabulary.ts';
import { authorize, can, classificationResource } from '../../policies/index.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import { issuingDefaults } from '../../queries/officialDocs/issuingDefaults.ts';
import type { Services } from '../../services.ts';
import { takeIncomingNumber } from './incomingNumbering.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { recordTrail } from './trail.ts';

/** What the clerk types from the document in hand. */
export interface IncomingFacts {
  title: string;
  kind: OfficialDocumentKind;
  classification: number;
  /** 保密期限 as printed, e.g. 10年. */
  secrecyPeriod?: string;
  urgency: Urgency;
  /** 来文单位 and its 文号 (发文字号). */
  sourceUnit: string;
  sourceNumber?: string;
  /** 份数. */
  copies: number;
  /** 办理时限, YYYY-MM-DD; null or absent: none. */
  dueDate?: string | null;
}

export interface Registered {
  officialDocumentId: string;
  documentId: string;
  number: string;
}

const MAX_COPIES = 999;

/** Refuses what the clerk typed wrong, in both languages; the caller audits the refusal. */
function checkFacts(facts: IncomingFacts, at: Date): void {
  if (!facts.title.trim() || !facts.sourceUnit.trim()) throw officialDocError(400, 'incoming_field_required');
  if (!Number.isInteger(facts.copies) || facts.copies < 1 || facts.copies > MAX_COPIES)
    throw officialDocError(400, 'incoming_copies');
  const due = facts.dueDate ?? null;
  if (due !== null && (!isValidIsoDate(due) || due < shanghaiDateOf(at)))
    throw officialDocError(400, 'incoming_due_date');
}

/** Writes the 收文 in the receiving unit, inside the caller's transaction. */
async function createIncoming(
  tx: Tx,
  facts: IncomingFacts,
  by: { userId: string; unitId: string; origin: IncomingOrigin; distributionId: string | null; at: Date },
): Promise<Registered> {
  const defaults = await issuingDefaults(tx, by.unitId);
  const { year, seq } = await takeIncomingNumber(tx, by.unitId, by.at);
  const title = facts.title.trim();
  const sourceUnit = facts.sourceUnit.trim();
  const document = await tx.document.create({
    data: {
      kind: 'draft',
      title,
      unitId: by.unitId,
      ownerId: by.userId,
      classification: facts.classification,
      contextType: 'official_document',
      createdAt: by.at,
      updatedAt: by.at,
    },
  });
  const doc = await tx.officialDocument.create({
    data: {
      documentId: document.id,
      direction: 'incoming',
      kind: facts.kind,
      unitId: by.unitId,
      // The receiving unit's office keeps its incoming mail as it keeps its outgoing.
      officeUnitId: defaults.officeUnitId,
      drafterId: by.userId,
      secrecyPeriod: facts.secrecyPeriod?.trim() ?? '',
      urgency: facts.urgency,
      // The 版头 and 署名 are the sender's: a 收文 is filed under where it came from.
      issuerMark: sourceUnit,
      numberPrefix: '',
      issuerSignature: sourceUnit,
      printingUnit: sourceUnit,
      route: JSON.stringify(newRoute(by.userId, 'incoming')),
      createdAt: by.at,
      updatedAt: by.at,
    },
  });
  await tx.document.update({ where: { id: document.id }, data: { contextId: doc.id } });
  await tx.incomingDocument.create({
    data: {
      officialDocumentId: doc.id,
      unitId: by.unitId,
      year,
      seq,
      origin: by.origin,
      distributionId: by.distributionId,
      sourceUnit,
      sourceNumber: facts.sourceNumber?.trim() ?? '',
      copies: facts.copies,
      dueDate: facts.dueDate ?? null,
      registeredById: by.userId,
      registeredAt: by.at,
    },
  });
  const number = formatIncomingNumber(year, seq);
  await recordTrail(tx, {
    officialDocumentId: doc.id,
    kind: 'created',
    userId: by.userId,
    detail: {
      incoming: number,
      origin: by.origin,
      ...(by.distributionId ? { distributionId: by.distributionId } : {}),
    },
    at: by.at,
  });
  return { officialDocumentId: doc.id, documentId: document.id, number };
}

/** The clerk registers a 收文 from paper or from a PDF from outside (the scan is uploaded next); audited either way. */
export async function registerIncoming(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  input: IncomingFacts & { origin: Exclude<IncomingOrigin, 'distribution'> },
): Promise<Registered> {
  const audit = { action: 'officialDoc.registerIncoming', resourceType: 'official_document', resourceId: null };
  return auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      if (!can(subject, 'officialDoc.registerIncoming')) throw officialDocError(403, 'register_forbidden');
      authorize(subject, 'classification.assign', classificationResource(input.classification));
      checkFacts(input, ctx.at);
      const registered = await createIncoming(tx, input, {
        userId: subject.id,
        unitId: subject.unitId,
        origin: input.origin,
        distributionId: null,
        at: ctx.at,
      });
      await recordAudit(tx, ctx, {
        action: 'officialDoc.registerIncoming',
        resourceType: 'official_document',
        resourceId: registered.officialDocumentId,
        detail: {
          documentId: registered.documentId,
          number: registered.number,
          origin: input.origin,
          kind: input.kind,
          classification: input.classification,
        },
      });
      return registered;
    }),
  );
}

/**
 * The recipient unit signed for a 分发 (helper of the sign-for command, inside its transaction, which writes its audit
 * event): the sealed 公文 becomes the unit's 收文 with the sender's title, 文种, 密级, 紧急程度 and 发文字号, registered
 * by whoever signed for it, and the distribution row links to it.
 */
export async function registerIncomingFromDistribution(
  tx: Tx,
  input: { distributionId: string; by: string; at: Date },
): Promise<{ officialDocumentId: string }> {
  const distribution = await tx.officialDocumentDistribution.findUnique({
    where: { id: input.distributionId },
    include: { officialDocument: { include: { document: { select: { title: true, classification: true } } } } },
  });
  if (!distribution) throw officialDocError(404, 'distribution_unknown');
  if (distribution.incomingDocumentId) throw officialDocError(409, 'distribution_registered');
  const sent = distribution.officialDocument;
  const numbered = sent.numberYear !== null && sent.numberSeq !== null;
  const registered = await createIncoming(
    tx,
    {
      title: sent.document.title,
      kind: sent.kind as OfficialDocumentKind,
      classification: sent.document.classification,
      secrecyPeriod: sent.secrecyPeriod,
      urgency: URGENCY_KEYS.includes(sent.urgency as Urgency) ? (sent.urgency as Urgency) : 'none',
      sourceUnit: sent.issuerSignature,
      sourceNumber: numbered ? formatDocumentNumber(sent.numberPrefix, sent.numberYear!, sent.numberSeq!) : '',
      copies: 1,
      dueDate: null,
    },
    {
      userId: input.by,
      unitId: distribution.unitId,
      origin: 'distribution',
      distributionId: distribution.id,
      at: input.at,
    },
  );
  // Only over the row as read: two sign-fors at once cannot both register it.
  const { count } = await tx.officialDocumentDistribution.updateMany({
    where: { id: distribution.id, incomingDocumentId: null },
    data: { incomingDocumentId: registered.officialDocumentId, updatedAt: input.at },
  });
  if (count !== 1) throw officialDocError(409, 'distribution_registered');
  return { officialDocumentId: registered.officialDocumentId };
}
