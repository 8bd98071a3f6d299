// 批注: the threads of the document in the order of their anchors, filtered open/resolved, with the box for a new
// comment on the captured selection. A new thread is created on the server first, then anchored with a comment mark.
import { Alert, App, Empty, Flex, Segmented, Typography } from 'antd';
import type { Editor } from '@tiptap/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type Thread } from '../../../../api/documents.ts';
import { errorMessage } from '../../../../api/errorMessage.ts';
import {
  anchorThread,
  inDocumentOrder,
  selectRange,
  threadAnchors,
  type CapturedSelection,
} from '../../../../editor/commentAnchors.ts';
import { MentionInput, type CommentDraft } from './MentionInput.tsx';
import { ThreadCard } from './ThreadCard.tsx';

type Filter = 'open' | 'resolved' | 'all';

export function CommentsPanel({
  documentId,
  editor,
  threads,
  anchoredIds,
  canComment,
  pending,
  onPendingDone,
  activeThreadId,
  onActivate,
  onChanged,
}: {
  documentId: string;
  editor: Editor;
  threads: Thread[];
  anchoredIds: string[];
  canComment: boolean;
  /** The selection captured by "add comment", waiting for its text. */
  pending: CapturedSelection | null;
  onPendingDone: () => void;
  activeThreadId: string | null;
  onActivate: (threadId: string) => void;
  /** Threads changed on the server: reload and tell the others. */
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('open');
  const anchored = useMemo(() => new Set(anchoredIds), [anchoredIds]);
  const shown = useMemo(
    () =>
      inDocumentOrder(threads, anchoredIds).filter(
        (th) => filter === 'all' || (filter === 'open') === (th.resolvedAt === null),
      ),
    [threads, anchoredIds, filter],
  );

  const guarded = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      await onChanged();
      return true;
    } catch (err) {
      message.error(errorMessage(t, err));
      return false;
    }
  };

  const create = (draft: CommentDraft) =>
    guarded(async () => {
      if (!pending) return;
      const { threadId } = await documentsApi.openThread(documentId, { quote: pending.quote, ...draft });
      if (!anchorThread(editor, pending, threadId)) message.warning(t('documents.comments.quoteGone'));
      else message.success(t('documents.comments.created'));
      onPendingDone();
      onActivate(threadId);
      setFilter((f) => (f === 'resolved' ? 'open' : f));
    });

  const select = (thread: Thread) => {
    onActivate(thread.id);
    selectRange(editor, threadAnchors(editor.state.doc).get(thread.id));
  };

  const openCount = threads.filter((th) => th.resolvedAt === null).length;
  return (
    <Flex vertical gap={12} className="tb-panel-section" data-testid="comments-panel">
      {pending && (
        <div className="tb-thread tb-thread--new">
          <Typography.Paragraph className="tb-thread__quote tb-thread__quote--static" ellipsis={{ rows: 3 }}>
            {pending.quote}
          </Typography.Paragraph>
          <MentionInput
            documentId={documentId}
            placeholder={t('documents.comments.placeholder')}
            submitLabel={t('documents.comments.submit')}
            autoFocus
            testId="new-comment"
            onCancel={onPendingDone}
            onSubmit={create}
          />
        </div>
      )}
      {!canComment && <Alert type="info" showIcon title={t('documents.comments.readOnly')} />}
      <Segmented<Filter>
        block
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'open', label: `${t('documents.comments.filterOpen')} ${openCount}` },
          { value: 'resolved', label: `${t('documents.comments.filterResolved')} ${threads.length - openCount}` },
          { value: 'all', label: t('documents.comments.filterAll') },
        ]}
      />
      {shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={filter === 'resolved' ? t('documents.comments.emptyResolved') : t('documents.comments.empty')}
        />
      ) : (
        shown.map((thread) => (
          <ThreadCard
            key={thread.id}
            documentId={documentId}
            thread={thread}
            active={thread.id === activeThreadId}
            anchored={anchored.has(thread.id)}
            canReply={canComment}
            onSelect={() => select(thread)}
            onReply={(draft) => guarded(() => documentsApi.reply(documentId, thread.id, draft))}
            onResolve={async (resolved) => {
              await guarded(() =>
                resolved ? documentsApi.resolve(documentId, thread.id) : documentsApi.reopen(documentId, thread.id),
              );
            }}
          />
        ))
      )}
    </Flex>
  );
}
