// Builders for tests that need minutes in a given state: opened, written through a real collab provider, finalised,
// confirmed, closed. Each step goes through the product's API, as the people involved would.
import type { EditorState } from '@tiptap/pm/state';
import { contentHash } from '../../server/domain/documents/contentHash.ts';
import { connectCollaborator, type Collaborator } from './collabClient.ts';
import { givenMeetingHeld } from './meetings.ts';
import type { TestApp, TestClient } from './testApp.ts';

export const minutesUrl = (meetingId: string, path = '') => `/api/meetings/${meetingId}/minutes${path}`;

function expectOk(res: { statusCode: number; body: string }, what: string, ok: number[] = [200]): void {
  if (!ok.includes(res.statusCode)) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/** The hash the minutes are signed over, of the document as the collab server holds it now. */
export async function minutesStateHash(t: TestApp, documentId: string): Promise<string> {
  return contentHash(await t.app.svc.collab.currentState(documentId), 'minutes');
}

/** Minutes opened from the template by the minute-taker (or host); returns the minutes document's id. */
export async function givenMinutes(minuteTaker: TestClient, meetingId: string): Promise<string> {
  const res = await minuteTaker.post(minutesUrl(meetingId));
  expectOk(res, 'minutes not opened', [200, 201]);
  return res.json().documentId as string;
}

/**
 * Writes into the minutes through a collab connection and waits until the server has it. The connection is left
 * open and returned (the caller closes it, or watches it being closed); `collaborators` collects it for clean-up.
 */
export async function writeMinutes(
  baseUrl: string,
  writer: TestClient,
  documentId: string,
  change: (state: EditorState) => EditorState['tr'],
  collaborators: Collaborator[],
): Promise<Collaborator> {
  const c = await connectCollaborator(baseUrl, writer, documentId);
  collaborators.push(c);
  c.edit(change);
  await c.acked();
  return c;
}

export async function givenFinalisedMinutes(minuteTaker: TestClient, meetingId: string): Promise<void> {
  expectOk(await minuteTaker.post(minutesUrl(meetingId, '/finalise')), 'minutes not finalised');
}

/** The meeting is held (started and ended, the clock moved to it) and the host closes the minutes. */
export async function givenClosedMinutes(t: TestApp, host: TestClient, meetingId: string): Promise<void> {
  const { status } = await t.app.svc.db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { status: true },
  });
  if (status === 'scheduled') await givenMeetingHeld(t, host, meetingId);
  expectOk(await host.post(minutesUrl(meetingId, '/close')), 'minutes not closed');
}
