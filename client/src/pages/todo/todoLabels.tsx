// How one 待办 item reads wherever it is listed (the 待办 page, the home panel): its kind, urgency, due date or overdue,
// and what a 已办 action was, in the words the modules themselves use.
import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DoneKind, TodoKind } from '../../../../common/todo/vocabulary.ts';
import type { DoneItem, TodoItem } from '../../api/todo.ts';

const KIND_COLORS: Record<TodoKind, string> = {
  doc_handle: 'blue',
  doc_read: 'cyan',
  doc_sign_for: 'geekblue',
  meeting_rsvp: 'purple',
  meeting_sign_in: 'purple',
  minutes_confirm: 'magenta',
  task_sign: 'gold',
  task_report: 'gold',
  task_accept: 'gold',
  task_approve: 'gold',
};

export const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

export function TodoKindTag({ kind }: { kind: TodoKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} data-testid="todo-kind">
      {t(`todo.kinds.${kind}`)}
    </Tag>
  );
}

/** 紧急 and 特急 stand out; ordinary work carries no tag. */
export function TodoUrgencyTag({ urgency }: { urgency: TodoItem['urgency'] }) {
  const { t } = useTranslation();
  if (urgency === 'normal') return null;
  return <Tag color={urgency === 'critical' ? 'red' : 'orange'}>{t(`todo.urgency.${urgency}`)}</Tag>;
}

/** The deadline: red once past (the server decides, by its clock), otherwise when it falls due. */
export function TodoDueTag({ item }: { item: Pick<TodoItem, 'dueAt' | 'overdue'> }) {
  const { t } = useTranslation();
  if (!item.dueAt) return null;
  return (
    <Tag color={item.overdue ? 'red' : 'blue'} data-testid={item.overdue ? 'todo-overdue' : 'todo-due'}>
      {item.overdue ? `${t('todo.overdue')} · ${time(item.dueAt)}` : t('todo.due', { date: time(item.dueAt) })}
    </Tag>
  );
}

/** What was done, in the module's own words (同意, 参加, 已确认, 签收 …); an unknown word is shown as it is. */
export function doneAction(t: TFunction, item: DoneItem): string {
  const kind: DoneKind = item.kind;
  switch (kind) {
    case 'doc_opinion':
      return t(`officialDocs.opinions.decision.${item.action}`, { defaultValue: item.action });
    case 'doc_sign_for':
      return t('todo.signedFor');
    case 'meeting_rsvp':
      return t(`meetings.rsvp.${item.action}`, { defaultValue: item.action });
    case 'meeting_sign_in':
      return t('todo.signedIn');
    case 'minutes_confirm':
      return t(`minutes.bar.state.${item.action}`, { defaultValue: item.action });
    case 'task_action':
      return t(`supervision.events.${item.action}`, { defaultValue: item.action });
  }
}
