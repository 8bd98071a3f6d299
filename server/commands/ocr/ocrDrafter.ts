// 用识别文字新建文稿: a new draft of the reader's own, at the classification of the file it was recognised from, whose
// body is the recognised text, one paragraph a line — written into its Yjs state through the collab server like any
// other change. The caller has already opened the text through the file's own read rule (and audited it).
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { InvalidState } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { createDocument } from '../documents/documentCreator.ts';
import { seedBody } from '../officialDocs/templateDrafting.ts';

export interface RecognisedSource {
  title: string;
  classification: number;
  text: string | null;
}

/** The recognised text as a document: a paragraph a line, blank lines dropped. */
function bodyOf(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return JSON.stringify({
    type: 'doc',
    content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  });
}

export async function draftFromRecognisedText(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  source: RecognisedSource,
): Promise<{ id: string }> {
  if (source.text === null)
    throw new InvalidState('ocr_not_done', 'The file has not been recognised yet (or could not be)');
  const { id } = await createDocument(svc, ctx, subject, {
    kind: 'draft',
    title: `${source.title.slice(0, 180)}（识别文字）`,
    classification: source.classification,
  });
  await seedBody(svc, id, subject.id, bodyOf(source.text));
  return { id };
}
