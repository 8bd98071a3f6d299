// 待办 centre text in English; the same keys as todo.zh-CN.ts.
import type todoZhCN from './todo.zh-CN.ts';

const todoEn: typeof todoZhCN = {
  title: 'To do',
  hint: 'Documents, meetings, minutes and supervision tasks waiting for you: overdue first, then by due date.',
  tabs: { open: 'To do', openCount: 'To do ({{count}})', done: 'Done' },
  allKinds: 'All',
  kinds: {
    doc_handle: 'Document step',
    doc_read: 'To read',
    doc_sign_for: 'To sign for',
    meeting_rsvp: 'Meeting reply',
    meeting_sign_in: 'Meeting sign-in',
    minutes_confirm: 'Minutes to confirm',
    task_sign: 'Task to sign',
    task_report: 'Task progress',
    task_accept: 'Task to accept',
    task_approve: 'Extension to decide',
  },
  doneKinds: {
    doc_opinion: 'Document opinion',
    doc_sign_for: 'Document signed for',
    meeting_rsvp: 'Meeting reply',
    meeting_sign_in: 'Meeting sign-in',
    minutes_confirm: 'Minutes answer',
    task_action: 'Task action',
  },
  signedFor: 'Signed for',
  signedIn: 'Signed in',
  urgency: { urgent: 'Urgent', critical: 'Most urgent' },
  due: 'Due {{date}}',
  overdue: 'Overdue',
  noDue: 'No deadline',
  since: 'Arrived {{time}}',
  empty: 'Nothing is waiting for you',
  emptyKind: 'Nothing of this kind is waiting',
  doneEmpty: 'Nothing done yet',
  total: '{{count}} in all',
  loadFailed: 'Could not load: {{message}}',
  more: 'All to-dos',
};

export default todoEn;
