// The editor's header: title (renamable by the owner), kind and classification, the person's access shown plainly
// (只读 / 仅批注 / 修订模式 / 可编辑), who else is here, the connection state, and the owner's review-mode switch, sharing
// and export.
import {
  ArrowLeftOutlined,
  CloudOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  DownloadOutlined,
  ShareAltOutlined,
} from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex, Switch, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { documentsApi, type DocumentInfo } from '../../../api/documents.ts';
import { errorMessage } from '../../../api/errorMessage.ts';
import { clearanceLabel } from '../../../components/labels.ts';
import type { DocumentConnection } from '../../../editor/documentConnection.ts';
import type { Participant } from '../../../editor/presence.ts';
import { AccessTag, kindLabel, statusLabel } from '../documentLabels.tsx';
import { WorkflowMenu } from './WorkflowMenu.tsx';

const SLOW_ACK_MS = 800;

function ConnectionIndicator({ connection }: { connection: DocumentConnection }) {
  const { t } = useTranslation();
  const { status, pending } = useSyncExternalStore(connection.subscribe, connection.getState);
  // Every keystroke is unacknowledged for a few milliseconds; only a wait that lasts is worth showing.
  const waiting = pending > 0;
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!waiting) return undefined;
    const timer = setTimeout(() => setSlow(true), SLOW_ACK_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  if (status === 'offline')
    return (
      <Tag icon={<DisconnectOutlined />} color="warning" data-testid="connection">
        {t('documents.editor.status.offline')}
      </Tag>
    );
  if (status === 'connecting')
    return (
      <Tag icon={<CloudSyncOutlined />} data-testid="connection">
        {t('documents.editor.status.connecting')}
      </Tag>
    );
  if (slow && pending > 0)
    return (
      <Tag icon={<CloudSyncOutlined />} color="processing" data-testid="connection" data-pending={pending}>
        {t('documents.editor.status.pending', { count: pending })}
      </Tag>
    );
  return (
    <Tag icon={<CloudOutlined />} color="success" data-testid="connection" data-pending={pending}>
      {t('documents.editor.status.online')}
    </Tag>
  );
}

function Presence({ participants }: { participants: Participant[] }) {
  const { t, i18n } = useTranslation();
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    participants.map((p) => `${p.name}${p.self ? t('documents.editor.you') : ''}`),
  );
  return (
    <Tooltip title={names}>
      <Flex
        align="center"
        gap={6}
        data-testid="presence"
        aria-label={t('documents.editor.here', { count: participants.length })}
      >
        <Avatar.Group max={{ count: 5 }} size={36}>
          {participants.map((p) => (
            <Avatar
              key={p.id}
              style={{ backgroundColor: p.color, border: p.self ? '2px solid #fff' : undefined }}
              data-testid="presence-user"
              data-name={p.name}
            >
              {p.name.slice(-2)}
            </Avatar>
          ))}
        </Avatar.Group>
      </Flex>
    </Tooltip>
  );
}

export function EditorHeader({
  info,
  isOwner,
  connection,
  participants,
  onInfoChanged,
  onStepped,
  onShare,
  panelToggle,
}: {
  info: DocumentInfo;
  /** The owner keeps the workflow even when the document is read-only for everyone (finalised). */
  isOwner: boolean;
  connection: DocumentConnection;
  participants: Participant[];
  /** The owner changed a setting: adopt the answer and tell the others. */
  onInfoChanged: (info: DocumentInfo) => void;
  /** A workflow step was taken: status, access and versions changed on the server. */
  onStepped: () => Promise<void>;
  onShare: () => void;
  panelToggle: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [switching, setSwitching] = useState(false);
  const owner = info.access === 'manage';

  const patch = async (changes: Parameters<typeof documentsApi.update>[1]) => {
    try {
      onInfoChanged(await documentsApi.update(info.id, changes));
      return true;
    } catch (err) {
      message.error(errorMessage(t, err));
      return false;
    }
  };

  const toggleReview = async (on: boolean) => {
    setSwitching(true);
    if (await patch({ reviewMode: on }))
      message.success(on ? t('documents.editor.reviewModeTurnedOn') : t('documents.editor.reviewModeOff'));
    setSwitching(false);
  };

  const exportUrl = (format: 'docx' | 'pdf', suggestions: 'show' | 'apply') =>
    `/api/documents/${encodeURIComponent(info.id)}/export?format=${format}&suggestions=${suggestions}`;
  const exportItems = [
    {
      key: 'docx',
      label: (
        <a href={exportUrl('docx', 'show')} download>
          {t('documents.editor.exportDocx')}
        </a>
      ),
    },
    {
      key: 'pdf',
      label: (
        <a href={exportUrl('pdf', 'show')} download>
          {t('documents.editor.exportPdf')}
        </a>
      ),
    },
    {
      key: 'pdf-clean',
      label: (
        <a href={exportUrl('pdf', 'apply')} download>
          {t('documents.editor.exportPdfApplied')}
        </a>
      ),
    },
  ];

  return (
    <header className="tb-editor-head" data-testid="editor-head">
      <Flex align="center" gap={8} className="tb-editor-head__row">
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          className="tb-tool"
          aria-label={t('documents.editor.back')}
          onClick={() => navigate('/documents')}
        />
        <Typography.Title
          level={4}
          className="tb-editor-title"
          editable={
            owner
              ? {
                  onChange: (title) => {
                    if (title.trim() && title.trim() !== info.title) void patch({ title: title.trim() });
                  },
                  triggerType: ['icon', 'text'],
                }
              : false
          }
          data-testid="document-title"
        >
          {info.title}
        </Typography.Title>
        <Flex gap={4} wrap className="tb-editor-head__tags">
          <Tag>{kindLabel(t, info.kind)}</Tag>
          <Tag color={info.classification === 'public' ? 'default' : 'volcano'}>
            {clearanceLabel(t, info.classification)}
          </Tag>
          <Tag
            color={info.status === 'finalised' ? 'success' : info.status === 'submitted' ? 'processing' : 'default'}
            data-testid="document-status"
          >
            {statusLabel(t, info.status)}
          </Tag>
        </Flex>
      </Flex>
      <Flex align="center" gap={8} wrap className="tb-editor-head__row tb-editor-head__row--status">
        <AccessTag access={info.access} />
        {info.reviewMode && (
          <Tooltip title={t('documents.editor.reviewModeOn')}>
            <Tag color="purple" data-testid="review-mode-on">
              {t('documents.editor.reviewMode')}
            </Tag>
          </Tooltip>
        )}
        <ConnectionIndicator connection={connection} />
        <span className="tb-grow" />
        <Presence participants={participants} />
        {owner && (
          <label className="tb-switch-label">
            <Switch
              checked={info.reviewMode}
              loading={switching}
              onChange={(on) => void toggleReview(on)}
              data-testid="review-mode"
            />
            {t('documents.editor.reviewMode')}
          </label>
        )}
        {owner && (
          <Button icon={<ShareAltOutlined />} onClick={onShare} aria-label={t('documents.editor.share')}>
            <span className="tb-label-wide">{t('documents.editor.share')}</span>
          </Button>
        )}
        {isOwner && info.kind === 'draft' && (
          <WorkflowMenu info={info} beforeStep={() => connection.acknowledged()} onStepped={onStepped} />
        )}
        <Dropdown menu={{ items: exportItems }} trigger={['click']}>
          <Button icon={<DownloadOutlined />} aria-label={t('documents.editor.export')}>
            <span className="tb-label-wide">{t('documents.editor.export')}</span>
          </Button>
        </Dropdown>
        {panelToggle}
      </Flex>
    </header>
  );
}
