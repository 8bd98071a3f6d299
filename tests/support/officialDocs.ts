// Builders for tests that need 公文: drafted and moved along through the API by the people who may.
import type { TestClient } from './testApp.ts';

export const OFFICIAL_DOCS = '/api/official-documents';

/** A 通知 drafted by `drafter`; returns its id. */
export async function givenOfficialDoc(drafter: TestClient, fields: Record<string, unknown> = {}): Promise<string> {
  const res = await drafter.post(OFFICIAL_DOCS, {
    title: '关于做好2026年春季防汛工作的通知',
    kind: 'notice',
    urgency: 'none',
    mainRecipients: ['各街道办事处', '区政府各部门'],
    attachmentNotes: ['防汛责任人名单'],
    ...fields,
  });
  if (res.statusCode !== 201) throw new Error(`公文 not created: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
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
