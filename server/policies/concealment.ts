// A refusal to read an object that exists looks exactly like its absence (the same 404, no hint that it exists) and
// carries what the audit log records about it: the object's kind and id (never its title), the action and why.
import type { Subject } from '../auth/subject.ts';
import { Concealed } from '../errors.ts';
import { business, clearedFor } from './predicates.ts';

/** Why an object is hidden from someone, as the `access.denied` event records it. */
export type HiddenReason = 'administrator' | 'not_cleared' | 'not_involved';

export function hiddenReason(subject: Subject, classification?: number): HiddenReason {
  if (!business(subject)) return 'administrator';
  if (classification !== undefined && !clearedFor(subject, classification)) return 'not_cleared';
  return 'not_involved';
}

/** An object as a refusal names it: how its 404 reads (`what`), its audit resource type and id, its classification. */
export interface HiddenObject {
  what: string;
  resourceType: string;
  id: string;
  classification?: number;
}

/** The 404 (and audit record) for an object the subject may not read, asked for through `action`. */
export function concealed(subject: Subject, object: HiddenObject, action: string): Concealed {
  return new Concealed(object.what, {
    resourceType: object.resourceType,
    resourceId: object.id,
    action,
    reason: hiddenReason(subject, object.classification),
  });
}
