// Builders for tests that need 公文: drafted and moved along through the API by the people who may, with a 正文 that
// passes the format check unless a test writes its own, and attachments (附件) attached as the drafter would.
import { updateYFragment } from '@tiptap/y-tiptap';
import { documentSchema, DOCUMENT_FIELD } from '../../common/schema/documentSchema.ts';
import { multipart } from './meetings.ts';
import type { TestClient } from './testApp.ts';

export const OFFICIAL_DOCS = '/api/official-documents';

/** The 正文 of the default 通知: an opening, two items numbered 一、二、, a closing line. */
export const NOTICE_BODY = [
  '为做好今年春季防汛工作，确保人民群众生命财产安全，现将有关事项通知如下：',
  '一、压实防汛责任',
  '各街道、各部门要落实防汛责任人，逐级明确包保责任。',
  '二、加强隐患排查',
  '汛前要对辖区内的重点部位开展一次全面排查，发现问题立即整改。',
  '特此通知。',
];

/** Writes paragraphs as the 正文 of a document, by its owner, through the collab server (as an editor would). */
export async function givenBody(owner: TestClient, documentId: string, paragraphs: readonly string[]): Promise<void> {
  const schema = documentSchema();
  const node = schema.node(
    'doc',
    null,
    paragraphs.map((p) => schema.nodes.paragraph!.create(null, p ? [schema.text(p)] : [])),
  );
  const { svc } = owner.app;
  const { ownerId } = await svc.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { ownerId: true } });
  await svc.collab.transact(documentId, ownerId, (ydoc) => {
    updateYFragment(ydoc, ydoc.getXmlFragment(DOCUMENT_FIELD), node, { mapping: new Map(), isOMark: new Map() });
  });
}

/** A 通知 drafted by `drafter`, its 正文 written (NOTICE_BODY unless given; null leaves it empty); returns its id. */
export async function givenOfficialDoc(
  drafter: TestClient,
  fields: Record<string, unknown> = {},
  body: readonly string[] | null = NOTICE_BODY,
): Promise<string> {
  // The 附件说明 follows the attachments (givenAttachment): a test may still say there are none.
  const { attachmentNotes, ...rest } = fields;
  if (Array.isArray(attachmentNotes) && attachmentNotes.length > 0)
    throw new Error('attach files with givenAttachment: the 附件说明 follows them');
  const res = await drafter.post(OFFICIAL_DOCS, {
    title: '关于做好2026年春季防汛工作的通知',
    kind: 'notice',
    urgency: 'none',
    mainRecipients: ['各街道办事处', '区政府各部门'],
    ...rest,
  });
  if (res.statusCode !== 201) throw new Error(`公文 not created: ${res.statusCode} ${res.body}`);
  const { id, documentId } = res.json() as { id: string; documentId: string };
  if (body) await givenBody(drafter, documentId, body);
  return id;
}

/** Attaches a file to a draft as its drafter (the next 附件, named `name` in the 附件说明); returns its id. */
export async function givenAttachment(
  drafter: TestClient,
  id: string,
  file: { fileName: string; mimeType: string; content: Buffer; name?: string },
): Promise<string> {
  const { payload, headers } = multipart(file.fileName, file.mimeType, file.content);
  const query = file.name === undefined ? '' : `?name=${encodeURIComponent(file.name)}`;
  const res = await drafter.request('POST', `${OFFICIAL_DOCS}/${id}/attachments${query}`, payload, headers);
  if (res.statusCode !== 201) throw new Error(`attachment refused: ${res.statusCode} ${res.body}`);
  const { items } = res.json() as { items: Array<{ id: string; fileName: string }> };
  return items.at(-1)!.id;
}

/** Sends the 公文 into a route; fails the test unless accepted. */
export async function givenSubmitted(drafter: TestClient, id: string, route: Record<string, unknown>): Promise<void> {
  const res = await drafter.post(`${OFFICIAL_DOCS}/${id}/submit`, route);
  if (res.statusCode !== 200) throw new Error(`公文 not submitted: ${res.statusCode} ${res.body}`);
}

/** One step action that must succeed. */
export async function givenStep(client: TestClient, id: string, body: Record<string, unknown>): Promise<void> {
  const res = await client.post(`${OFFICIAL_DOCS}/${id}/step`, body);
  if (res.statusCode !== 200) throw new Error(`step ${String(body.action)} refused: ${res.statusCode} ${res.body}`);
}
