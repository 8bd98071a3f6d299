// What the search index holds of each object, read from the main database: its text (co-edited documents from their
// persisted Yjs state, material PDFs through pdftotext, scans and images through the text OCR recognised in them), the
// facts the filters read, and the grants of its read rule.
// A reference that names something gone (deleted, or not indexed such as annotation documents) comes back as gone.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { formatDocumentNumber, OFFICIAL_DOCUMENT_KINDS } from '../../common/officialDocs/catalogue.ts';
import type { SearchKind } from '../../common/search/searchApi.ts';
import { DOCUMENT_FIELD, documentSchema } from '../../common/schema/documentSchema.ts';
import type { Db } from '../db/client.ts';
import { isAnnotationContext, isMinutesContext } from '../domain/documents/annotationContexts.ts';
import {
  documentGrants,
  materialGrants,
  meetingGrants,
  officialDocGrants,
  taskGrants,
  type MeetingForAll,
} from '../policies/searchGrants.ts';
import { taskCode } from '../presenters/supervisionTask.ts';
import { recognisedText } from '../queries/ocr/ocrResults.ts';
import { factsOf, loadTask } from '../queries/supervision/taskFacts.ts';
import { loadOfficialDoc, officialDocFacts } from '../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../services.ts';
import type { IndexEntry } from './searchIndex.ts';

const run = promisify(execFile);

export interface SearchRef {
  kind: SearchKind;
  objectId: string;
}

/** The 正文 of a 公文 is indexed with its 公文, not as a document of its own. */
const OFFICIAL_DOCUMENT_BODY = 'official_document';

/** Plain text of a co-edited document, as its persisted (or live) Yjs state has it. */
export async function documentText(svc: Services, documentId: string): Promise<string> {
  const ydoc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(ydoc, await svc.collab.currentState(documentId));
    const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(DOCUMENT_FIELD), documentSchema());
    return root.textBetween(0, root.content.size, '\n', ' ');
  } finally {
    ydoc.destroy();
  }
}

/**
 * The text of a PDF (pdftotext from poppler-utils); other material kinds are found by their title. A PDF pdftotext
 * cannot read (damaged, or a bare shell with no pages: an upload is checked by its leading bytes only) is found by its
 * title too: one such file must not stop the indexer, whose feed would otherwise stall on it at every run.
 */
async function pdfText(svc: Services, sha256: string): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tongban-pdf-'));
  try {
    const file = path.join(dir, 'material.pdf');
    await fs.promises.writeFile(file, await svc.files.read(sha256));
    try {
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-q', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
      return stdout;
    } catch (err) {
      svc.log.warn({ err, sha256 }, 'search: pdftotext could not read a PDF; it is indexed by its title');
      return '';
    }
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** The text OCR recognised in a stored file, or '' until it is done (the OCR job's audit event brings it here). */
async function recognised(svc: Services, sha256: string): Promise<string> {
  return (await recognisedText(svc.db, svc.keys.atRest, sha256))?.text ?? '';
}

/** A PDF's own text, or the recognised text of a scanned one (no text layer); an image's recognised text. */
async function materialText(svc: Services, material: { kind: string; sha256: string }): Promise<string> {
  if (material.kind === 'pdf') {
    const text = await pdfText(svc, material.sha256);
    return text.trim() ? text : recognised(svc, material.sha256);
  }
  return material.kind === 'png' || material.kind === 'jpeg' ? recognised(svc, material.sha256) : '';
}

const meetingSelect = {
  id: true,
  title: true,
  type: true,
  customType: true,
  description: true,
  status: true,
  organiserUnitId: true,
  classification: true,
  createdById: true,
  hostId: true,
  minuteTakerId: true,
  startAt: true,
  participants: { select: { userId: true } },
  agendaItems: { select: { title: true }, orderBy: { position: 'asc' } },
} as const;

async function meetingForAll(db: Db, meetingId: string) {
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: meetingSelect });
  if (!m) return null;
  const forAll: MeetingForAll = { ...m, participantIds: m.participants.map((p) => p.userId) };
  return { row: m, forAll };
}

