// Sticky notes on a page: a small marker at the note's place that opens to its text; one's own notes are edited in
// place (saved when the field loses focus), anyone's can be read. Markers keep their size whatever the zoom.
import { DeleteOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Input, Popover, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteNote, updateNote, type InkNote } from '../../../../common/schema/inkModel.ts';
import type { InkHistory } from './inkHistory.ts';
import type { PageInk, PageNote } from './pageInk.ts';

interface NotesLayerProps {
  notes: PageNote[];
  hidden: readonly string[];
  ink: PageInk;
  history: InkHistory;
  userId: string;
  nameOf(userId: string): string;
  /** The note just placed: opened for writing. */
  opened: string | null;
  onOpen(noteId: string | null): void;
  failed(error: unknown): void;
}

export function NotesLayer({ notes, hidden, ink, history, userId, nameOf, opened, onOpen, failed }: NotesLayerProps) {
  return (
    <div className="an-notes">
      {notes
        .filter(({ note }) => !hidden.includes(note.author))
        .map(({ note, layer }) => (
          <NoteMarker
            key={`${layer}:${note.id}`}
            note={note}
            private={layer === 'private'}
            own={note.author === userId}
            author={nameOf(note.author)}
            open={opened === note.id}
            onOpen={(open) => onOpen(open ? note.id : null)}
            save={(text) => {
              const doc = ink.docOf(layer);
              try {
                if (doc) updateNote(doc, note.id, { text }, history.origin);
              } catch (err) {
                failed(err);
              }
            }}
            remove={() => {
              const doc = ink.docOf(layer);
              if (doc) deleteNote(doc, note.id, history.origin);
              onOpen(null);
            }}
          />
        ))}
    </div>
  );
}

interface NoteMarkerProps {
  note: InkNote;
  private: boolean;
  own: boolean;
  author: string;
  open: boolean;
  onOpen(open: boolean): void;
  save(text: string): void;
  remove(): void;
}

function NoteMarker({ note, private: isPrivate, own, author, open, onOpen, save, remove }: NoteMarkerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(note.text);
  useEffect(() => setText(note.text), [note.text]);
  const content = (
    <div className="an-note__body" data-testid="note-body">
      <Typography.Text type="secondary" className="an-note__author">
        {isPrivate && <LockOutlined />} {author}
      </Typography.Text>
      {own ? (
        <Input.TextArea
          autoFocus={open && !note.text}
          value={text}
          maxLength={2000}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('annotate.notes.placeholder')}
          aria-label={t('annotate.notes.text')}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => text !== note.text && save(text)}
        />
      ) : (
        <Typography.Paragraph className="an-note__text">{note.text || t('annotate.notes.empty')}</Typography.Paragraph>
      )}
      {own && (
        <Button size="small" danger icon={<DeleteOutlined />} onClick={remove}>
          {t('annotate.notes.remove')}
        </Button>
      )}
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        if (!next && own && text !== note.text) save(text);
        onOpen(next);
      }}
      trigger="click"
      content={content}
    >
      <button
        type="button"
        className={`an-note${isPrivate ? ' an-note--private' : ''}`}
        style={{ left: `${note.x * 100}%`, top: `${note.y * 100}%`, background: note.color }}
        aria-label={t('annotate.notes.open', { name: author })}
        data-testid="note"
        data-note-id={note.id}
        onPointerDown={(e) => e.stopPropagation()}
      >
        {note.text ? note.text.slice(0, 1) : '+'}
      </button>
    </Popover>
  );
}
