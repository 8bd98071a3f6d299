// The route templates a 公文 may be sent with (送审), as its sender sees them before sending: those of its unit, its
// direction and its 文种 (then those for every 文种), each resolved to people as a submission would resolve it — roles
// in units turned into the people cleared for this document — or, when that fails now, the reason.
import type { Direction } from '../../../common/officialDocs/catalogue.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import { authorizeOfficialDocView, officialDocError, officialDocResource } from '../../policies/officialDocs.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from './officialDocFacts.ts';
import { resolvePlan } from './routePlanResolver.ts';
import { byFit, storedSteps } from './routeTemplates.ts';
import { templatesOf } from './templates.ts';

interface Person {
  id: string;
  name: string;
}

export async function routeTemplateOffers(db: Db, subject: Subject, officialDocId: string, at: Date) {
  const row = await loadOfficialDoc(db, officialDocId);
  const resource = officialDocResource(officialDocFacts(row), await principalsOf(db, subject.id, at));
  authorizeOfficialDocView(subject, resource);
  // The people a template resolves to are for the one who sends the 公文 now, not for every reader of it.
  if (!can(subject, 'officialDoc.submit', resource)) throw officialDocError(403, 'not_editable');
  if (!can(subject, 'officialDocRouteTemplate.use', await templatesOf(db, row.unitId))) return [];
  const rows = await db.officialDocumentRouteTemplate.findMany({
    where: { unitId: row.unitId, direction: row.direction, retiredAt: null, OR: [{ kind: row.kind }, { kind: null }] },
  });
  const offers = [];
  for (const template of rows.sort(byFit)) {
    const steps = storedSteps(template);
    try {
      const plan = await resolvePlan(db, steps, row.document.classification, row.direction as Direction);
      const ids = [...new Set(plan.flatMap((p) => [...p.handlers, ...(p.candidates ?? [])]))];
      const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
      const name = new Map(users.map((u) => [u.id, u.displayName]));
      const people = (list: readonly string[]): Person[] => list.map((id) => ({ id, name: name.get(id) ?? id }));
      offers.push({
        id: template.id,
        name: template.name,
        kind: template.kind,
        steps: plan.map((p, i) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
          mode: p.mode,
          opinion: p.opinion,
          skipWhenUrgent: p.skipWhenUrgent,
          deadlineDays: steps[i]!.deadlineDays ?? null,
          handlers: people(p.handlers),
          candidates: p.candidates ? people(p.candidates) : null,
        })),
        problem: null,
      });
    } catch (err) {
      // A template that names nobody cleared for this document now is shown with the reason, not hidden.
      if (!(err instanceof AppError) || err.statusCode >= 500) throw err;
      offers.push({
        id: template.id,
        name: template.name,
        kind: template.kind,
        steps: [],
        problem: { code: err.code, message: err.message },
      });
    }
  }
  return offers;
}