async function documentEntry(svc: Services, id: string): Promise<IndexEntry | SearchRef | null> {
  const doc = await svc.db.document.findUnique({ where: { id }, include: { shares: true } });
  if (doc?.contextType === OFFICIAL_DOCUMENT_BODY) {
    const od = await svc.db.officialDocument.findUnique({ where: { documentId: id }, select: { id: true } });
    return od ? { kind: 'officialDoc', objectId: od.id } : null;
  }
  if (!doc || doc.deletedAt || isAnnotationContext(doc.contextType)) return null;
  const minutes = isMinutesContext(doc.contextType);
  const meeting = minutes && doc.contextId ? await meetingForAll(svc.db, doc.contextId) : null;
  return {
    kind: minutes ? 'minutes' : 'document',
    objectId: doc.id,
    parentId: minutes && doc.contextId ? doc.contextId : doc.id,
    title: doc.title,
    body: await documentText(svc, doc.id),
    unitId: doc.unitId,
    docType: null,
    status: doc.status,
    classification: doc.classification,
    date: doc.updatedAt.toISOString(),
    grants: documentGrants(doc, doc.shares, meeting?.forAll ?? null),
  };
}

async function meetingEntry(svc: Services, id: string): Promise<IndexEntry | null> {
  const m = await meetingForAll(svc.db, id);
  if (!m) return null;
  const { row } = m;
  return {
    kind: 'meeting',
    objectId: row.id,
    parentId: row.id,
    title: row.title,
    body: [row.description, ...row.agendaItems.map((a) => a.title)].join('\n'),
    unitId: row.organiserUnitId,
    docType: row.type === 'custom' ? (row.customType ?? row.type) : row.type,
    status: row.status,
    classification: row.classification,
    date: row.startAt.toISOString(),
    grants: meetingGrants(m.forAll),
  };
}

async function materialEntry(svc: Services, id: string): Promise<IndexEntry | null> {
  const material = await svc.db.meetingMaterial.findUnique({ where: { id } });
  if (!material || material.removedAt) return null;
  const m = await meetingForAll(svc.db, material.meetingId);
  if (!m) return null;
  return {
    kind: 'material',
    objectId: material.id,
    parentId: material.meetingId,
    title: material.title,
    body: await materialText(svc, material),
    unitId: m.row.organiserUnitId,
    docType: material.kind,
    status: m.row.status,
    classification: m.row.classification,
    date: material.createdAt.toISOString(),
    grants: materialGrants(m.forAll),
  };
}

async function taskEntry(svc: Services, id: string): Promise<IndexEntry | null> {
  const exists = await svc.db.supervisionTask.findUnique({ where: { id }, select: { id: true } });
  if (!exists) return null;
  const task = await loadTask(svc.db, id);
  const reports = await svc.db.supervisionEvent.findMany({
    where: { taskId: id, text: { not: '' } },
    select: { text: true },
    orderBy: { at: 'asc' },
  });
  return {
    kind: 'task',
    objectId: task.id,
    parentId: task.id,
    title: `${taskCode(task.year, task.serial)} ${task.title}`,
    body: [task.basisText, task.requirement, ...reports.map((r) => r.text)].join('\n'),
    unitId: task.leadUnitId,
    docType: task.basisType,
    status: task.status,
    classification: task.classification,
    date: task.createdAt.toISOString(),
    grants: taskGrants(factsOf(task)),
  };
}

async function officialDocEntry(svc: Services, id: string): Promise<IndexEntry | null> {
  const exists = await svc.db.officialDocument.findUnique({
    where: { id },
    select: { document: { select: { deletedAt: true } } },
  });
  if (!exists || exists.document.deletedAt) return null;
  const row = await loadOfficialDoc(svc.db, id);
  const number =
    row.numberYear !== null && row.numberSeq !== null
      ? formatDocumentNumber(row.numberPrefix, row.numberYear, row.numberSeq)
      : '';
  // A 收文 from paper is found by the words of its scanned 来文 too.
  const incoming = await svc.db.incomingDocument.findUnique({
    where: { officialDocumentId: id },
    select: { scanSha256: true },
  });
  const scanText = incoming?.scanSha256 ? await recognised(svc, incoming.scanSha256) : '';
  const kindName = OFFICIAL_DOCUMENT_KINDS[row.kind as keyof typeof OFFICIAL_DOCUMENT_KINDS]?.zh ?? row.kind;
  const heads = [
    kindName,
    row.issuerMark,
    row.issuerSignature,
    row.printingUnit,
    ...(JSON.parse(row.mainRecipients) as string[]),
    ...(JSON.parse(row.ccRecipients) as string[]),
  ];
  return {
    kind: 'officialDoc',
    objectId: row.id,
    parentId: row.id,
    title: number ? `${row.document.title} ${number}` : row.document.title,
    body: `${heads.join(' ')}\n${await documentText(svc, row.documentId)}${scanText ? `\n${scanText}` : ''}`,
    unitId: row.unitId,
    docType: row.kind,
    status: row.status,
    classification: row.document.classification,
    date: (row.writtenOn ? new Date(`${row.writtenOn}T00:00:00+08:00`) : row.updatedAt).toISOString(),
    grants: officialDocGrants(officialDocFacts(row)),
  };
}

