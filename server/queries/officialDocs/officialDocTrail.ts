// The trail of a 公文 as its readers see it: the timeline (drafted, reached someone, opened, acted on with the opinion
// given, 催办, deadline reminders — who, when, on which step) for everyone who reads it, and the 查阅留痕 (who read the
// record or the 正文, who downloaded which layout, when) for its drafter and the issuing office. A 公文 one may not read
// does not exist for them (404).
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { can } from '../../policies/index.ts';
import {
  authorizeOfficialDocView,
  officialDocError,
  officialDocResource,
  type OfficialDocResource,
} from '../../policies/officialDocs.ts';
import { displayNames } from '../users/displayNames.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from './officialDocFacts.ts';

const ACCESS_KINDS = ['read', 'download'];

interface Person {
  id: string;
  name: string;
}

async function readable(db: Db, subject: Subject, id: string, now: Date): Promise<OfficialDocResource> {
  const row = await loadOfficialDoc(db, id);
  const resource = officialDocResource(officialDocFacts(row), await principalsOf(db, subject.id, now));
  authorizeOfficialDocView(subject, resource);
  return resource;
}

/** Events of one transaction share their instant: the action first, then whom it reached. */
function sameInstantRank(kind: string): number {
  if (kind === 'created') return 0;
  if (kind.startsWith('route.')) return 1;
  if (kind === 'received') return 2;
  return 3;
}

const parse = (json: string) => JSON.parse(json) as Record<string, unknown>;
const ids = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string');
const str = (v: unknown) => (typeof v === 'string' ? v : null);

export async function officialDocTimeline(db: Db, subject: Subject, id: string, now: Date) {
  const resource = await readable(db, subject, id, now);
  const events = (
    await db.officialDocumentEvent.findMany({ where: { officialDocumentId: id, kind: { notIn: ACCESS_KINDS } } })
  ).sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      sameInstantRank(a.kind) - sameInstantRank(b.kind) ||
      (a.userId ?? '').localeCompare(b.userId ?? '') ||
      a.id.localeCompare(b.id),
  );
  const details = new Map(events.map((e) => [e.id, parse(e.detail)]));
  const opinionIds = events.flatMap((e) => ids(details.get(e.id)!.opinionId));
  const opinions = new Map(
    (await db.officialDocumentOpinion.findMany({ where: { id: { in: opinionIds }, officialDocumentId: id } })).map(
      (o) => [o.id, o],
    ),
  );
  const peopleOf = (d: Record<string, unknown>) => [...ids(d.added), ...ids(d.transferredTo), ...ids(d.to)];
  const names = await displayNames(
    db,
    events.flatMap((e) => [e.userId, e.onBehalfOfId, ...peopleOf(details.get(e.id)!)].filter((x) => x !== null)),
  );
  const person = (uid: string | null): Person | null => (uid ? { id: uid, name: names.get(uid) ?? '' } : null);
  const steps = new Map(resource.facts.route.steps.map((s) => [s.id, s.name]));
  return events.map((e) => {
    const d = details.get(e.id)!;
    const opinion = opinions.get(str(d.opinionId) ?? '');
    return {
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      by: person(e.userId),
      onBehalfOf: person(e.onBehalfOfId),
      step: e.stepId ? { id: e.stepId, name: steps.get(e.stepId) ?? opinion?.stepName ?? '' } : null,
      opinion: opinion ? { kind: opinion.kind, decision: opinion.decision, text: opinion.text } : null,
      /** For a route action, the status before and after. */
      status: str(d.from) && str(d.to) ? { from: str(d.from)!, to: str(d.to)! } : null,
      /** People it named: added (加签), transferred to (转办), urged (催办). */
      people: peopleOf(d)
        .filter((u) => names.has(u))
        .map((u) => person(u)!),
      message: str(d.message),
      deadline: str(d.deadline),
    };
  });
}

export async function officialDocAccessLog(
  db: Db,
  subject: Subject,
  id: string,
  now: Date,
  page: { page: number; pageSize: number },
) {
  const resource = await readable(db, subject, id, now);
  if (!can(subject, 'officialDoc.readAccessLog', resource)) throw officialDocError(403, 'trail_forbidden');
  const where = { officialDocumentId: id, kind: { in: ACCESS_KINDS } };
  const [events, total] = await Promise.all([
    db.officialDocumentEvent.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    }),
    db.officialDocumentEvent.count({ where }),
  ]);
  const names = await displayNames(
    db,
    events.flatMap((e) => (e.userId ? [e.userId] : [])),
  );
  return {
    items: events.map((e) => {
      const d = parse(e.detail);
      return {
        id: e.id,
        at: e.at.toISOString(),
        kind: e.kind as 'read' | 'download',
        by: e.userId ? { id: e.userId, name: names.get(e.userId) ?? '' } : null,
        /** record or body for a read; pdf or docx laid out as a 公文, body.pdf or body.docx the 正文 alone, for a download. */
        what: str(d.what) ?? str(d.format) ?? '',
        sealed: d.sealed === true,
      };
    }),
    total,
    ...page,
  };
}
