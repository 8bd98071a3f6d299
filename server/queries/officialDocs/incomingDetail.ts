// What a 收文 shows beside the 公文 record: its 收文编号 and where it came from, the scan, its 办结, the sender's 公文
// when it came by 分发 (and where the OCR of the scan stands), and the supervision tasks raised from it (转为督办) that the reader may see, with their closure.
import { formatIncomingNumber, type IncomingOrigin } from '../../../common/officialDocs/catalogue.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { can, taskResource } from '../../policies/index.ts';
import { authorizeOfficialDocView, officialDocError, officialDocResource } from '../../policies/officialDocs.ts';
import { taskCode } from '../../presenters/supervisionTask.ts';
import { ocrProgressOf } from '../ocr/ocrResults.ts';
import { oversightOf } from '../supervision/oversight.ts';
import { factsOf } from '../supervision/taskFacts.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from './officialDocFacts.ts';

const person = { select: { id: true, displayName: true } } as const;
const named = (p: { id: string; displayName: string } | null) => (p ? { id: p.id, name: p.displayName } : null);

export async function incomingDetail(db: Db, subject: Subject, id: string, now: Date) {
  const row = await loadOfficialDoc(db, id);
  const resource = officialDocResource(officialDocFacts(row), await principalsOf(db, subject.id, now));
  authorizeOfficialDocView(subject, resource);
  const incoming = await db.incomingDocument.findUnique({ where: { officialDocumentId: id } });
  if (!incoming) throw officialDocError(400, 'not_incoming');
  const people = await db.user.findMany({
    where: { id: { in: [incoming.registeredById, ...(incoming.finishedById ? [incoming.finishedById] : [])] } },
    ...person,
  });
  const byId = (userId: string | null) => named(people.find((p) => p.id === userId) ?? null);
  const distribution = incoming.distributionId
    ? await db.officialDocumentDistribution.findUnique({
        where: { id: incoming.distributionId },
        select: { id: true, officialDocumentId: true, status: true },
      })
    : null;
  const ocr = incoming.scanSha256
    ? ((await ocrProgressOf(db, [incoming.scanSha256])).get(incoming.scanSha256) ?? null)
    : null;
  return {
    number: formatIncomingNumber(incoming.year, incoming.seq),
    origin: incoming.origin as IncomingOrigin,
    sourceUnit: incoming.sourceUnit,
    sourceNumber: incoming.sourceNumber,
    copies: incoming.copies,
    dueDate: incoming.dueDate,
    scan: incoming.scanSha256
      ? { fileName: incoming.scanFileName ?? 'scan.pdf', size: incoming.scanSize ?? 0, ocr }
      : null,
    mayAttachScan: can(subject, 'officialDoc.attachScan', resource),
    registeredBy: byId(incoming.registeredById),
    registeredAt: incoming.registeredAt.toISOString(),
    result: incoming.result,
    finishedBy: byId(incoming.finishedById),
    finishedAt: incoming.finishedAt?.toISOString() ?? null,
    distribution: distribution
      ? { id: distribution.id, sentDocumentId: distribution.officialDocumentId, status: distribution.status }
      : null,
    tasks: await linkedTasks(db, subject, row.documentId),
  };
}

/** The supervision tasks raised from this 收文 or its 批办, each only if the reader may see the task itself. */
async function linkedTasks(db: Db, subject: Subject, documentId: string) {
  const tasks = await db.supervisionTask.findMany({
    where: { sourceDocumentId: documentId },
    include: {
      coUnits: { select: { unitId: true, signedAt: true } },
      coOwners: { select: { userId: true, unitId: true } },
      supervisor: { select: { unitId: true } },
      coordinations: { select: { unitIds: true } },
      leadUnit: { select: { name: true } },
    },
    orderBy: [{ year: 'asc' }, { serial: 'asc' }],
  });
  if (tasks.length === 0) return [];
  const oversight = await oversightOf(db, subject);
  return tasks
    .filter((t) => can(subject, 'task.view', taskResource(factsOf(t), oversight)))
    .map((t) => ({
      id: t.id,
      code: taskCode(t.year, t.serial),
      title: t.title,
      status: t.status,
      leadUnit: t.leadUnit.name,
      dueDate: t.dueDate,
      completedAt: t.completedAt?.toISOString() ?? null,
    }));
}
