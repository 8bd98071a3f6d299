// The 分发 of a 公文 as its sender sees it (each recipient unit's row, newest sending last, with who moved it and when,
// and what the reader may do to it), the offer of units to send a sealed 公文 to (prefilled from its 主送/抄送), and a
// distribution row loaded as the policies see it.
import {
  matchRecipientUnits,
  REISSUABLE_STATUSES,
  type DistributionRole,
  type DistributionStatus,
} from '../../../common/officialDocs/distribution.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';
import { can, type DistributionResource } from '../../policies/index.ts';
import { authorizeOfficialDocView, officialDocResource } from '../../policies/officialDocs.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from './officialDocFacts.ts';

/** A distribution row with its 公文's facts the rules and commands need. */
export async function loadDistribution(db: Db | Tx, id: string) {
  const row = await db.officialDocumentDistribution.findUnique({
    where: { id },
    include: {
      unit: { select: { name: true } },
      officialDocument: {
        select: {
          id: true,
          documentId: true,
          unitId: true,
          officeUnitId: true,
          issuerSignature: true,
          status: true,
          document: { select: { title: true, classification: true, deletedAt: true } },
        },
      },
    },
  });
  if (!row || row.officialDocument.document.deletedAt) throw new NotFound('distribution');
  return row;
}

export type LoadedDistribution = Awaited<ReturnType<typeof loadDistribution>>;

export function distributionResource(row: {
  unitId: string;
  receiverId: string | null;
  status: string;
  officialDocument: { officeUnitId: string; document: { classification: number } };
}): DistributionResource {
  return {
    kind: 'distribution',
    unitId: row.unitId,
    receiverId: row.receiverId,
    status: row.status as DistributionStatus,
    classification: row.officialDocument.document.classification,
    officeUnitId: row.officialDocument.officeUnitId,
  };
}

export interface PersonAt {
  by: { id: string; name: string } | null;
  at: string | null;
}

export interface DistributionRowView {
  id: string;
  unit: { id: string; name: string };
  role: DistributionRole;
  receiver: { id: string; name: string } | null;
  status: DistributionStatus;
  sent: PersonAt;
  signed: PersonAt;
  refused: PersonAt & { reason: string | null };
  recalled: PersonAt;
  finished: PersonAt & { result: string | null };
  reissueOfId: string | null;
  incomingDocumentId: string | null;
  /** What the reader may do now (the server still checks each call). */
  actions: Array<'signFor' | 'refuse' | 'recall' | 'reissue'>;
}

/** The rows of one 公文, for anyone who reads it; each with the actions the reader may take on it now. */
export async function distributionsOf(db: Db, subject: Subject, officialDocumentId: string, now: Date) {
  const doc = await loadOfficialDoc(db, officialDocumentId);
  const facts = officialDocFacts(doc);
  authorizeOfficialDocView(subject, officialDocResource(facts, await principalsOf(db, subject.id, now)));
  const rows = await db.officialDocumentDistribution.findMany({
    where: { officialDocumentId },
    orderBy: [{ sentAt: 'asc' }, { unit: { sortOrder: 'asc' } }, { unit: { name: 'asc' } }, { id: 'asc' }],
    include: { unit: { select: { name: true } } },
  });
  const people = await namesOf(
    db,
    rows.flatMap((r) => [r.receiverId, r.sentById, r.signedById, r.refusedById, r.recalledById, r.finishedById]),
  );
  const reissued = new Set(rows.map((r) => r.reissueOfId).filter((id): id is string => id !== null));
  const view = (id: string | null, at: Date | null): PersonAt => ({
    by: id ? { id, name: people.get(id) ?? '' } : null,
    at: at?.toISOString() ?? null,
  });
  const shown = rows.filter((r) =>
    can(subject, 'distribution.view', distributionResource({ ...r, officialDocument: doc })),
  );
  return shown.map((r): DistributionRowView => {
    const resource = distributionResource({ ...r, officialDocument: doc });
    const status = r.status as DistributionStatus;
    const actions: DistributionRowView['actions'] = [];
    if (status === 'pending' && can(subject, 'distribution.signFor', resource)) actions.push('signFor', 'refuse');
    if (status === 'pending' && can(subject, 'distribution.recall', resource)) actions.push('recall');
    if (REISSUABLE_STATUSES.includes(status) && !reissued.has(r.id) && can(subject, 'distribution.reissue', resource))
      actions.push('reissue');
    return {
      id: r.id,
      unit: { id: r.unitId, name: r.unit.name },
      role: r.role as DistributionRole,
      receiver: r.receiverId ? { id: r.receiverId, name: people.get(r.receiverId) ?? '' } : null,
      status,
      sent: view(r.sentById, r.sentAt),
      signed: view(r.signedById, r.signedAt),
      refused: { ...view(r.refusedById, r.refusedAt), reason: r.refusalReason },
      recalled: view(r.recalledById, r.recalledAt),
      finished: { ...view(r.finishedById, r.finishedAt), result: r.result },
      reissueOfId: r.reissueOfId,
      incomingDocumentId: r.incomingDocumentId,
      actions,
    };
  });
}

/**
 * The units a sealed 公文 may go to (every unit but the issuing one), those named among its 主送/抄送 prefilled with
 * their role. Asked by the office before it distributes.
 */
export async function distributionOffer(db: Db, doc: { unitId: string; mainRecipients: string; ccRecipients: string }) {
  const units = await db.unit.findMany({
    where: { id: { not: doc.unitId } },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, shortName: true, aliases: true },
  });
  const named = units.map((u) => ({ ...u, aliases: JSON.parse(u.aliases) as string[] }));
  return {
    units: named.map((u) => ({ id: u.id, name: u.name })),
    prefilled: matchRecipientUnits(
      JSON.parse(doc.mainRecipients) as string[],
      JSON.parse(doc.ccRecipients) as string[],
      named,
    ),
  };
}

/** Display names by id (people who left keep their name: accounts are disabled, not deleted). */
export async function namesOf(db: Db | Tx, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}
