// Small shared pieces of the supervision pages: status and overdue tags, and error text in the interface language.
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import type { TaskStatus } from '../../api/supervision.ts';
import zhCN from '../../i18n/zh-CN.ts';

const STATUS_COLORS: Record<TaskStatus, string> = {
  pending_sign: 'gold',
  in_progress: 'blue',
  extension_requested: 'purple',
  pending_acceptance: 'cyan',
  completed: 'green',
};

export function StatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="task-status">
      {t(`supervision.status.${status}`)}
    </Tag>
  );
}

/** Overdue tasks are highlighted wherever they appear. */
export function OverdueTag({ overdue, days }: { overdue: boolean; days: number }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <Tag color="red" data-testid="overdue-tag">
      {t('supervision.overdueTag', { days })}
    </Tag>
  );
}

type SupervisionError = keyof typeof zhCN.supervision.errors;

/** The module's own error codes first, then the application's. */
export function supervisionError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && Object.hasOwn(zhCN.supervision.errors, err.code))
    return t(`supervision.errors.${err.code as SupervisionError}`);
  return errorMessage(t, err);
}
