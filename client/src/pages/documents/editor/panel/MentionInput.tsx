// A comment box with @mentions: typing "@" and a name offers the colleagues who may read the document; the chosen
// ones are reported as user ids (the server notifies them), the text keeps "@姓名".
import { Button, Flex, Mentions } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserSearch, type DirectoryUser } from '../useUserSearch.ts';

export interface CommentDraft {
  body: string;
  mentions: string[];
}

export function MentionInput({
  documentId,
  placeholder,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus = false,
  testId,
}: {
  /** The document commented on: only its readers are offered. */
  documentId: string;
  placeholder: string;
  submitLabel: string;
  onSubmit: (draft: CommentDraft) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { users, searching, search } = useUserSearch(documentId);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<DirectoryUser[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const body = text.trim();
    if (!body) return;
    // Only people whose "@name" is still in the text count as mentioned.
    const mentions = [...new Set(chosen.filter((u) => body.includes(`@${u.displayName}`)).map((u) => u.id))];
    setBusy(true);
    try {
      if (await onSubmit({ body, mentions })) {
        setText('');
        setChosen([]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Mentions
        value={text}
        onChange={setText}
        onSearch={(q) => search(q)}
        // The directory already matched names, user names (pinyin) and titles; the box must not filter again.
        filterOption={false}
        onSelect={(option) => {
          const user = users.find((u) => u.id === option.key) ?? users.find((u) => u.displayName === option.value);
          if (user) setChosen((c) => [...c, user]);
        }}
        options={users.map((u) => ({
          key: u.id,
          value: u.displayName,
          label: `${u.displayName}${u.unitName ? ` · ${u.unitName}` : ''}`,
        }))}
        notFoundContent={searching ? t('documents.comments.mentionSearching') : null}
        placeholder={placeholder}
        autoSize={{ minRows: 2, maxRows: 6 }}
        autoFocus={autoFocus}
        maxLength={5000}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      />
      <Flex gap={8} justify="flex-end">
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="primary" onClick={() => void submit()} loading={busy} disabled={!text.trim()}>
          {submitLabel}
        </Button>
      </Flex>
    </Flex>
  );
}
