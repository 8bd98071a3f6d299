// Marking content with a classification (公开, 内部, 秘密, 机密): a person gives a document, meeting or task only a
// classification they are themselves cleared for. Mounted in the RULES of index.ts.
import type { Subject } from '../auth/subject.ts';
import { clearedFor } from './predicates.ts';

export interface ClassificationResource {
  kind: 'classification';
  level: number;
}

export const classificationResource = (level: number): ClassificationResource => ({ kind: 'classification', level });

export const classificationRules = {
  'classification.assign': (s: Subject, r: { kind: string }) =>
    r.kind === 'classification' && clearedFor(s, (r as ClassificationResource).level),
};
