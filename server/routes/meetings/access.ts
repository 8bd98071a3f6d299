// Loads what the policies need about a meeting and asks them. Someone who may not even see the meeting gets 404, so
// its existence is not revealed (and the refusal is audited); someone who sees it but may not do this gets 403.
import type { FastifyInstance } from 'fastify';
import type { Subject } from '../../auth/subject.ts';
import { NotFound } from '../../errors.ts';
import { authorize, type Action, type MeetingResource } from '../../policies/index.ts';
import { meetingFacts } from '../../queries/meetings/meetingFacts.ts';

export async function meetingFor(
  app: FastifyInstance,
  subject: Subject,
  id: string,
  action: Action,
): Promise<MeetingResource> {
  const { db } = app.svc;
  const resource = await meetingFacts(db, subject, id);
  if (!resource) throw new NotFound('meeting');
  authorize(subject, action, resource);
  return resource;
}
