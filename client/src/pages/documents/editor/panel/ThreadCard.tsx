// One comment thread (批注) in the side panel: the quoted text, the comments with their authors and times, a reply
// box, resolve/reopen. Clicking the card selects the commented text in the document.
import { CheckOutlined, RedoOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Thread } from '../../../../api/documents.ts';
import { authorColor } from '../../../../editor/authorColors.ts';
import { MentionInput, type CommentDraft } from './MentionInput.tsx';

/** "@姓名" in a comment, shown as a mention. */
function withMentions(body: string): ReactNode[] {
  return body.split(/(@[^\s@，。、,.;；:：!！?？]+)/u).map((part, i) =>
    part.startsWith('@') ? (
      <span key={i} className="tb-mention">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

export function ThreadCard({
  documentId,
  thread,
  active,
  anchored,
  canReply,
  onSelect,
  onReply,
  onResolve,
}: {
  documentId: string;
  thread: Thread;
  active: boolean;
  anchored: boolean;
  canReply: boolean;
  onSelect: () => void;
  onReply: (draft: CommentDraft) => Promise<boolean>;
  onResolve: (resolved: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const resolved = thread.resolvedAt !== null;

  const toggleResolved = async () => {
    setBusy(true);
    try {
      await onResolve(!resolved);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      className={`tb-thread${active ? ' tb-thread--active' : ''}${resolved ? ' tb-thread--resolved' : ''}`}
      data-testid="thread"
      data-thread-id={thread.id}
      aria-current={active || undefined}
    >
      <button type="button" className="tb-thread__quote" onClick={onSelect} disabled={!anchored}>
        {anchored ? (
          thread.quote
        ) : (
          <>
            <Typography.Text type="secondary" italic className="tb-thread__gone">
              {t('documents.comments.anchorGone')}
            </Typography.Text>
            {thread.quote && <del>{thread.quote}</del>}
          </>
        )}
      </button>
      {resolved && (
        <Tag color="success" className="tb-thread__state">
          {t('documents.comments.resolved')}
        </Tag>
      )}
      <ol className="tb-thread__comments">
        {thread.comments.map((c) => (
          <li key={c.id} className="tb-comment-item">
            <Avatar size={28} style={{ backgroundColor: authorColor(c.authorId), flex: 'none' }}>
              {c.authorName.slice(-2)}
            </Avatar>
            <div className="tb-comment-item__main">
              <Flex gap={8} align="baseline" wrap>
                <Typography.Text strong>{c.authorName}</Typography.Text>
                <Typography.Text type="secondary" className="tb-small">
                  {dayjs(c.createdAt).format('MM-DD HH:mm')}
                </Typography.Text>
              </Flex>
              <div className="tb-comment-item__body">{withMentions(c.body)}</div>
            </div>
          </li>
        ))}
      </ol>
      {canReply &&
        (replying ? (
          <MentionInput
            documentId={documentId}
            placeholder={t('documents.comments.replyPlaceholder')}
            submitLabel={t('documents.comments.reply')}
            autoFocus
            testId="reply-input"
            onCancel={() => setReplying(false)}
            onSubmit={async (draft) => {
              const ok = await onReply(draft);
              if (ok) setReplying(false);
              return ok;
            }}
          />
        ) : (
          <Flex gap={4} justify="flex-end" wrap>
            <Button type="text" onClick={() => setReplying(true)}>
              {t('documents.comments.reply')}
            </Button>
            <Button
              type="text"
              icon={resolved ? <RedoOutlined /> : <CheckOutlined />}
              loading={busy}
              onClick={() => void toggleResolved()}
            >
              {resolved ? t('documents.comments.reopen') : t('documents.comments.resolve')}
            </Button>
          </Flex>
        ))}
    </article>
  );
}
