// 归档 on the page of closed minutes or a completed supervision task: the button when the server says this person may
// ask for it (the detail's `archive.canRequest`, from the archive.request policy), and afterwards where the package
// stands — 已申请归档 while it is built and waits for sealing, 已归档 with its 档号 once sealed.
import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archiveApi } from '../../api/archive.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { ApiError } from '../../api/http.ts';
import zhCN from '../../i18n/zh-CN.ts';

export interface ArchiveStanding {
  status: 'queued' | 'built' | 'sealed' | null;
  archiveNumber: string | null;
  canRequest: boolean;
}

type ArchiveErrorCode = keyof typeof zhCN.archive.errors;
const isArchiveCode = (code: string): code is ArchiveErrorCode => Object.hasOwn(zhCN.archive.errors, code);

/** The archive's own refusals in the reader's language; anything else as the application says it. */
export function archiveError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && isArchiveCode(err.code)) return t(`archive.errors.${err.code}`);
  return errorMessage(t, err);
}

export function ArchiveStandingControl({
  objectType,
  objectId,
  standing,
  onChanged,
}: {
  objectType: 'minutes' | 'supervision_task';
  objectId: string;
  standing: ArchiveStanding;
  /** Archiving was asked for: the page reloads what it shows (the object is read-only from now on). */
  onChanged: () => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  if (standing.status === 'sealed')
    return (
      <Tag color="green" data-testid="archive-standing" data-status="sealed">
        {t('archive.request.sealed', { number: standing.archiveNumber ?? '' })}
      </Tag>
    );
  if (standing.status !== null)
    return (
      <Tag color="blue" data-testid="archive-standing" data-status={standing.status}>
        {t('archive.request.queued')}
      </Tag>
    );
  if (!standing.canRequest) return null;

  const request = async () => {
    setBusy(true);
    try {
      await archiveApi.request(objectType, objectId);
      message.success(t('archive.request.requested'));
      await onChanged();
    } catch (err) {
      message.error(archiveError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size="large"
      icon={<InboxOutlined />}
      loading={busy}
      data-testid="archive-request"
      onClick={() =>
        modal.confirm({
          title: t('archive.request.confirmTitle'),
          content: t('archive.request.confirm'),
          okText: t('common.confirm'),
          cancelText: t('common.cancel'),
          onOk: request,
        })
      }
    >
      {t('archive.request.button')}
    </Button>
  );
}