/**
 * The entries of these references and the references now gone. A document reference may name the 正文 of a 公文,
 * which is followed to its 公文; a meeting reference brings its minutes and materials, whose grants are the meeting's.
 */
export async function loadEntries(
  svc: Services,
  refs: readonly SearchRef[],
): Promise<{ entries: IndexEntry[]; gone: SearchRef[] }> {
  const entries: IndexEntry[] = [];
  const gone: SearchRef[] = [];
  const seen = new Set<string>();
  const queue = [...refs];
  while (queue.length > 0) {
    const ref = queue.shift()!;
    const key = `${ref.kind}:${ref.objectId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let found: IndexEntry | SearchRef | null;
    try {
      found = await entryOf(svc, ref, queue);
    } catch (err) {
      // One object that cannot be read is left as the index last had it (logged), and the rest goes on: a run that
      // failed as a whole would read the same feed again next time, and fail again, and follow nothing after it.
      svc.log.error({ err, ref }, 'search: an object could not be indexed; it keeps its last entry');
      continue;
    }
    if (found === null) gone.push(ref, ...(ref.kind === 'document' ? [{ ...ref, kind: 'minutes' as const }] : []));
    else if ('grants' in found) entries.push(found);
    else queue.push(found);
  }
  return { entries, gone };
}

async function entryOf(svc: Services, ref: SearchRef, queue: SearchRef[]): Promise<IndexEntry | SearchRef | null> {
  switch (ref.kind) {
    case 'document':
    case 'minutes':
      return documentEntry(svc, ref.objectId);
    case 'meeting': {
      const [minutes, materials] = await Promise.all([
        svc.db.meetingMinutes.findUnique({ where: { meetingId: ref.objectId }, select: { documentId: true } }),
        svc.db.meetingMaterial.findMany({ where: { meetingId: ref.objectId }, select: { id: true } }),
      ]);
      if (minutes) queue.push({ kind: 'document', objectId: minutes.documentId });
      for (const m of materials) queue.push({ kind: 'material', objectId: m.id });
      return meetingEntry(svc, ref.objectId);
    }
    case 'material':
      return materialEntry(svc, ref.objectId);
    case 'task':
      return taskEntry(svc, ref.objectId);
    case 'officialDoc':
      return officialDocEntry(svc, ref.objectId);
  }
}

/** Every object the index holds, for a full rebuild, in batches of references. */
export async function* allRefs(db: Db, batch = 200): AsyncGenerator<SearchRef[]> {
  const sources: Array<[SearchKind, (skip: number) => Promise<Array<{ id: string }>>]> = [
    [
      'document',
      (skip) =>
        db.document.findMany({
          where: { deletedAt: null },
          select: { id: true },
          orderBy: { id: 'asc' },
          skip,
          take: batch,
        }),
    ],
    ['meeting', (skip) => db.meeting.findMany({ select: { id: true }, orderBy: { id: 'asc' }, skip, take: batch })],
    [
      'task',
      (skip) => db.supervisionTask.findMany({ select: { id: true }, orderBy: { id: 'asc' }, skip, take: batch }),
    ],
  ];
  for (const [kind, page] of sources) {
    for (let skip = 0; ; skip += batch) {
      const rows = await page(skip);
      if (rows.length > 0) yield rows.map((r) => ({ kind, objectId: r.id }));
      if (rows.length < batch) break;
    }
  }
}
