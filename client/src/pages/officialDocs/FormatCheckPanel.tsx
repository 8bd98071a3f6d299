// The format check beside the editor: common/officialDocs/formatCheck.ts run in the browser on the live 正文 and the
// record's fields, as the server runs it at submission. Each problem is a button: a field problem focuses its field,
// a block problem scrolls the editor to that block and selects it.
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFormat, type FormatProblem, type JsonNode } from '../../../../common/officialDocs/formatCheck.ts';
import type { OfficialDocumentKind } from '../../../../common/officialDocs/catalogue.ts';
import type { OfficialDoc } from '../../api/officialDocs.ts';
import { CLASSIFICATIONS } from '../../api/types.ts';
import { currentLocale } from '../../i18n/index.ts';
import { listOf } from '../../i18n/punctuation.ts';

/** How long the check waits after the last change before it runs again. */
const SETTLE_MS = 300;

/** 2026-03-10 → 2026年3月10日, as the layout prints the 成文日期. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function useDocumentJson(editor: Editor): JsonNode {
  const [json, setJson] = useState<JsonNode>(() => editor.getJSON() as JsonNode);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const changed = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setJson(editor.getJSON() as JsonNode), SETTLE_MS);
    };
    // Every change of the document, remote ones and the first sync included ('update' leaves some of those out).
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) changed();
    };
    changed();
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return json;
}

/** Scrolls the editor to a top-level block of the 正文 and selects its text. */
export function goToBlock(editor: Editor, index: number): void {
  let pos = 0;
  let found = null as { from: number; to: number } | null;
  editor.state.doc.forEach((node, offset, i) => {
    if (i === index) found = { from: offset + 1, to: offset + Math.max(1, node.nodeSize - 1) };
    pos = offset;
  });
  const range = found ?? { from: pos + 1, to: pos + 1 };
  editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  const dom = editor.view.nodeDOM(range.from - 1);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
}

export function FormatCheckPanel({
  doc,
  editor,
  onField,
}: {
  doc: OfficialDoc;
  editor: Editor;
  onField: (field: string) => void;
}) {
  const { t } = useTranslation();
  const body = useDocumentJson(editor);
  const problems = useMemo(
    () =>
      checkFormat({
        kind: doc.kind as OfficialDocumentKind,
        title: doc.title,
        documentNumber: doc.number?.text ?? null,
        mainRecipients: doc.mainRecipients.length ? listOf(t, doc.mainRecipients) : null,
        classification: CLASSIFICATIONS.indexOf(doc.classification),
        copyNumber: doc.copyNumber || null,
        signers: doc.signers,
        date: doc.writtenOn ? chineseDate(doc.writtenOn) : null,
        attachmentNote: doc.attachmentNotes,
        // The server keeps the 附件说明 as the attachments' names in order; its own check compares the files themselves.
        attachedFiles: doc.attachmentNotes,
        body,
      }),
    [doc, body, t],
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  const english = currentLocale() === 'en';
  const go = (p: FormatProblem) => {
    if ('field' in p.at) onField(p.at.field);
    else goToBlock(editor, p.at.block);
  };
  return (
    <Card
      size="small"
      title={t('officialDocs.check.title')}
      extra={
        <Flex gap={4}>
          {errors > 0 && <Tag color="red">{t('officialDocs.check.errors', { count: errors })}</Tag>}
          {problems.length - errors > 0 && (
            <Tag color="gold">{t('officialDocs.check.warnings', { count: problems.length - errors })}</Tag>
          )}
        </Flex>
      }
      data-testid="format-check"
    >
      {problems.length === 0 ? (
        <Typography.Text type="success" data-testid="format-clean">
          {t('officialDocs.check.clean')}
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={problems}
          renderItem={(p, i) => (
            <List.Item key={`${p.code}-${i}`} className="tb-od-problem">
              <Button
                type="text"
                block
                className="tb-od-problem__button"
                onClick={() => go(p)}
                data-testid="format-problem"
                data-code={p.code}
              >
                <Tag color={p.severity === 'error' ? 'red' : 'gold'}>{t(`officialDocs.check.${p.severity}`)}</Tag>
                <span className="tb-od-problem__text">{english ? p.en : p.zh}</span>
              </Button>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
