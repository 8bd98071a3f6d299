// An open document: the Tiptap editor on its connection, the header and toolbar, and the side panel (comments,
// tracked changes, versions) beside the page on wide screens or in a drawer on a portrait tablet. A page that embeds
// the document (a 公文's 正文) brings its own header and a panel of its own, beside the page or below it.
import { MessageOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { Alert, App, Badge, Button, Drawer } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { DocumentInfo } from '../../../api/documents.ts';
import { authorColor, distinctAuthorColors } from '../../../editor/authorColors.ts';
import {
  captureSelection,
  selectRange,
  threadAnchors,
  type CapturedSelection,
} from '../../../editor/commentAnchors.ts';
import type { DocumentConnection } from '../../../editor/documentConnection.ts';
import { MINUTES_INPUT_RULES } from '../../../editor/decisionItem/decisionItemExtensions.ts';
import { MinutesEditing, useExtractionContext } from '../../../editor/decisionItem/MinutesEditing.tsx';
import { collaborativeExtensions, type EditorCallbacks } from '../../../editor/editorExtensions.ts';
import { canChangeText, canComment, editingModeOf } from '../../../editor/editingMode.ts';
import { EditorToolbar } from '../../../editor/EditorToolbar.tsx';
import { sendSignal, usePeerSignal, usePresence } from '../../../editor/presence.ts';
import { useAnchoredThreadIds, useSuggestions } from '../../../editor/useDocumentMarks.ts';
import '../../../editor/document.css';
import './workspace.css';
import type { SessionUser } from '../../../api/types.ts';
import { MinutesStatusBar } from '../../meetings/minutes/MinutesStatusBar.tsx';
import { EditorHeader } from './EditorHeader.tsx';
import { CommentsPanel } from './panel/CommentsPanel.tsx';
import { ReviewPanel, type PanelTab } from './panel/ReviewPanel.tsx';
import { SuggestionsPanel } from './panel/SuggestionsPanel.tsx';
import { VersionsPanel } from './panel/VersionsPanel.tsx';
import { ShareModal } from './ShareModal.tsx';
import { SessionNotices } from './SessionNotices.tsx';
import { useMediaQuery } from './useMediaQuery.ts';
import type { DocumentSession } from './useDocumentSession.ts';
import { useAuthorNames, useThreads, useVersions } from './useReviewData.ts';

/** The page (A4 width, shrinking) and a 360 px panel fit side by side from here on. */
const SIDE_BY_SIDE = '(min-width: 1200px)';
const SAFE_ID = /^[0-9a-zA-Z-]{1,64}$/;

/** What a page embedding the document brings: its header, its own panel, and whether the text is closed to it. */
export interface EmbeddingPage {
  header: ReactNode;
  /** Beside the page on wide screens, below it on narrow ones (phones, portrait tablets). */
  aside: (editor: Editor) => ReactNode;
  /** The text may not be changed from this page whatever the access (a drafter's 公文 on its route). */
  readOnly: boolean;
  /** Replaces the access hint above the page. */
  hint: string | null;
}

export function DocumentWorkspace({
  session,
  info,
  connection,
  user,
  embedding,
}: {
  session: DocumentSession;
  info: DocumentInfo;
  connection: DocumentConnection;
  user: SessionUser;
  embedding?: EmbeddingPage;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const provider = connection.provider;
  const mode = embedding?.readOnly ? 'read_only' : editingModeOf(info.access, info.reviewMode);
  const wide = useMediaQuery(SIDE_BY_SIDE);
  const [panelOpen, setPanelOpen] = useState(wide);
  const [tab, setTab] = useState<PanelTab>('comments');
  const [pending, setPending] = useState<CapturedSelection | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);
  const [searchParams] = useSearchParams();

  const callbacks = useRef<EditorCallbacks>({ addComment: () => undefined });
  const minutes = info.kind === 'minutes';
  const extraction = useExtractionContext();
  const editor = useEditor(
    {
      extensions: collaborativeExtensions({
        connection,
        user: { id: user.id, name: user.displayName, color: authorColor(user.id) },
        policy: session.policy,
        callbacks,
        placeholder: t('documents.editor.placeholder'),
        minutes: minutes ? extraction : null,
      }),
      enableInputRules: minutes ? MINUTES_INPUT_RULES : true,
      editable: mode !== 'read_only',
      editorProps: {
        attributes: {
          class: 'tb-doc',
          'aria-label': t('documents.editor.ariaLabel'),
          spellcheck: 'false',
          'data-testid': 'editor',
        },
      },
    },
    [connection],
  );

  useEffect(() => {
    if (embedding?.readOnly) session.policy.current.mode = 'read_only';
    editor.setEditable(mode !== 'read_only');
    // The collaboration history may hold direct edits made before review mode began; undoing one now would be refused.
    (yUndoPluginKey.getState(editor.state) as { undoManager?: { clear(): void } } | undefined)?.undoManager?.clear();
  }, [editor, mode, embedding?.readOnly, session.policy]);

  // Held back happens while typing: a passing message (one at a time), not a banner that moves the page.
  useEffect(() => {
    session.policy.current.onHeldBack = (why) => {
      void message.warning({
        key: 'held-back',
        content:
          why === 'comment_only'
            ? t('documents.editor.notices.refused.comment_only')
            : t('documents.editor.notices.heldBack'),
      });
    };
  }, [session.policy, message, t]);

  const participants = usePresence(provider);
  const threads = useThreads(info.id, provider);
  const versions = useVersions(info.id, provider);
  const anchoredIds = useAnchoredThreadIds(editor);
  const suggestions = useSuggestions(editor);
  usePeerSignal(provider, 'info', () => void session.refreshInfo());

  // A comment mark for a thread this page has not loaded: someone just commented.
  const unknownThreads = anchoredIds.filter((id) => !threads.items.some((th) => th.id === id)).join(',');
  const reloadThreads = threads.reload;
  useEffect(() => {
    if (unknownThreads && !threads.loading) void reloadThreads();
  }, [unknownThreads, threads.loading, reloadThreads]);

  const seedNames = useMemo(
    () =>
      new Map([
        ...threads.items.flatMap((th) => th.comments.map((c) => [c.authorId, c.authorName] as const)),
        ...participants.map((p) => [p.id, p.name] as const),
      ]),
    [threads.items, participants],
  );
  const suggestionAuthors = useMemo(
    () => [...new Set(suggestions.map((s) => s.authorId).filter((x): x is string => x !== null))],
    [suggestions],
  );
  const names = useAuthorNames(info.id, suggestionAuthors, seedNames);
  const colors = useMemo(() => distinctAuthorColors(suggestionAuthors), [suggestionAuthors]);

  const openPanel = useCallback((next: PanelTab) => {
    setTab(next);
    setPanelOpen(true);
  }, []);

  const addComment = useCallback(() => {
    if (!canComment(mode)) return;
    const captured = captureSelection(editor);
    if (!captured) {
      message.info(t('documents.comments.selectText'));
      return;
    }
    setPending(captured);
    openPanel('comments');
  }, [editor, message, mode, openPanel, t]);
  useEffect(() => {
    callbacks.current.addComment = addComment;
  }, [addComment]);

  const activateThread = useCallback(
    (threadId: string) => {
      setActiveThread(threadId);
      openPanel('comments');
    },
    [openPanel],
  );

  // A notification links here with ?thread=…: show that thread once its anchor has arrived.
  const linkedThread = searchParams.get('thread');
  const followedLink = useRef(false);
  useEffect(() => {
    if (!linkedThread || followedLink.current || !anchoredIds.includes(linkedThread)) return;
    followedLink.current = true;
    activateThread(linkedThread);
    selectRange(editor, threadAnchors(editor.state.doc).get(linkedThread));
  }, [linkedThread, anchoredIds, activateThread, editor]);

  const threadsChanged = useCallback(async () => {
    await threads.reload();
    sendSignal(provider, 'threads');
  }, [threads, provider]);
  const versionsChanged = useCallback(async () => {
    await versions.reload();
    sendSignal(provider, 'versions');
  }, [versions, provider]);

  const dynamicStyles = useMemo(() => {
    const rules = [...colors]
      .filter(([id]) => SAFE_ID.test(id))
      .map(([id, color]) => `.tb-doc [data-author="${id}"]{--tb-author:${color}}`);
    for (const th of threads.items) {
      if (!SAFE_ID.test(th.id)) continue;
      if (th.resolvedAt !== null) rules.push(`.tb-doc [data-thread-id="${th.id}"]{background:none;border-bottom:none}`);
    }
    if (activeThread && SAFE_ID.test(activeThread))
      rules.push(`.tb-doc [data-thread-id="${activeThread}"]{background:var(--tb-comment-active)}`);
    return rules.join('\n');
  }, [colors, threads.items, activeThread]);

  const openThreads = threads.items.filter((th) => th.resolvedAt === null).length;
  const panel = (
    <ReviewPanel
      tab={tab}
      onTab={setTab}
      openThreads={openThreads}
      suggestions={suggestions.length}
      comments={
        <CommentsPanel
          documentId={info.id}
          editor={editor}
          threads={threads.items}
          anchoredIds={anchoredIds}
          canComment={canComment(mode)}
          pending={pending}
          onPendingDone={() => setPending(null)}
          activeThreadId={activeThread}
          onActivate={setActiveThread}
          onChanged={threadsChanged}
        />
      }
      changes={
        <SuggestionsPanel
          documentId={info.id}
          editor={editor}
          suggestions={suggestions}
          names={names}
          colors={colors}
          canDecide={info.access === 'manage' && !embedding?.readOnly}
          onDecided={versionsChanged}
        />
      }
      versions={
        <VersionsPanel
          documentId={info.id}
          versions={versions.items}
          canSave={info.access === 'edit' || info.access === 'manage'}
          canRestore={info.access === 'manage'}
          beforeSave={() => connection.acknowledged()}
          onChanged={versionsChanged}
        />
      }
    />
  );

  const panelToggle = (
    <Badge count={openThreads + suggestions.length} size="small" color="#1f4fa8">
      <Button
        icon={<MessageOutlined />}
        type={panelOpen ? 'primary' : 'default'}
        ghost={panelOpen}
        onClick={() => setPanelOpen((o) => !o)}
        aria-expanded={panelOpen}
        aria-label={t('documents.editor.panel')}
        data-testid="panel-toggle"
      >
        <span className="tb-label-wide">{t('documents.editor.panel')}</span>
      </Button>
    </Badge>
  );

  return (
    <div className="tb-editor-page">
      <style>{dynamicStyles}</style>
      {embedding ? (
        <div className="tb-editor-head tb-editor-head--embedded">
          {embedding.header}
          {panelToggle}
        </div>
      ) : (
        <EditorHeader
          info={info}
          connection={connection}
          participants={participants}
          onInfoChanged={(next) => {
            session.adoptInfo(next);
            sendSignal(provider, 'info');
          }}
          isOwner={info.ownerId === user.id}
          onStepped={async () => {
            await session.refreshInfo();
            sendSignal(provider, 'info');
            await versionsChanged();
          }}
          onShare={() => setSharing(true)}
          panelToggle={panelToggle}
        />
      )}
      <SessionNotices session={session} />
      {minutes && info.contextType === 'meeting' && info.contextId && (
        <MinutesStatusBar
          meetingId={info.contextId}
          inDocument
          beforeFinalise={() => connection.acknowledged()}
          onChanged={async () => {
            await session.refreshInfo();
            sendSignal(provider, 'info');
          }}
        />
      )}
      {embedding?.hint ? (
        <Alert className="tb-mode-hint" type="info" showIcon title={embedding.hint} data-testid="embedding-hint" />
      ) : (
        mode !== 'edit' && (
          <Alert
            className="tb-mode-hint"
            type={mode === 'suggest' ? 'warning' : 'info'}
            showIcon
            title={t(
              `documents.accessHint.${info.access === 'none' ? 'view' : info.access === 'manage' ? 'manageReview' : info.access}`,
            )}
          />
        )
      )}
      <EditorToolbar editor={editor} mode={mode} onComment={addComment} />
      <div className={`tb-editor-layout${wide && (panelOpen || embedding) ? '' : ' tb-editor-layout--single'}`}>
        <div
          className={`tb-paper-wrap${canChangeText(mode) ? '' : ' tb-paper-wrap--readonly'}`}
          onClick={(e) => {
            const anchor = (e.target as HTMLElement).closest('[data-thread-id]');
            const id = anchor?.getAttribute('data-thread-id');
            if (id) activateThread(id);
          }}
        >
          <div className="tb-paper">
            <MinutesEditing editor={editor} info={info} context={extraction}>
              <EditorContent editor={editor} />
            </MinutesEditing>
          </div>
        </div>
        {wide && embedding && (
          <div className="tb-side-column">
            {embedding.aside(editor)}
            {panelOpen && (
              <aside className="tb-side-panel tb-side-panel--stacked" aria-label={t('documents.editor.panel')}>
                {panel}
              </aside>
            )}
          </div>
        )}
        {wide && !embedding && panelOpen && (
          <aside className="tb-side-panel" aria-label={t('documents.editor.panel')}>
            {panel}
          </aside>
        )}
      </div>
      {!wide && embedding?.aside(editor)}
      {!wide && (
        <Drawer
          open={panelOpen}
          onClose={() => setPanelOpen(false)}
          title={t('documents.editor.panel')}
          size="min(440px, 92vw)"
          placement="right"
        >
          {panel}
        </Drawer>
      )}
      {info.access === 'manage' && !embedding && (
        <ShareModal documentId={info.id} open={sharing} onClose={() => setSharing(false)} />
      )}
    </div>
  );
}
