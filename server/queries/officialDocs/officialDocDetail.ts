// One 公文 as its reader sees it: the GB/T 9704 elements, the 发文字号, the route with its handlers by name, the
// opinion sheet (办文单) in the order given, related documents, and the actions the reader may take now.
import { shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import { formatDocumentNumber } from '../../../common/officialDocs/catalogue.ts';
import { storedOpinionInk } from '../../../common/officialDocs/opinionInk.ts';
import { stepDueOn } from '../../domain/officialDocs/stepDeadlines.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import {
  authorizeOfficialDocView,
  officialDocActions,
  officialDocResource,
  officialDocRoles,
} from '../../policies/officialDocs.ts';
import type { RouteStatus } from '../../domain/officialDocs/vocabulary.ts';
import { displayNames } from '../users/displayNames.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from './officialDocFacts.ts';

const list = (json: string) => JSON.parse(json) as string[];

export async function officialDocDetail(db: Db, subject: Subject, id: string, now: Date) {
  const row = await loadOfficialDoc(db, id);
  const facts = officialDocFacts(row);
  const actingFor = await principalsOf(db, subject.id, now);
  const resource = officialDocResource(facts, actingFor);
  authorizeOfficialDocView(subject, resource);
  const [opinions, relations, deadlines, waiting] = await Promise.all([
    db.officialDocumentOpinion.findMany({ where: { officialDocumentId: id }, orderBy: { createdAt: 'asc' } }),
    db.officialDocumentRelation.findMany({
      where: { OR: [{ fromId: id }, { toId: id }] },
      include: {
        from: { select: { id: true, document: { select: { title: true } } } },
        to: { select: { id: true, document: { select: { title: true } } } },
      },
    }),
    db.officialDocumentStepDeadline.findMany({ where: { officialDocumentId: id } }),
    db.officialDocumentHandler.findMany({ where: { officialDocumentId: id } }),
  ]);
  const deadlineDays = new Map(deadlines.map((d) => [d.stepId, d.workingDays]));
  /** 办理时限 of those the current step waits for: working days from the day it reached them. */
  const dueOn = (stepId: string, userId: string) => {
    const days = deadlineDays.get(stepId);
    const since = waiting.find((w) => w.stepId === stepId && w.userId === userId)?.since;
    return days !== undefined && since ? stepDueOn(shanghaiDateOf(since), days) : null;
  };
  const route = facts.route;
  const people = new Set<string>([row.drafterId]);
  for (const s of route.steps) {
    for (const h of s.handlers)
      people
        .add(h.userId)
        .add(h.actedBy ?? h.userId)
        .add(h.addedBy ?? h.userId);
    for (const c of s.candidates ?? []) people.add(c);
  }
  for (const o of opinions) people.add(o.userId).add(o.onBehalfOfId ?? o.userId);
  const names = await displayNames(db, people);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return {
    id: row.id,
    documentId: row.documentId,
    direction: row.direction,
    kind: row.kind,
    title: row.document.title,
    classification: row.document.classification,
    secrecyPeriod: row.secrecyPeriod,
    copyNumber: row.copyNumber,
    urgency: row.urgency,
    issuerMark: row.issuerMark,
    number:
      row.numberYear !== null && row.numberSeq !== null
        ? {
            prefix: row.numberPrefix,
            year: row.numberYear,
            seq: row.numberSeq,
            text: formatDocumentNumber(row.numberPrefix, row.numberYear, row.numberSeq),
          }
        : null,
    numberPrefix: row.numberPrefix,
    signers: list(row.signers),
    mainRecipients: list(row.mainRecipients),
    attachmentNotes: list(row.attachmentNotes),
    issuerSignature: row.issuerSignature,
    writtenOn: row.writtenOn,
    remark: row.remark,
    ccRecipients: list(row.ccRecipients),
    printingUnit: row.printingUnit,
    printedOn: row.printedOn,
    disclosure: row.disclosure,
    unitId: row.unitId,
    drafter: person(row.drafterId)!,
    status: row.status as RouteStatus,
    route: {
      urgent: route.urgent,
      current: route.current,
      returned: route.returned ? { ...route.returned, by: person(route.returned.byId)! } : null,
      steps: route.steps.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        mode: s.mode,
        opinion: s.opinion,
        state: s.state,
        skipWhenUrgent: s.skipWhenUrgent,
        deadlineDays: deadlineDays.get(s.id) ?? null,
        candidates: s.candidates?.map((c) => person(c)!) ?? null,
        handlers: s.handlers.map((h) => ({
          ...person(h.userId)!,
          state: h.state,
          addedBy: person(h.addedBy),
          actedBy: person(h.actedBy),
          dueOn: dueOn(s.id, h.userId),
        })),
      })),
    },
    opinions: opinions.map((o) => ({
      id: o.id,
      stepId: o.stepId,
      stepName: o.stepName,
      kind: o.kind,
      decision: o.decision,
      text: o.text,
      ink: storedOpinionInk(o.ink),
      by: person(o.userId)!,
      onBehalfOf: person(o.onBehalfOfId),
      at: o.createdAt.toISOString(),
    })),
    relations: relations.map((r) =>
      r.fromId === id
        ? { kind: r.kind, direction: 'answeredBy' as const, id: r.to.id, title: r.to.document.title }
        : { kind: r.kind, direction: 'answers' as const, id: r.from.id, title: r.from.document.title },
    ),
    myRoles: officialDocRoles(subject, resource),
    actions: officialDocActions(subject, resource),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type OfficialDocDetail = Awaited<ReturnType<typeof officialDocDetail>>;
