// The attachments (附件) of a 公文: everyone who reads the 公文 reads (downloads) them; only its drafter changes them
// (upload, rename, reorder, remove), and only while it is a draft — drafted, returned or withdrawn to them — the same
// moment the transition table lets them edit its fields. From 送审 on they travel with it; from 签发 on they are frozen.
import type { Subject } from '../auth/subject.ts';
import { decide } from '../domain/officialDocs/lifecycle.ts';
import type { AppError } from '../errors.ts';
import { canViewOfficialDoc, officialDocError, officialDocRoles, type OfficialDocResource } from './officialDocs.ts';

type Rule = (s: Subject, r: { kind: string }) => boolean;
const onDoc =
  (rule: (s: Subject, d: OfficialDocResource) => boolean): Rule =>
  (s, r) =>
    r.kind === 'officialDoc' && rule(s, r as OfficialDocResource);

/** Attachment actions, mounted in the RULES of index.ts. */
export const officialDocAttachmentRules = {
  'officialDoc.attachment.read': onDoc((s, d) => canViewOfficialDoc(s, d.facts, d.actingFor)),
  'officialDoc.attachment.edit': onDoc((s, d) => decide(d.facts.route.status, 'edit', officialDocRoles(s, d)).ok),
};

/**
 * How a refused change reads: the 公文 is in its route (409, it comes back to the drafter only by a return or a
 * withdrawal), frozen from 签发 on (409), or a draft that is not the subject's (403).
 */
export function attachmentRefusal(d: OfficialDocResource): AppError {
  switch (d.facts.route.status) {
    case 'draft':
      return officialDocError(403, 'attachments_forbidden');
    case 'in_route':
      return officialDocError(409, 'attachments_in_route');
    default:
      return officialDocError(409, 'attachments_frozen');
  }
}
