// Loads what the policies need about a meeting and asks them. Someone who may not even see the meeting gets 404, so
// its existence is not revealed; someone who sees it but may not do this gets 403.
import type { FastifyInstance } from 'fastify';
import type { Subject } from '../../auth/subject.ts';
import { NotFound } from '../../errors.ts';
import { authorize, can, type Action, type MeetingResource } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';

export async function meetingFor(app: FastifyInstance, subject: Subject, id: string, action: Action): Promise<MeetingResource> {
  const row = await app.svc.db.meeting.findUnique({ where: { id }, select: meetingFactsSelect(subject.id) });
  if (!row) throw new NotFound('meeting');
  const resource = meetingResource(row);
  if (!can(subject, 'meeting.view', resource)) throw new NotFound('meeting');
  authorize(subject, action, resource);
  return resource;
}
