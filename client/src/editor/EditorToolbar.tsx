// The editing toolbar: finger-sized buttons (≥ 44 px) that scroll sideways on a narrow tablet. Shows only what the
// person's editing mode allows; in review mode the same buttons make tracked changes.
import {
  BoldOutlined,
  CommentOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  PictureOutlined,
  QuestionCircleOutlined,
  RedoOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Button, Divider, Dropdown, Select, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canChangeText, canComment, type EditingMode } from './editingMode.ts';
import { ImageDialog } from './ImageDialog.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import './toolbar.css';

type BlockStyle = 'paragraph' | 'heading1' | 'heading2' | 'heading3' | 'heading4';
const BLOCK_STYLES: BlockStyle[] = ['paragraph', 'heading1', 'heading2', 'heading3', 'heading4'];
const LEVEL: Record<Exclude<BlockStyle, 'paragraph'>, 1 | 2 | 3 | 4> = {
  heading1: 1,
  heading2: 2,
  heading3: 3,
  heading4: 4,
};

function ToolButton({
  label,
  icon,
  active = false,
  disabled = false,
  onClick,
  testId,
}: {
  label: string;
  icon: ReactNode;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <Tooltip title={label} mouseEnterDelay={0.6}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        icon={icon}
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        onClick={onClick}
        // Keeps the editor's selection: a button that takes focus would collapse it on some tablets.
        onMouseDown={(e) => e.preventDefault()}
        className="tb-tool"
        data-testid={testId}
      />
    </Tooltip>
  );
}

export function EditorToolbar({
  editor,
  mode,
  onComment,
}: {
  editor: Editor;
  mode: EditingMode;
  onComment: () => void;
}) {
  const { t } = useTranslation();
  const [imageOpen, setImageOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      inTable: e.isActive('table'),
      block: (BLOCK_STYLES.find((b) => b !== 'paragraph' && e.isActive('heading', { level: LEVEL[b] })) ??
        'paragraph') as BlockStyle,
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      hasSelection: !e.state.selection.empty,
    }),
  });
  const chain = () => editor.chain().focus();
  const editing = canChangeText(mode);
  // Tracked changes record text and formatting; a suggestion cannot restyle paragraphs or add lists, tables, images.
  // The owner in review mode may still make those (untracked) changes directly.
  const structural = mode === 'edit' || mode === 'track';

  const setBlock = (style: BlockStyle) => {
    if (style === 'paragraph') chain().setParagraph().run();
    else chain().setHeading({ level: LEVEL[style] }).run();
  };

  const tableItems = [
    { key: 'insert', label: t('documents.toolbar.table'), disabled: s.inTable },
    { key: 'addRow', label: t('documents.toolbar.tableAddRow'), disabled: !s.inTable },
    { key: 'addColumn', label: t('documents.toolbar.tableAddColumn'), disabled: !s.inTable },
    { key: 'deleteRow', label: t('documents.toolbar.tableDeleteRow'), disabled: !s.inTable },
    { key: 'deleteColumn', label: t('documents.toolbar.tableDeleteColumn'), disabled: !s.inTable },
    { key: 'deleteTable', label: t('documents.toolbar.tableDelete'), disabled: !s.inTable, danger: true },
  ];
  const onTable = (key: string) => {
    switch (key) {
      case 'insert':
        chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
        break;
      case 'addRow':
        chain().addRowAfter().run();
        break;
      case 'addColumn':
        chain().addColumnAfter().run();
        break;
      case 'deleteRow':
        chain().deleteRow().run();
        break;
      case 'deleteColumn':
        chain().deleteColumn().run();
        break;
      case 'deleteTable':
        chain().deleteTable().run();
        break;
    }
  };

  if (mode === 'read_only') return null;
  const divider = <Divider orientation="vertical" className="tb-tool-divider" />;
  return (
    <div className="tb-editor-toolbar" role="toolbar" aria-label={t('documents.toolbar.label')}>
      {editing && (
        <>
          <ToolButton
            label={t('documents.toolbar.undo')}
            icon={<UndoOutlined />}
            disabled={!s.canUndo}
            onClick={() => chain().undo().run()}
          />
          <ToolButton
            label={t('documents.toolbar.redo')}
            icon={<RedoOutlined />}
            disabled={!s.canRedo}
            onClick={() => chain().redo().run()}
          />
          {divider}
        </>
      )}
      {structural && (
        <Select
          aria-label={t('documents.toolbar.blockStyle')}
          value={s.block}
          onChange={setBlock}
          options={BLOCK_STYLES.map((b) => ({ value: b, label: t(`documents.toolbar.${b}`) }))}
          className="tb-tool-select"
          popupMatchSelectWidth={false}
        />
      )}
      {editing && (
        <>
          <ToolButton
            label={t('documents.toolbar.bold')}
            icon={<BoldOutlined />}
            active={s.bold}
            onClick={() => chain().toggleBold().run()}
          />
          <ToolButton
            label={t('documents.toolbar.italic')}
            icon={<ItalicOutlined />}
            active={s.italic}
            onClick={() => chain().toggleItalic().run()}
          />
          <ToolButton
            label={t('documents.toolbar.underline')}
            icon={<UnderlineOutlined />}
            active={s.underline}
            onClick={() => chain().toggleUnderline().run()}
          />
          {divider}
        </>
      )}
      {structural && (
        <>
          <ToolButton
            label={t('documents.toolbar.bulletList')}
            icon={<UnorderedListOutlined />}
            active={s.bulletList}
            onClick={() => chain().toggleBulletList().run()}
          />
          <ToolButton
            label={t('documents.toolbar.orderedList')}
            icon={<OrderedListOutlined />}
            active={s.orderedList}
            onClick={() => chain().toggleOrderedList().run()}
          />
          <Dropdown menu={{ items: tableItems, onClick: ({ key }) => onTable(key) }} trigger={['click']}>
            <Button
              type={s.inTable ? 'primary' : 'text'}
              ghost={s.inTable}
              icon={<TableOutlined />}
              aria-label={t('documents.toolbar.table')}
              className="tb-tool"
              onMouseDown={(e) => e.preventDefault()}
            />
          </Dropdown>
          <ToolButton
            label={t('documents.toolbar.image')}
            icon={<PictureOutlined />}
            onClick={() => setImageOpen(true)}
          />
          {divider}
        </>
      )}
      {canComment(mode) && (
        <Button
          icon={<CommentOutlined />}
          className="tb-tool tb-tool--labelled"
          onMouseDown={(e) => e.preventDefault()}
          onClick={onComment}
          disabled={!s.hasSelection}
          data-testid="add-comment"
        >
          {t('documents.toolbar.comment')}
        </Button>
      )}
      <span className="tb-tool-spacer" />
      <ToolButton
        label={t('documents.toolbar.shortcuts')}
        icon={<QuestionCircleOutlined />}
        onClick={() => setShortcutsOpen(true)}
      />
      <ImageDialog
        open={imageOpen}
        onClose={() => setImageOpen(false)}
        onInsert={(src, alt) => chain().setImage({ src, alt }).run()}
      />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
