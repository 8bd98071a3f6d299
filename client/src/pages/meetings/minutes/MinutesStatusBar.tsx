// Where the minutes of a meeting stand and what this person can do about them: the minute-taker finalises (the
// document turns read-only), resolves objections or reopens; attendees confirm or object with a comment; the host
// closes the confirmation, which freezes a signed version, and while objections hold it up sees them, who may answer
// them, and answers them there too; then anyone may download the PDF.
import {
  CheckOutlined,
  DownloadOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  FileTextOutlined,
  LockOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { minutesApi, type Confirmation, type MinutesInfo } from '../../../api/minutes.ts';
import { minutesError } from './minutesErrors.ts';
import { OpenObjections } from './OpenObjections.tsx';
import { ArchiveStandingControl } from '../../archive/ArchiveStandingControl.tsx';
import { useMinutes } from './useMinutes.ts';
import './minutes.css';
import { labelColon, listOf } from '../../../i18n/punctuation.ts';

const STATUS_COLOR = { drafting: 'default', confirming: 'processing', closed: 'success' } as const;
const STATE_COLOR = { pending: 'default', confirmed: 'green', objected: 'red' } as const;

type Ask = { kind: 'object' } | { kind: 'reopen' } | { kind: 'resolve'; confirmation: Confirmation };

export function MinutesStatusBar({
  meetingId,
  canCreate = false,
  inDocument = false,
  newTab = false,
  beforeFinalise,
  onChanged,
}: {
  meetingId: string;
  /** This person may begin the minutes (minute-taker, host, organiser): offered when there are none yet. */
  canCreate?: boolean;
  /** Shown above the minutes' own editor: no "open" button, and finalising first waits for this person's last keystrokes. */
  inDocument?: boolean;
  /** Open the minutes in another tab (from the meeting room, which must stay open). */
  newTab?: boolean;
  beforeFinalise?: () => Promise<void>;
  /** The minutes' status changed (the document's access changes with it). */
  onChanged?: () => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { state, reload } = useMinutes(meetingId);
  const [busy, setBusy] = useState<string | null>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const [text, setText] = useState('');

  const act = async (key: string, work: () => Promise<unknown>, done?: string) => {
    setBusy(key);
    try {
      await work();
      if (done) message.success(done);
      await reload();
      await onChanged?.();
    } catch (err) {
      message.error(minutesError(t, err));
    } finally {
      setBusy(null);
    }
  };

  const show = (documentId: string) => {
    if (newTab) window.open(`/documents/${encodeURIComponent(documentId)}`, '_blank', 'noopener');
    else navigate(`/documents/${encodeURIComponent(documentId)}`);
  };
  const create = () =>
    act('create', async () => {
      const { documentId } = await minutesApi.open(meetingId);
      await reload();
      show(documentId);
    });

  if (state.phase === 'loading' || state.phase === 'hidden') return null;
  if (state.phase === 'failed') return <Typography.Text type="danger">{minutesError(t, state.error)}</Typography.Text>;
  if (state.phase === 'none') {
    return (
      <Flex className="tb-minutes-bar" align="center" gap={12} wrap data-testid="minutes-bar" data-status="none">
        <FileTextOutlined />
        <Typography.Text type="secondary">{t('minutes.bar.notYet')}</Typography.Text>
        {canCreate && (
          <Button
            type="primary"
            size="large"
            icon={<EditOutlined />}
            loading={busy === 'create'}
            onClick={() => void create()}
            data-testid="minutes-create"
          >
            {t('minutes.bar.create')}
          </Button>
        )}
      </Flex>
    );
  }

  const minutes: MinutesInfo = state.minutes;
  const confirmed = minutes.confirmations.filter((c) => c.state === 'confirmed').length;
  const confirming = minutes.status === 'confirming';
  const myTurn = confirming && minutes.me.canConfirm && minutes.me.confirmation === 'pending';
  const blockers = minutes.me.closeBlockers;
  // The server sends blockers only to whoever may close (the host): they see the button, disabled, with the reason.
  const mayClose = confirming && (minutes.me.canClose || blockers.length > 0);

  const confirmStep = (key: string, title: string, content: string, work: () => Promise<unknown>, done: string) =>
    modal.confirm({
      title,
      content,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => act(key, work, done),
    });

  const submitAsk = () => {
    const value = text.trim();
    if (!ask) return;
    // An objection must say what is wrong and a resolution how it was answered; a reason to reopen is optional.
    if (!value && ask.kind !== 'reopen') {
      message.warning(ask.kind === 'resolve' ? t('minutes.bar.resolutionRequired') : t('minutes.bar.objectRequired'));
      return;
    }
    const current = ask;
    setAsk(null);
    setText('');
    switch (current.kind) {
      case 'object':
        void act('object', () => minutesApi.respond(meetingId, 'object', value), t('minutes.bar.objected'));
        return;
      case 'reopen':
        void act('reopen', () => minutesApi.reopen(meetingId, value), t('minutes.bar.reopened'));
        return;
      case 'resolve':
        void act(
          'resolve',
          () => minutesApi.resolve(meetingId, current.confirmation.userId, value),
          t('minutes.bar.resolved'),
        );
    }
  };
  const askText =
    ask === null
      ? null
      : {
          object: { title: t('minutes.bar.objectTitle'), label: t('minutes.bar.objectComment') },
          reopen: { title: t('minutes.bar.reopen'), label: t('minutes.bar.reopenReason') },
          resolve: {
            title: t('minutes.bar.resolveTitle', { name: ask.kind === 'resolve' ? ask.confirmation.name : '' }),
            label: t('minutes.bar.resolution'),
          },
        }[ask.kind];

  return (
    <div className="tb-minutes-bar" data-testid="minutes-bar" data-status={minutes.status}>
      <Flex align="center" gap={8} wrap>
        <FileTextOutlined />
        <Typography.Text strong>{t('minutes.bar.title')}</Typography.Text>
        <Tag color={STATUS_COLOR[minutes.status]} data-testid="minutes-status">
          {t(`minutes.bar.status.${minutes.status}`)}
        </Tag>
        {minutes.confirmations.length > 0 && minutes.status !== 'drafting' && (
          <Typography.Text type="secondary" data-testid="minutes-counts">
            {t('minutes.bar.counts', { confirmed, total: minutes.confirmations.length })}
          </Typography.Text>
        )}
        <span className="tb-grow" />
        <Space wrap>
          {!inDocument && (
            <Button
              size="large"
              icon={<FileTextOutlined />}
              onClick={() => show(minutes.documentId)}
              data-testid="minutes-open"
            >
              {t('minutes.bar.open')}
            </Button>
          )}
          {minutes.status === 'drafting' && minutes.me.canFinalise && (
            <Button
              size="large"
              type="primary"
              icon={<LockOutlined />}
              loading={busy === 'finalise'}
              data-testid="minutes-finalise"
              onClick={() =>
                confirmStep(
                  'finalise',
                  t('minutes.bar.finalise'),
                  t('minutes.bar.finaliseConfirm'),
                  async () => {
                    await beforeFinalise?.();
                    await minutesApi.finalise(meetingId);
                  },
                  t('minutes.bar.finalised'),
                )
              }
            >
              {t('minutes.bar.finalise')}
            </Button>
          )}
          {myTurn && (
            <>
              <Button
                size="large"
                type="primary"
                icon={<CheckOutlined />}
                loading={busy === 'confirm'}
                data-testid="minutes-confirm"
                onClick={() =>
                  void act('confirm', () => minutesApi.respond(meetingId, 'confirm'), t('minutes.bar.confirmed'))
                }
              >
                {t('minutes.bar.confirm')}
              </Button>
              <Button
                size="large"
                danger
                icon={<ExclamationCircleOutlined />}
                loading={busy === 'object'}
                onClick={() => setAsk({ kind: 'object' })}
                data-testid="minutes-object"
              >
                {t('minutes.bar.object')}
              </Button>
            </>
          )}
          {minutes.status !== 'drafting' && minutes.me.canReopen && (
            <Button
              size="large"
              loading={busy === 'reopen'}
              onClick={() => setAsk({ kind: 'reopen' })}
              data-testid="minutes-reopen"
            >
              {t('minutes.bar.reopen')}
            </Button>
          )}
          {mayClose && (
            <Tooltip
              title={
                blockers.length > 0
                  ? listOf(
                      t,
                      blockers.map((b) => t(`minutes.bar.blockers.${b}`)),
                      'semicolon',
                    )
                  : undefined
              }
            >
              <Button
                size="large"
                type="primary"
                disabled={blockers.length > 0}
                loading={busy === 'close'}
                data-testid="minutes-close"
                onClick={() =>
                  confirmStep(
                    'close',
                    t('minutes.bar.close'),
                    t('minutes.bar.closeConfirm'),
                    () => minutesApi.close(meetingId),
                    t('minutes.bar.closed'),
                  )
                }
              >
                {t('minutes.bar.close')}
              </Button>
            </Tooltip>
          )}
          {minutes.status === 'closed' && (
            <Button
              size="large"
              icon={<DownloadOutlined />}
              href={minutesApi.pdfUrl(meetingId)}
              download
              data-testid="minutes-pdf"
            >
              {t('minutes.bar.pdf')}
            </Button>
          )}
          <ArchiveStandingControl
            objectType="minutes"
            objectId={minutes.documentId}
            standing={minutes.archive}
            onChanged={async () => {
              await reload();
              await onChanged?.();
            }}
          />
        </Space>
      </Flex>
      {myTurn && <Typography.Text className="tb-minutes-bar__ask">{t('minutes.bar.myTurn')}</Typography.Text>}
      {mayClose && blockers.length > 0 && (
        <Typography.Text type="secondary" data-testid="minutes-close-blockers">
          {listOf(
            t,
            blockers.map((b) => t(`minutes.bar.blockers.${b}`)),
            'semicolon',
          )}
        </Typography.Text>
      )}
      {mayClose && blockers.includes('objections_open') && (
        <OpenObjections minutes={minutes} onResolve={(confirmation) => setAsk({ kind: 'resolve', confirmation })} />
      )}
      {minutes.status !== 'drafting' && minutes.confirmations.length > 0 && (
        <ul
          className="tb-minutes-confirmations"
          aria-label={t('minutes.bar.confirmations')}
          data-testid="minutes-confirmations"
        >
          {minutes.confirmations.map((c) => (
            <li key={c.userId} data-testid="minutes-confirmation" data-user-id={c.userId} data-state={c.state}>
              <Typography.Text>{c.name}</Typography.Text>
              <Typography.Text type="secondary">{c.unitName}</Typography.Text>
              <Tag color={STATE_COLOR[c.state]}>{t(`minutes.bar.state.${c.state}`)}</Tag>
              {c.comment && <Typography.Text type="secondary">{c.comment}</Typography.Text>}
              {c.resolution && (
                <Typography.Text type="success">
                  {c.resolvedBy
                    ? t('minutes.bar.resolvedWithBy', { name: c.resolvedBy.displayName, resolution: c.resolution })
                    : t('minutes.bar.resolvedWith', { resolution: c.resolution })}
                </Typography.Text>
              )}
              {c.state === 'objected' && !c.resolution && confirming && minutes.me.canResolve && (
                <Button
                  size="small"
                  onClick={() => setAsk({ kind: 'resolve', confirmation: c })}
                  data-testid="minutes-resolve"
                >
                  {t('minutes.bar.resolve')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {minutes.status === 'closed' && minutes.version && (
        <Flex gap={16} wrap className="tb-minutes-seal" data-testid="minutes-seal">
          {minutes.closedAt && (
            <Typography.Text type="secondary">
              {t('minutes.bar.closedAt', { time: dayjs(minutes.closedAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            {labelColon(t, t('minutes.bar.hash'))}
            <Typography.Text code copyable={{ text: minutes.version.contentHash }} data-testid="minutes-hash">
              {minutes.version.contentHash.slice(0, 16)}…
            </Typography.Text>
          </Typography.Text>
          <Typography.Text type="secondary">
            {labelColon(t, t('minutes.bar.signature'))}
            <Typography.Text code copyable={{ text: minutes.version.signature }} data-testid="minutes-signature">
              {minutes.version.signature.slice(0, 16)}…
            </Typography.Text>
          </Typography.Text>
        </Flex>
      )}
      <Modal
        open={ask !== null}
        title={askText?.title}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onOk={submitAsk}
        onCancel={() => {
          setAsk(null);
          setText('');
        }}
        okButtonProps={{ size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        destroyOnHidden
      >
        {ask?.kind === 'resolve' && ask.confirmation.comment && (
          <Typography.Paragraph type="secondary">{ask.confirmation.comment}</Typography.Paragraph>
        )}
        {ask?.kind === 'reopen' && (
          <Typography.Paragraph type="secondary">{t('minutes.bar.reopenConfirm')}</Typography.Paragraph>
        )}
        <Input.TextArea
          aria-label={askText?.label}
          placeholder={askText?.label}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={ask?.kind === 'reopen' ? 500 : 2000}
          autoSize={{ minRows: 3, maxRows: 8 }}
        />
      </Modal>
    </div>
  );
}
