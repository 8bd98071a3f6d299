// 归档 of completed items: queue a package for each completed 公文 (the object becomes `archived`, frozen for good, in
// the same transaction, audited), and build queued packages — the fixed-layout PDF, attachments, the opinion sheet
// (JSON and PDF), the trail, the versions and the signatures, each stored in the file store with its SHA-256. Run by
// the archive job, never in a request: laying out PDFs takes seconds.
import { Readable } from 'node:stream';
import { shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import { OPINION_KINDS, type OpinionKind } from '../../../common/officialDocs/catalogue.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { defaultRetention } from '../../domain/archive/archiveRules.ts';
import { findCjkFont } from '../../export/cjkFont.ts';
import { findGongwenFonts } from '../../export/gongwenFonts.ts';
import { renderGongwenPdf, renderPdf } from '../../export/pdfRenderers.ts';
import type { Block } from '../../export/documentModel.ts';
import {
  completedOfficialDocsWithoutPackage,
  loadOfficialDocForArchive,
  officialDocArchiveHistory,
} from '../../queries/archive/officialDocArchiveSource.ts';
import { contentOf } from '../../domain/documents/documentContent.ts';
import { loadMinutesForArchive, loadTaskForArchive } from '../../queries/archive/onDemandSources.ts';
import { openBytes } from '../../security/cipher.ts';
import type { Services } from '../../services.ts';
import { closedMinutesPdf } from '../minutes/minutesExporter.ts';
import { gongwenContent } from '../officialDocs/officialDocRendering.ts';
import { recordTrail } from '../officialDocs/trail.ts';

/** The scheduler acts as nobody. */
export function schedulerContext(svc: Services, at: Date): RequestContext {
  return { actor: null, ip: '', userAgent: 'tongban-scheduler', at, auditKey: svc.keys.audit };
}

/** The 年度: the calendar year in China at that instant. */
const yearOf = (at: Date): number => Number(shanghaiDateOf(at).slice(0, 4));

/**
 * Queues a package for a completed 公文 and freezes it (status archived, its 正文 too); null when it already has one.
 * Inside the caller's transaction.
 */
export async function queueOfficialDoc(tx: Tx, ctx: RequestContext, id: string): Promise<string | null> {
  if (
    await tx.archivePackage.findUnique({
      where: { objectType_objectId: { objectType: 'official_document', objectId: id } },
    })
  )
    return null;
  const doc = await tx.officialDocument.findUniqueOrThrow({
    where: { id },
    include: { document: { select: { title: true, classification: true } }, incoming: true },
  });
  // A 收文 is filed by the unit that received it, in the year it was 办结; a 发文 by its issuing unit, in its 文号's year.
  const unitId = doc.incoming?.unitId ?? doc.unitId;
  const year = doc.numberYear ?? (doc.incoming?.finishedAt ? yearOf(doc.incoming.finishedAt) : yearOf(ctx.at));
  const pkg = await tx.archivePackage.create({
    data: {
      objectType: 'official_document',
      objectId: id,
      unitId,
      year,
      kind: doc.kind,
      title: doc.document.title,
      retention: defaultRetention('official_document', doc.kind),
      classification: doc.document.classification,
      createdAt: ctx.at,
    },
  });
  await tx.officialDocument.update({
    where: { id },
    data: { status: 'archived', revision: { increment: 1 }, updatedAt: ctx.at },
  });
  await tx.document.update({ where: { id: doc.documentId }, data: { status: 'archived', updatedAt: ctx.at } });
  await recordAudit(tx, ctx, {
    action: 'archive.queue',
    resourceType: 'archive_package',
    resourceId: pkg.id,
    detail: { objectType: 'official_document', objectId: id, retention: pkg.retention },
  });
  await recordTrail(tx, {
    officialDocumentId: id,
    kind: 'archived',
    userId: ctx.actor?.id ?? null,
    detail: { packageId: pkg.id },
    at: ctx.at,
  });
  return pkg.id;
}

/** Queues every completed 公文 without a package; returns how many. */
export async function queueCompletedOfficialDocs(svc: Services, at: Date): Promise<number> {
  let queued = 0;
  for (const id of await completedOfficialDocsWithoutPackage(svc.db, 200)) {
    const done = await inTransaction(svc, (tx) => queueOfficialDoc(tx, schedulerContext(svc, at), id));
    if (done) queued += 1;
  }
  return queued;
}

interface PackageFile {
  path: string;
  role: 'record' | 'document' | 'attachment' | 'opinions' | 'trail' | 'version' | 'signature';
  content: Buffer;
}

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
const safeName = (name: string): string => name.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80) || 'file';
const list = (text: string): string[] => {
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

async function officialDocFiles(svc: Services, objectId: string, at: Date): Promise<PackageFile[]> {
  const doc = await loadOfficialDocForArchive(svc.db, objectId);
  const history = await officialDocArchiveHistory(svc.db, doc.id, doc.documentId);
  const files: PackageFile[] = [];
  files.push({
    path: '00-著录.json',
    role: 'record',
    content: json({
      id: doc.id,
      direction: doc.direction,
      kind: doc.kind,
      title: doc.document.title,
      classification: doc.document.classification,
      secrecyPeriod: doc.secrecyPeriod,
      urgency: doc.urgency,
      issuerMark: doc.issuerMark,
      number: doc.numberYear === null ? null : { prefix: doc.numberPrefix, year: doc.numberYear, seq: doc.numberSeq },
      issuingUnit: doc.unit.name,
      drafter: doc.drafter.displayName,
      signers: list(doc.signers),
      mainRecipients: list(doc.mainRecipients),
      ccRecipients: list(doc.ccRecipients),
      issuerSignature: doc.issuerSignature,
      writtenOn: doc.writtenOn,
      printingUnit: doc.printingUnit,
      printedOn: doc.printedOn,
      disclosure: doc.disclosure,
      remark: doc.remark,
      incoming: doc.incoming && {
        unitId: doc.incoming.unitId,
        number: { year: doc.incoming.year, seq: doc.incoming.seq },
        origin: doc.incoming.origin,
        sourceUnit: doc.incoming.sourceUnit,
        sourceNumber: doc.incoming.sourceNumber,
        copies: doc.incoming.copies,
        registeredAt: doc.incoming.registeredAt,
        result: doc.incoming.result,
        finishedAt: doc.incoming.finishedAt,
      },
      distributions: doc.distributions.map((d) => ({
        unit: d.unit.name,
        role: d.role,
        status: d.status,
        sentAt: d.sentAt,
        signedAt: d.signedAt,
        finishedAt: d.finishedAt,
        result: d.result,
        refusalReason: d.refusalReason,
        reissueOfId: d.reissueOfId,
      })),
    }),
  });

  // The fixed-layout PDF: the sealed one exactly as signed, else (a 收文, unsealed) laid out now by GB/T 9704.
  const lastSeal = history.seals.at(-1);
  if (lastSeal) files.push({ path: '01-正文.pdf', role: 'document', content: await svc.files.read(lastSeal.fileKey) });
  else {
    const fonts = findGongwenFonts();
    if (!fonts) throw new Error('no_cjk_font: laying out a 公文 needs Chinese fonts on the server');
    const content = await gongwenContent(
      svc,
      { ...doc, attachments: doc.attachments, distributions: [] },
      { at, seal: null },
    );
    const { pdf } = await renderGongwenPdf({ ...content, fonts, author: doc.issuerSignature, createdAt: at });
    files.push({ path: '01-正文.pdf', role: 'document', content: pdf });
  }
  for (const a of doc.attachments)
    files.push({
      path: `02-附件/附件${a.number}-${safeName(a.fileName)}`,
      role: 'attachment',
      content: await svc.files.read(a.sha256),
    });
  if (doc.incoming?.scanSha256)
    files.push({
      path: '02-附件/来文扫描件.pdf',
      role: 'attachment',
      content: await svc.files.read(doc.incoming.scanSha256),
    });

  const opinions = doc.opinions.map((o) => ({
    step: o.stepName,
    kind: o.kind,
    decision: o.decision,
    text: o.text,
    by: o.user.displayName,
    onBehalfOfId: o.onBehalfOfId,
    at: o.createdAt,
    handwritten: o.ink !== null,
  }));
  files.push({ path: '03-办理意见.json', role: 'opinions', content: json(opinions) });
  files.push({
    path: '03-办理意见.pdf',
    role: 'opinions',
    content: await opinionSheetPdf(svc, doc.document.title, opinions),
  });
  files.push({
    path: '04-办理过程.json',
    role: 'trail',
    content: json(
      history.events.map((e) => ({
        kind: e.kind,
        userId: e.userId,
        onBehalfOfId: e.onBehalfOfId,
        stepId: e.stepId,
        detail: JSON.parse(e.detail) as unknown,
        at: e.at,
      })),
    ),
  });
  files.push(...versionFiles(svc, doc.documentId, history.versions));
  files.push({
    path: '06-签章.json',
    role: 'signature',
    content: json({
      signOff: doc.opinions
        .filter((o) => o.decision === 'signoff')
        .map((o) => ({ by: o.user.displayName, text: o.text, at: o.createdAt })),
      seals: history.seals.map((s) => ({
        seal: s.seal.name,
        unitId: s.seal.unitId,
        by: s.user.displayName,
        sm3: s.sm3,
        attachments: JSON.parse(s.attachments) as unknown,
        at: s.at,
      })),
    }),
  });
  return files;
}

/** Every version of a document as readable content (ProseMirror JSON, unsealed), with an index of them. */
function versionFiles(
  svc: Services,
  documentId: string,
  versions: Array<{
    name: string;
    reason: string;
    state: Uint8Array;
    contentHash: string;
    createdById: string;
    createdAt: Date;
  }>,
): PackageFile[] {
  const files: PackageFile[] = versions.map((v, i) => ({
    path: `05-版本/${String(i + 1).padStart(3, '0')}-${safeName(v.reason)}.json`,
    role: 'version' as const,
    content: json({
      name: v.name,
      reason: v.reason,
      contentHash: v.contentHash,
      createdById: v.createdById,
      createdAt: v.createdAt,
      content: contentOf(openBytes(svc.keys.atRest, v.state, `version:${documentId}`)),
    }),
  }));
  files.push({
    path: '05-版本/版本.json',
    role: 'version',
    content: json(
      versions.map((v, i) => ({
        n: i + 1,
        name: v.name,
        reason: v.reason,
        contentHash: v.contentHash,
        createdAt: v.createdAt,
      })),
    ),
  });
  return files;
}

/** Finalised minutes: the record, the closed PDF, the frozen and earlier versions, and the confirmations and signature. */
async function minutesFiles(svc: Services, documentId: string): Promise<PackageFile[]> {
  const { minutes, doc, meeting } = await loadMinutesForArchive(svc.db, documentId);
  const versions = await svc.db.documentVersion.findMany({ where: { documentId }, orderBy: { createdAt: 'asc' } });
  const { pdf } = await closedMinutesPdf(svc, minutes.meetingId);
  return [
    {
      path: '00-著录.json',
      role: 'record',
      content: json({
        documentId,
        title: doc.title,
        classification: doc.classification,
        meeting: { id: meeting.id, title: meeting.title, startAt: meeting.startAt, endAt: meeting.endAt },
        closedAt: minutes.closedAt,
        closedById: minutes.closedById,
      }),
    },
    { path: '01-纪要.pdf', role: 'document', content: pdf },
    ...versionFiles(svc, documentId, versions),
    {
      path: '06-签章.json',
      role: 'signature',
      content: json({
        versionId: minutes.versionId,
        contentHash: minutes.contentHash,
        signature: minutes.signature,
        confirmations: minutes.confirmations.map((c) => ({
          userId: c.userId,
          round: c.round,
          state: c.state,
          comment: c.comment,
          resolution: c.resolution,
          respondedAt: c.respondedAt,
        })),
      }),
    },
  ];
}

/** A closed supervision task: its record, timeline (the trail) and the attachments sent with its reports. */
async function taskFiles(svc: Services, taskId: string): Promise<PackageFile[]> {
  const task = await loadTaskForArchive(svc.db, taskId);
  const files: PackageFile[] = [
    {
      path: '00-著录.json',
      role: 'record',
      content: json({
        id: task.id,
        number: { year: task.year, serial: task.serial },
        title: task.title,
        basisType: task.basisType,
        basisText: task.basisText,
        requirement: task.requirement,
        priority: task.priority,
        classification: task.classification,
        leadUnit: task.leadUnit.name,
        coUnitIds: task.coUnits.map((u) => u.unitId),
        ownerId: task.ownerId,
        supervisorId: task.supervisorId,
        status: task.status,
      }),
    },
    {
      path: '04-办理过程.json',
      role: 'trail',
      content: json(
        task.events.map((e) => ({
          kind: e.kind,
          actorId: e.actorId,
          unitId: e.unitId,
          text: e.text,
          percent: e.percent,
          detail: JSON.parse(e.detail) as unknown,
          at: e.at,
        })),
      ),
    },
  ];
  for (const [i, a] of task.attachments.entries())
    files.push({
      path: `02-附件/${String(i + 1).padStart(3, '0')}-${safeName(a.fileName)}`,
      role: 'attachment',
      content: await svc.files.read(a.sha256),
    });
  return files;
}

/** The opinion sheet (办理意见单): every step's opinion, who gave it and when, as a table. */
async function opinionSheetPdf(
  svc: Services,
  title: string,
  opinions: Array<{ step: string; kind: string; decision: string; text: string; by: string; at: Date }>,
): Promise<Buffer> {
  const font = findCjkFont(svc.config.pdfFont);
  if (!font) throw new Error('no_cjk_font: the opinion sheet needs a Chinese font on the server');
  const cell = (text: string, header = false) => ({
    header,
    blocks: [{ kind: 'paragraph', runs: [{ text, threadIds: [] }] } as Block],
  });
  const rows = [
    [cell('步骤', true), cell('意见', true), cell('办理人', true), cell('时间', true)],
    ...opinions.map((o) => [
      cell(`${o.step}（${OPINION_KINDS[o.kind as OpinionKind]?.zh ?? o.kind}）`),
      cell(o.text || '—'),
      cell(o.by),
      cell(o.at.toISOString().slice(0, 16).replace('T', ' ')),
    ]),
  ];
  return renderPdf({
    title: `${title} 办理意见单`,
    classificationLabel: '',
    blocks: [
      { kind: 'heading', level: 1, runs: [{ text: `《${title}》办理意见单`, threadIds: [] }] },
      { kind: 'table', rows },
    ],
    threads: [],
    includeComments: false,
    authorName: () => '',
    font,
    footer: '办理意见单',
  });
}

const storeOptions = { maxBytes: Number.MAX_SAFE_INTEGER, headBytes: 0, inspect: () => undefined };

/** Builds one queued package: stores its files and marks it built; a failure is kept on the package and retried. */
export async function buildPackage(svc: Services, packageId: string, at: Date): Promise<'built' | 'failed'> {
  const pkg = await svc.db.archivePackage.findUniqueOrThrow({ where: { id: packageId } });
  if (pkg.status !== 'queued') return 'built';
  let files: PackageFile[];
  try {
    files = await filesOf(svc, pkg.objectType, pkg.objectId, at);
  } catch (err) {
    svc.log.error({ err, packageId }, 'archive package build failed');
    await svc.db.archivePackage.update({
      where: { id: packageId },
      data: { failure: String((err as Error).message).slice(0, 300) },
    });
    return 'failed';
  }
  const stored: Array<{ packageId: string; path: string; role: string; sha256: string; size: number }> = [];
  for (const f of files) {
    const s = await svc.files.put(Readable.from([f.content]), storeOptions);
    stored.push({ packageId, path: f.path, role: f.role, sha256: s.sha256, size: s.size });
  }
  await inTransaction(svc, async (tx) => {
    const { count } = await tx.archivePackage.updateMany({
      where: { id: packageId, status: 'queued', revision: pkg.revision },
      data: { status: 'built', builtAt: at, failure: null, revision: { increment: 1 } },
    });
    if (count !== 1) return;
    await tx.archiveFile.createMany({ data: stored });
    await recordAudit(tx, schedulerContext(svc, at), {
      action: 'archive.build',
      resourceType: 'archive_package',
      resourceId: packageId,
      detail: { files: stored.length, bytes: stored.reduce((n, f) => n + f.size, 0) },
    });
  });
  return 'built';
}

async function filesOf(svc: Services, objectType: string, objectId: string, at: Date): Promise<PackageFile[]> {
  switch (objectType) {
    case 'official_document':
      return officialDocFiles(svc, objectId, at);
    case 'minutes':
      return minutesFiles(svc, objectId);
    case 'supervision_task':
      return taskFiles(svc, objectId);
    default:
      throw new Error(`unknown archive object type ${objectType}`);
  }
}

/** Builds the queued packages, oldest first; returns how many were built. */
export async function buildQueuedPackages(svc: Services, at: Date, limit = 20): Promise<number> {
  const queued = await svc.db.archivePackage.findMany({
    where: { status: 'queued' },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  let built = 0;
  for (const { id } of queued) if ((await buildPackage(svc, id, at)) === 'built') built += 1;
  return built;
}
