// The pure rules of 归档: when a 发文 counts as done (every recipient finished), the default 保管期限 of each 文种, how a
// 档号 reads, the last day a package is kept, and whether it is past its period.
import { RETENTIONS, type ArchiveObjectType, type Retention } from '../../../common/archive/archive.ts';

/** Default 保管期限 per 文种 (the archivist may change it before sealing): rules and decisions for ever, routine 10 years. */
const KIND_RETENTION: Readonly<Record<string, Retention>> = {
  resolution: 'permanent',
  decision: 'permanent',
  order: 'permanent',
  communique: 'permanent',
  announcement: '30y',
  public_notice: '30y',
  opinion: '30y',
  request: '30y',
  reply: '30y',
  report: '30y',
  motion: 'permanent',
  minutes: '30y',
  notice: '10y',
  bulletin: '10y',
  letter: '10y',
};

export function defaultRetention(objectType: ArchiveObjectType, kind: string): Retention {
  if (objectType === 'minutes') return '30y';
  if (objectType === 'supervision_task') return '10y';
  return KIND_RETENTION[kind] ?? '10y';
}

/** A distribution row as far as completion is concerned. */
export interface DistributionState {
  id: string;
  status: string;
  reissueOfId: string | null;
}

/**
 * A distributed 发文 is done when every recipient is: each row not replaced by a reissue is 办结 (finished) or was
 * recalled by the sender, and at least one was finished. A refused row waits for the office to reissue it, so it is not.
 */
export function everyRecipientDone(rows: readonly DistributionState[]): boolean {
  const replaced = new Set(rows.map((r) => r.reissueOfId).filter((id): id is string => id !== null));
  const current = rows.filter((r) => !replaced.has(r.id));
  return (
    current.some((r) => r.status === 'finished') &&
    current.every((r) => r.status === 'finished' || r.status === 'recalled')
  );
}

/** 机构代码: the unit's own, else 8 characters of its id (stable, and unique enough among a deployment's units). */
export function unitArchiveCode(unit: { id: string; archiveCode: string | null }): string {
  return unit.archiveCode?.trim() || unit.id.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** 档号: 机构代码-年度-保管期限-件号, e.g. ZF01-2026-D10-0007. */
export function formatArchiveNumber(code: string, year: number, retention: Retention, seq: number): string {
  return `${code}-${year}-${RETENTIONS[retention].code}-${String(seq).padStart(4, '0')}`;
}

/**
 * The last day kept, YYYY-MM-DD, or null for 永久: the period counts from 1 January of the year after the 年度
 * (DA/T 22), so a 2026 package kept 10 years is kept through 31 December 2036.
 */
export function keepUntil(year: number, retention: Retention): string | null {
  const years = RETENTIONS[retention].years;
  return years === null ? null : `${year + years}-12-31`;
}

/** Past its period on `today` (YYYY-MM-DD, China): the day after its last day kept. */
export function pastRetention(keepUntilDay: string | null, today: string): boolean {
  return keepUntilDay !== null && today > keepUntilDay;
}
