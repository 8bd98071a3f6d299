// The business workspace (documents, meetings, rooms, minutes, supervision) is for business users: the three
// administrators (三员分立) hold no business role and get 403 from every route of those areas, asked once per request
// by server/plugins/businessWorkspace.ts. Mounted in the RULES of index.ts.
import type { Subject } from '../auth/subject.ts';
import { business } from './predicates.ts';

export const workspaceRules = {
  'workspace.use': (s: Subject) => business(s),
};
