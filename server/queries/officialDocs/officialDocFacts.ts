// A 公文 with what the policies and the route engine need (its route, its 正文's classification), and the people who
// delegated their steps to someone now (代理). 404 when there is no such 公文.
import { READING_STATUSES } from '../../../common/officialDocs/distribution.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Route } from '../../domain/officialDocs/vocabulary.ts';
import { NotFound } from '../../errors.ts';
import type { OfficialDocFacts } from '../../policies/officialDocs.ts';

export async function loadOfficialDoc(db: Tx | Db, id: string) {
  const row = await db.officialDocument.findUnique({
    where: { id },
    include: {
      document: { select: { title: true, classification: true, deletedAt: true } },
      opinions: { select: { userId: true, onBehalfOfId: true } },
      // The recipients that read it now (分发): not those who refused it nor those it was recalled from.
      distributions: {
        where: { status: { in: [...READING_STATUSES] } },
        select: { unitId: true, receiverId: true },
      },
      // The attachments' names in order: what the format check holds the 附件说明 against.
      attachments: { select: { name: true }, orderBy: { number: 'asc' } },
    },
  });
  if (!row || row.document.deletedAt) throw new NotFound('official document');
  return row;
}

export type LoadedOfficialDoc = Awaited<ReturnType<typeof loadOfficialDoc>>;

/** The facts of a loaded 公文; a row loaded without its distributions gives its recipients no part (they are not asked). */
export function officialDocFacts(
  row: Omit<LoadedOfficialDoc, 'attachments' | 'distributions'> & Partial<Pick<LoadedOfficialDoc, 'distributions'>>,
): OfficialDocFacts {
  return {
    id: row.id,
    unitId: row.unitId,
    officeUnitId: row.officeUnitId,
    drafterId: row.drafterId,
    classification: row.document.classification,
    route: JSON.parse(row.route) as Route,
    formerHandlerIds: [...new Set(row.opinions.flatMap((o) => [o.userId, o.onBehalfOfId ?? o.userId]))],
    recipients: row.distributions ?? [],
  };
}

/** The people whose steps this person may handle at this instant under a delegation (代理) not revoked. */
export async function principalsOf(db: Tx | Db, deputyId: string, at: Date): Promise<string[]> {
  const rows = await db.delegation.findMany({
    where: { deputyId, revokedAt: null, startsAt: { lte: at }, endsAt: { gt: at } },
    select: { principalId: true },
  });
  return [...new Set(rows.map((r) => r.principalId))];
}
