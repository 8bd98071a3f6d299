// What sending a 公文 into its route (送审) checks and keeps besides the route itself: the format check on the record
// and the current 正文 (errors refuse with 422 format_errors listing each problem in Chinese and English; warnings do
// not block), and each step's deadline in working days.
import { OFFICIAL_DOC_ERRORS } from '../../../common/officialDocs/errors.ts';
import type { Tx } from '../../db/client.ts';
import { stepDueInstant } from '../../domain/officialDocs/stepDeadlines.ts';
import { AppError } from '../../errors.ts';
import type { LoadedOfficialDoc } from '../../queries/officialDocs/officialDocFacts.ts';
import { formatErrorsIn, formatProblems } from '../../queries/officialDocs/formatProblems.ts';
import type { Services } from '../../services.ts';

/**
 * Refuses a submission whose 公文 has format errors. Called by the route's transaction once the route engine has
 * accepted the person and the plan, so only someone who may send it learns what the check finds.
 */
export async function refuseFormatErrors(svc: Services, row: LoadedOfficialDoc): Promise<void> {
  // A 收文 is the sender's document as it came (often a scan): its format is theirs, not ours to check.
  if (row.direction === 'incoming') return;
  const errors = formatErrorsIn(await formatProblems(svc, row));
  if (errors.length === 0) return;
  const { zh, en } = OFFICIAL_DOC_ERRORS.format_errors;
  throw new AppError(
    422,
    'format_errors',
    `${en}: ${errors.map((p) => p.en).join('; ')} (${zh}：${errors.map((p) => p.zh).join('；')})`,
    { problems: errors },
  );
}

/** The steps' deadlines (办理时限) as submitted, replacing those of an earlier submission. */
export async function saveStepDeadlines(
  tx: Tx,
  officialDocumentId: string,
  steps: ReadonlyArray<{ id: string; deadlineDays?: number | undefined }>,
): Promise<void> {
  await tx.officialDocumentStepDeadline.deleteMany({ where: { officialDocumentId } });
  const timed = steps.filter((s) => s.deadlineDays !== undefined);
  if (timed.length > 0)
    await tx.officialDocumentStepDeadline.createMany({
      data: timed.map((s) => ({ officialDocumentId, stepId: s.id, workingDays: s.deadlineDays! })),
    });
  // The 待办 centre's copy on the rows of the step the 公文 now waits on (written by the route a moment before).
  await tx.officialDocumentHandler.updateMany({
    where: { officialDocumentId },
    data: { workingDays: null, dueAt: null },
  });
  for (const s of timed) {
    // The due instant counts from each row's arrival (the rows of a step arrive together; grouped to be sure).
    const arrivals = await tx.officialDocumentHandler.findMany({
      where: { officialDocumentId, stepId: s.id },
      select: { since: true },
      distinct: ['since'],
    });
    for (const { since } of arrivals)
      await tx.officialDocumentHandler.updateMany({
        where: { officialDocumentId, stepId: s.id, since },
        data: { workingDays: s.deadlineDays!, dueAt: stepDueInstant(since, s.deadlineDays!) },
      });
  }
}
