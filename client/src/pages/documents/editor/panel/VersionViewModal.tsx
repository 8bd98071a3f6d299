// One version shown read-only, on the same page layout as the editor (with its tracked changes as they were).
import { EditorContent, useEditor } from '@tiptap/react';
import { Alert, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type Version } from '../../../../api/documents.ts';
import { errorMessage } from '../../../../api/errorMessage.ts';
import { staticExtensions } from '../../../../editor/editorExtensions.ts';
import { versionName } from './versionName.ts';

function ReadOnlyDocument({ content }: { content: Record<string, unknown> }) {
  const editor = useEditor(
    { extensions: staticExtensions(), content, editable: false, editorProps: { attributes: { class: 'tb-doc' } } },
    [content],
  );
  return <EditorContent editor={editor} />;
}

export function VersionViewModal({
  documentId,
  version,
  onClose,
}: {
  documentId: string;
  version: Version | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [content, setContent] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!version) return undefined;
    let cancelled = false;
    setContent(null);
    setError(null);
    documentsApi.version(documentId, version.id).then(
      (v) => {
        if (!cancelled) setContent(v.content);
      },
      (err: unknown) => {
        if (!cancelled) setError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, version]);

  return (
    <Modal
      open={version !== null}
      title={version ? t('documents.versions.viewTitle', { name: versionName(t, version) }) : ''}
      footer={null}
      onCancel={onClose}
      width={900}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} />}
      {!content && error === null && <Spin />}
      {content && (
        <div className="tb-paper tb-paper--modal" data-testid="version-content">
          <ReadOnlyDocument content={content} />
        </div>
      )}
    </Modal>
  );
}
