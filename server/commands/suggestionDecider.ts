// The owner accepts or rejects tracked changes: one, several, all, or all by one author. The state before the
// decisions is kept as a version, and the decisions are audited with each suggestion's author and time.
import { yXmlFragmentToProseMirrorRootNode, updateYFragment } from '@tiptap/y-tiptap';
import { recordAudit, type RequestContext } from '../audit/auditLog.ts';
import { decideSuggestions, listSuggestions, type SuggestionSummary } from '../../collab/review/suggestions.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../collab/schema/documentSchema.ts';
import { BadRequest } from '../errors.ts';
import type { Services } from '../services.ts';
import { inTransaction } from './transaction.ts';
import { createVersion } from './versionCreator.ts';

export interface DecisionInput {
  decision: 'accept' | 'reject';
  ids?: string[];
  authorId?: string;
  all?: boolean;
}

export async function decideOnSuggestions(svc: Services, ctx: RequestContext, documentId: string, input: DecisionInput): Promise<SuggestionSummary[]> {
  const chosen = [input.ids !== undefined, input.authorId !== undefined, input.all === true].filter(Boolean).length;
  if (chosen !== 1) throw new BadRequest('choose_suggestions', 'Give exactly one of ids, authorId or all');
  const schema = documentSchema();
  let decided: SuggestionSummary[] = [];
  const versionName = `审阅决定前 / before review decisions`;
  await createVersion(svc, ctx, documentId, versionName, 'review');
  await svc.collab.transact(documentId, ctx.actor?.id ?? '', (ydoc) => {
    const fragment = ydoc.getXmlFragment(DOCUMENT_FIELD);
    const current = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const all = listSuggestions(current);
    decided = all.filter((s) => input.all || (input.ids?.includes(s.id) ?? false) || (input.authorId !== undefined && s.authorId === input.authorId));
    if (decided.length === 0) return;
    const next = decideSuggestions(current, schema, decided.map((s) => s.id), input.decision);
    updateYFragment(ydoc, fragment, next, { mapping: new Map(), isOMark: new Map() });
  });
  if (input.ids && decided.length !== input.ids.length) {
    // Some ids were not (or no longer) in the document; the rest were decided.
    svc.log.info({ documentId, requested: input.ids.length, decided: decided.length }, 'some suggestions were already gone');
  }
  await inTransaction(svc, (tx) => recordAudit(tx, ctx, {
    action: input.decision === 'accept' ? 'document.suggestion_accept' : 'document.suggestion_reject',
    resourceType: 'document', resourceId: documentId,
    detail: { suggestions: decided.map((s) => ({ id: s.id, kinds: s.kinds, authorId: s.authorId, at: s.at, length: s.text.length })) },
  }));
  return decided;
}
