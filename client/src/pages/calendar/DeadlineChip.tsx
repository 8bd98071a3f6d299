// One deadline on the calendar: a 公文 step's 办理时限 or a task's deadline, red once overdue, linking to its page.
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CalendarDeadline } from '../../api/workbench.ts';
import { labelled } from '../../i18n/punctuation.ts';

export function DeadlineChip({ deadline: d }: { deadline: CalendarDeadline }) {
  const { t } = useTranslation();
  const to = d.kind === 'task' ? `/supervision/tasks/${d.id}` : `/official-documents/${d.id}`;
  const kind = t(`workbench.calendar.kinds.${d.kind}`);
  const tip = [labelled(t, kind, d.detail), d.title, d.overdue ? t('workbench.calendar.overdue') : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tip}>
      <Link
        to={to}
        className={`tb-deadline tb-deadline--${d.kind}${d.overdue ? ' tb-deadline--overdue' : ''}`}
        data-testid="calendar-deadline"
        data-kind={d.kind}
        data-id={d.id}
      >
        {d.title}
      </Link>
    </Tooltip>
  );
}
