// 修订: the tracked changes in document order with author and time; the owner accepts or rejects one, all, or all
// by one reviewer. Decisions are made by the server (which keeps a version first and writes an audit event) and come
// back to every editor through Yjs; the version list is refreshed here and in the other open editors.
import { CheckOutlined, CloseOutlined, DownOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { Alert, App, Avatar, Button, Dropdown, Empty, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type Decision } from '../../../../api/documents.ts';
import { errorMessage } from '../../../../api/errorMessage.ts';
import { selectRange } from '../../../../editor/commentAnchors.ts';
import { suggestionRanges, type SuggestionSummary } from '../../../../editor/useDocumentMarks.ts';

export function SuggestionsPanel({
  documentId,
  editor,
  suggestions,
  names,
  colors,
  canDecide,
  onDecided,
}: {
  documentId: string;
  editor: Editor;
  suggestions: SuggestionSummary[];
  names: ReadonlyMap<string, string>;
  colors: ReadonlyMap<string, string>;
  canDecide: boolean;
  /** A decision may have kept a version (or added to the one kept before this run of decisions). */
  onDecided: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const nameOf = (id: string | null) => (id ? names.get(id) : undefined) ?? t('documents.suggestions.unknownAuthor');
  const authors = [...new Set(suggestions.map((s) => s.authorId).filter((x): x is string => x !== null))];

  const decide = async (key: string, decision: Decision) => {
    setBusy(key);
    try {
      const { decided } = await documentsApi.decide(documentId, decision);
      message.success(t('documents.suggestions.decided', { count: decided }));
      await onDecided();
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(null);
    }
  };

  const decideAll = (decision: Decision['decision']) => {
    modal.confirm({
      title: t('documents.suggestions.confirmAll', {
        decision: t(`documents.suggestions.${decision}`),
        count: suggestions.length,
      }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => decide(`all:${decision}`, { decision, all: true }),
    });
  };

  const byAuthor = authors.flatMap((id) =>
    (['accept', 'reject'] as const).map((decision) => ({
      key: `${decision}:${id}`,
      label: t(decision === 'accept' ? 'documents.suggestions.acceptAuthor' : 'documents.suggestions.rejectAuthor', {
        name: nameOf(id),
      }),
      onClick: () => void decide(`author:${id}`, { decision, authorId: id }),
    })),
  );

  return (
    <Flex vertical gap={12} className="tb-panel-section" data-testid="suggestions-panel">
      {!canDecide && suggestions.length > 0 && (
        <Alert type="info" showIcon title={t('documents.suggestions.onlyOwner')} />
      )}
      {canDecide && suggestions.length > 0 && (
        <Flex gap={8} wrap>
          <Button icon={<CheckOutlined />} onClick={() => decideAll('accept')} loading={busy === 'all:accept'}>
            {t('documents.suggestions.acceptAll')}
          </Button>
          <Button icon={<CloseOutlined />} onClick={() => decideAll('reject')} loading={busy === 'all:reject'}>
            {t('documents.suggestions.rejectAll')}
          </Button>
          {authors.length > 0 && (
            <Dropdown menu={{ items: byAuthor }} trigger={['click']}>
              <Button>
                {t('documents.suggestions.byAuthor')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Flex>
      )}
      {suggestions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documents.suggestions.empty')} />
      ) : (
        suggestions.map((s) => {
          const color = (s.authorId ? colors.get(s.authorId) : undefined) ?? '#5b6476';
          const text = s.text.replaceAll('\u200B', '').trim();
          const deletion = s.kinds.includes('deletion') && !s.kinds.includes('insertion');
          return (
            <article
              key={s.id}
              className="tb-suggestion"
              data-testid="suggestion"
              data-suggestion-id={s.id}
              style={{ borderInlineStartColor: color }}
            >
              <button
                type="button"
                className="tb-suggestion__main"
                onClick={() => selectRange(editor, suggestionRanges(editor.state.doc).get(s.id))}
              >
                <Flex gap={8} align="center" wrap>
                  <Avatar size={28} style={{ backgroundColor: color, flex: 'none' }}>
                    {nameOf(s.authorId).slice(-2)}
                  </Avatar>
                  <Typography.Text strong>{nameOf(s.authorId)}</Typography.Text>
                  {s.kinds.map((k) => (
                    <Tag key={k} color={k === 'insertion' ? 'green' : k === 'deletion' ? 'red' : 'blue'}>
                      {t(`documents.suggestions.${k}`)}
                    </Tag>
                  ))}
                  {s.at && (
                    <Typography.Text type="secondary" className="tb-small">
                      {dayjs(s.at).format('MM-DD HH:mm')}
                    </Typography.Text>
                  )}
                </Flex>
                <Typography.Paragraph className="tb-suggestion__text" ellipsis={{ rows: 3 }} style={{ color }}>
                  {text ? (
                    deletion ? (
                      <del>{text}</del>
                    ) : (
                      <ins>{text}</ins>
                    )
                  ) : (
                    <Typography.Text type="secondary">{t('documents.suggestions.emptyText')}</Typography.Text>
                  )}
                </Typography.Paragraph>
              </button>
              {canDecide && (
                <Flex gap={8} justify="flex-end">
                  <Button
                    icon={<CheckOutlined />}
                    loading={busy === `accept:${s.id}`}
                    onClick={() => void decide(`accept:${s.id}`, { decision: 'accept', ids: [s.id] })}
                  >
                    {t('documents.suggestions.accept')}
                  </Button>
                  <Button
                    icon={<CloseOutlined />}
                    danger
                    loading={busy === `reject:${s.id}`}
                    onClick={() => void decide(`reject:${s.id}`, { decision: 'reject', ids: [s.id] })}
                  >
                    {t('documents.suggestions.reject')}
                  </Button>
                </Flex>
              )}
            </article>
          );
        })
      )}
    </Flex>
  );
}
