// The owner accepts or rejects tracked changes: one, several, all, or all by one author. The state before the
// decisions is kept as a version, one per review session (domain/documents/reviewSession.ts): decisions in a row by the
// same person, with no edit or other version in between, share the version taken before the first of them, named by
// key (review_decisions) with who decided and how many. Each decision is audited with each suggestion's author and
// time.
import { yXmlFragmentToProseMirrorRootNode, updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { decideSuggestions, listSuggestions, type SuggestionSummary } from '../../../common/review/suggestions.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { reviewSessionVerdict } from '../../domain/documents/reviewSession.ts';
import type { VersionNameParams } from '../../domain/documents/versionNames.ts';
import { BadRequest } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { createVersion } from './versionCreator.ts';
import { docContentHash } from '../../domain/documents/contentHash.ts';

export interface DecisionInput {
  decision: 'accept' | 'reject';
  ids?: string[];
  authorId?: string;
  all?: boolean;
}

type Chooser = (all: SuggestionSummary[]) => SuggestionSummary[];

export async function decideOnSuggestions(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  input: DecisionInput,
): Promise<SuggestionSummary[]> {
  const chosen = [input.ids !== undefined, input.authorId !== undefined, input.all === true].filter(Boolean).length;
  if (chosen !== 1) throw new BadRequest('choose_suggestions', 'Give exactly one of ids, authorId or all');
  const choose: Chooser = (all) =>
    all.filter(
      (s) =>
        input.all ||
        (input.ids?.includes(s.id) ?? false) ||
        (input.authorId !== undefined && s.authorId === input.authorId),
    );
  const schema = documentSchema();
  const actorId = ctx.actor?.id ?? '';

  const doc = await svc.db.document.findUniqueOrThrow({
    where: { id: documentId },
    select: { kind: true, reviewSession: true },
  });
  const now = new Y.Doc({ gc: false });
  let hashBefore: string;
  try {
    Y.applyUpdate(now, await svc.collab.currentState(documentId));
    // Nothing of the choice is left (decided in another tab, say): no version, no session, nothing to audit.
    if (
      choose(listSuggestions(yXmlFragmentToProseMirrorRootNode(now.getXmlFragment(DOCUMENT_FIELD), schema))).length ===
      0
    )
      return [];
    hashBefore = docContentHash(now, doc.kind, svc.config.hash);
  } finally {
    now.destroy();
  }
  const open = doc.reviewSession;
  const verdict = reviewSessionVerdict(open, { actorId, contentHash: hashBefore, at: ctx.at });
  const versionId =
    verdict.continues && open
      ? open.versionId
      : (
          await createVersion(
            svc,
            ctx,
            documentId,
            { key: 'review_decisions', params: { byId: actorId, decisions: 0 } },
            'review',
          )
        ).id;

  let decided: SuggestionSummary[] = [];
  let hashAfter = hashBefore;
  await svc.collab.transact(documentId, actorId, (ydoc) => {
    const fragment = ydoc.getXmlFragment(DOCUMENT_FIELD);
    const current = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    decided = choose(listSuggestions(current));
    if (decided.length > 0) {
      const next = decideSuggestions(
        current,
        schema,
        decided.map((s) => s.id),
        input.decision,
      );
      updateYFragment(ydoc, fragment, next, { mapping: new Map(), isOMark: new Map() });
    }
    // Taken inside the change, so an edit arriving right after it is not mistaken for part of this decision.
    hashAfter = docContentHash(ydoc, doc.kind, svc.config.hash);
  });
  if (input.ids && decided.length !== input.ids.length) {
    // Some ids were not (or no longer) in the document; the rest were decided.
    svc.log.info(
      { documentId, requested: input.ids.length, decided: decided.length },
      'some suggestions were already gone',
    );
  }
  await inTransaction(svc, async (tx) => {
    const session = await tx.reviewSession.upsert({
      where: { documentId },
      create: { documentId, versionId, actorId, decisions: decided.length, contentHash: hashAfter, lastAt: ctx.at },
      update: {
        versionId,
        actorId,
        decisions: verdict.continues ? { increment: decided.length } : decided.length,
        contentHash: hashAfter,
        lastAt: ctx.at,
      },
    });
    const params: VersionNameParams['review_decisions'] = { byId: actorId, decisions: session.decisions };
    await tx.documentVersion.update({ where: { id: versionId }, data: { nameParams: JSON.stringify(params) } });
    await recordAudit(tx, ctx, {
      action: input.decision === 'accept' ? 'document.suggestion_accept' : 'document.suggestion_reject',
      resourceType: 'document',
      resourceId: documentId,
      detail: {
        versionId,
        session: verdict.continues ? 'continued' : verdict.why,
        suggestions: decided.map((s) => ({
          id: s.id,
          kinds: s.kinds,
          authorId: s.authorId,
          at: s.at,
          length: s.text.length,
        })),
      },
    });
  });
  return decided;
}
