// Compares a version with the current content or with another version: insertions and deletions in the colour of the
// person who made them, with a legend of names (the server attributes every character to its author).
import { Alert, Flex, Modal, Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type Version, type VersionDiff } from '../../../../api/documents.ts';
import { errorMessage } from '../../../../api/errorMessage.ts';
import { distinctAuthorColors } from '../../../../editor/authorColors.ts';
import { versionName } from './versionName.ts';

const CURRENT = 'current';
const BLOCK_CLASS: Record<string, string> = {
  heading: 'tb-diff-block--heading',
  listItem: 'tb-diff-block--item',
  tableRow: 'tb-diff-block--row',
};

export function VersionDiffModal({
  documentId,
  versions,
  from,
  onClose,
}: {
  documentId: string;
  versions: Version[];
  from: Version | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [fromId, setFromId] = useState<string | null>(null);
  const [toId, setToId] = useState<string>(CURRENT);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setFromId(from?.id ?? null);
    setToId(CURRENT);
  }, [from]);

  useEffect(() => {
    if (!fromId) return undefined;
    let cancelled = false;
    setDiff(null);
    setError(null);
    documentsApi.diff(documentId, fromId, toId).then(
      (d) => {
        if (!cancelled) setDiff(d);
      },
      (err: unknown) => {
        if (!cancelled) setError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, fromId, toId]);

  const colors = useMemo(() => distinctAuthorColors(Object.keys(diff?.authors ?? {})), [diff]);
  const changed = diff?.blocks.some((b) => b.status !== 'same' || b.segments.some((s) => s.status !== 'same')) ?? false;
  const authorName = (id: string | null) =>
    (id ? diff?.authors[id] : undefined) ?? t('documents.versions.unknownAuthor');
  const options = versions.map((v) => ({ value: v.id, label: versionName(t, v) }));

  return (
    <Modal
      open={from !== null}
      title={t('documents.versions.diffTitle')}
      footer={null}
      onCancel={onClose}
      width={960}
      destroyOnHidden
    >
      <Flex gap={12} wrap align="center" className="tb-diff-controls">
        <Typography.Text>{t('documents.versions.diffFrom')}</Typography.Text>
        <Select
          value={fromId}
          onChange={setFromId}
          options={options}
          style={{ minWidth: 200 }}
          aria-label={t('documents.versions.diffFrom')}
        />
        <Typography.Text>{t('documents.versions.diffTo')}</Typography.Text>
        <Select
          value={toId}
          onChange={setToId}
          options={[{ value: CURRENT, label: t('documents.versions.current') }, ...options]}
          style={{ minWidth: 200 }}
          aria-label={t('documents.versions.diffTo')}
        />
      </Flex>
      {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} />}
      {!diff && error === null && <Spin />}
      {diff && (
        <>
          <Flex gap={16} wrap align="center" className="tb-diff-legend" data-testid="diff-legend">
            <Typography.Text type="secondary">{t('documents.versions.legend')}</Typography.Text>
            {[...colors].map(([id, color]) => (
              <span key={id} className="tb-diff-author" data-testid="diff-author" data-color={color}>
                <span className="tb-swatch" style={{ backgroundColor: color }} aria-hidden />
                {authorName(id)}
              </span>
            ))}
            <ins className="tb-diff-sample">{t('documents.versions.inserted')}</ins>
            <del className="tb-diff-sample">{t('documents.versions.deleted')}</del>
          </Flex>
          {!changed && <Alert type="info" showIcon title={t('documents.versions.noChanges')} />}
          <div className="tb-paper tb-paper--modal tb-doc tb-diff" data-testid="diff">
            {diff.blocks.map((block, i) => {
              const blockColor = block.status !== 'same' && block.authorId ? colors.get(block.authorId) : undefined;
              return (
                <div
                  key={i}
                  className={`tb-diff-block tb-diff-block--${block.status} ${BLOCK_CLASS[block.type] ?? ''}`}
                  style={blockColor ? { borderInlineStartColor: blockColor } : undefined}
                >
                  {block.segments.map((seg, j) => {
                    if (seg.status === 'same') return <span key={j}>{seg.text}</span>;
                    const color = (seg.authorId ? colors.get(seg.authorId) : undefined) ?? '#5b6476';
                    const Tag = seg.status === 'inserted' ? 'ins' : 'del';
                    return (
                      <Tag key={j} style={{ color }} title={authorName(seg.authorId)} data-author={seg.authorId ?? ''}>
                        {seg.text}
                      </Tag>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </>
      )}
    </Modal>
  );
}
