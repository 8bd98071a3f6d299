// 发文字号 allocation per issuing unit, 代字 and year: the counter moves by one in the same transaction that records the
// number (used, reserved or void) and its audit event, so numbers have no gap and no duplicate, even under concurrency.
// The office reserves numbers for later and voids the ones it will not use; every number stays on record.
import { formatDocumentNumber } from '../../../common/officialDocs/catalogue.ts';
import { shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { authorize } from '../../policies/index.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import { issuingDefaults } from '../../queries/officialDocs/issuingDefaults.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from './refusalAudit.ts';

export interface NumberSeries {
  unitId: string;
  prefix: string;
  year: number;
}

/** The year a number is taken in: the calendar year in China at that instant. */
export const numberingYear = (at: Date): number => Number(shanghaiDateOf(at).slice(0, 4));

/** Takes the next 序号 of the series and records it; inside the caller's transaction. */
export async function takeNextNumber(
  tx: Tx,
  series: NumberSeries,
  use: {
    status: 'used' | 'reserved' | 'void';
    officialDocumentId?: string | null;
    note?: string;
    by: string;
    at: Date;
  },
): Promise<number> {
  const key = { unitId: series.unitId, prefix: series.prefix, year: series.year };
  // One statement moves the counter: concurrent allocations each see their own value.
  const counter = await tx.documentNumberCounter.upsert({
    where: { unitId_prefix_year: key },
    create: { ...key, next: 2, updatedAt: use.at },
    update: { next: { increment: 1 }, updatedAt: use.at },
  });
  const seq = counter.next - 1;
  await tx.documentNumber.create({
    data: {
      ...key,
      seq,
      status: use.status,
      officialDocumentId: use.officialDocumentId ?? null,
      note: use.note ?? '',
      createdById: use.by,
      createdAt: use.at,
      updatedAt: use.at,
    },
  });
  return seq;
}

/** Gives a reserved number to a document; inside the caller's transaction. */
export async function useReservedNumber(
  tx: Tx,
  series: NumberSeries,
  seq: number,
  officialDocumentId: string,
  at: Date,
): Promise<void> {
  const { count } = await tx.documentNumber.updateMany({
    where: { unitId: series.unitId, prefix: series.prefix, year: series.year, seq, status: 'reserved' },
    data: { status: 'used', officialDocumentId, updatedAt: at },
  });
  if (count !== 1) throw officialDocError(409, 'number_not_reserved');
}

async function officeSeries(tx: Tx, subject: Subject, unitId: string, prefix: string | undefined, at: Date) {
  const defaults = await issuingDefaults(tx, unitId);
  authorize(subject, 'officialDoc.manageNumbers', {
    kind: 'issuingUnit',
    unitId,
    officeUnitId: defaults.officeUnitId,
  });
  return { unitId, prefix: prefix ?? defaults.numberPrefix, year: numberingYear(at) };
}

/** The office reserves the next number of this year's series (for a document to come); audited. */
export async function reserveNumber(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  input: { unitId: string; prefix?: string; note?: string },
): Promise<{ seq: number; year: number; prefix: string; text: string }> {
  const audit = { action: 'officialDoc.number.reserve', resourceType: 'document_number', resourceId: input.unitId };
  return auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      const series = await officeSeries(tx, subject, input.unitId, input.prefix, ctx.at);
      const seq = await takeNextNumber(tx, series, {
        status: 'reserved',
        note: input.note ?? '',
        by: subject.id,
        at: ctx.at,
      });
      const text = formatDocumentNumber(series.prefix, series.year, seq);
      await recordAudit(tx, ctx, {
        action: 'officialDoc.number.reserve',
        resourceType: 'document_number',
        resourceId: `${series.unitId}:${text}`,
        detail: { unitId: series.unitId, prefix: series.prefix, year: series.year, seq },
      });
      return { seq, year: series.year, prefix: series.prefix, text };
    }),
  );
}

/** The office voids a reserved number (作废): it stays on record as void and is never handed out again; audited. */
export async function voidNumber(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  input: { unitId: string; prefix?: string; year?: number; seq: number; note: string },
): Promise<void> {
  const audit = { action: 'officialDoc.number.void', resourceType: 'document_number', resourceId: input.unitId };
  await auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      const series = await officeSeries(tx, subject, input.unitId, input.prefix, ctx.at);
      const key = { ...series, year: input.year ?? series.year };
      const number = await tx.documentNumber.findUnique({
        where: { unitId_prefix_year_seq: { ...key, seq: input.seq } },
      });
      if (!number) throw officialDocError(404, 'number_unknown');
      if (number.status !== 'reserved') throw officialDocError(409, 'number_not_voidable');
      await tx.documentNumber.update({
        where: { id: number.id },
        data: { status: 'void', note: input.note, updatedAt: ctx.at },
      });
      await recordAudit(tx, ctx, {
        action: 'officialDoc.number.void',
        resourceType: 'document_number',
        resourceId: `${key.unitId}:${formatDocumentNumber(key.prefix, key.year, input.seq)}`,
        detail: { unitId: key.unitId, prefix: key.prefix, year: key.year, seq: input.seq },
      });
    }),
  );
}
