// An opinion as a handler gives it: typed text, handwriting (手写签批) or both. The handwriting is checked against the
// ink limits before anything is written; an opinion written by hand only is recorded with a stand-in text for those
// that read text (notifications, the trail, the list of opinions in an export).
import { checkOpinionInk, HANDWRITTEN_OPINION_TEXT } from '../../../common/officialDocs/opinionInk.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from './refusalAudit.ts';

export interface OpinionInput {
  opinion: string;
  /** The strokes as the client sent them; checked here (common/officialDocs/opinionInk.ts). */
  ink?: unknown;
}

export interface GivenOpinion {
  text: string;
  /** The checked handwriting as stored (JSON), or null for a typed opinion. */
  ink: string | null;
}

/** The opinion to record, or a 400 (audited under `action`) for no opinion at all or handwriting over the limits. */
export async function givenOpinion(
  svc: Services,
  ctx: RequestContext,
  id: string,
  action: string,
  input: OpinionInput,
): Promise<GivenOpinion> {
  const audit = { action, resourceType: 'official_document', resourceId: id };
  return auditingRefusals(svc, ctx, audit, async () => {
    const typed = input.opinion.trim();
    if (input.ink === undefined || input.ink === null) {
      if (!typed) throw officialDocError(400, 'opinion_required');
      return { text: typed, ink: null };
    }
    const checked = checkOpinionInk(input.ink);
    if (!checked.ok) throw officialDocError(400, 'ink_invalid', checked.problem);
    return { text: typed || HANDWRITTEN_OPINION_TEXT, ink: JSON.stringify(checked.ink) };
  });
}
