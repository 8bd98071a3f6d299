// The keyboard shortcuts of the editor, written for the platform in use (⌘ on Apple devices, Ctrl elsewhere).
import { Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';

type ShortcutKey =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'undo'
  | 'redo'
  | 'heading'
  | 'paragraph'
  | 'bulletList'
  | 'orderedList'
  | 'comment';

const SHORTCUTS: Array<[ShortcutKey, string]> = [
  ['bold', 'Mod+B'],
  ['italic', 'Mod+I'],
  ['underline', 'Mod+U'],
  ['undo', 'Mod+Z'],
  ['redo', 'Mod+Shift+Z / Mod+Y'],
  ['heading', 'Mod+Alt+1 / 2 / 3 / 4'],
  ['paragraph', 'Mod+Alt+0'],
  ['bulletList', 'Mod+Shift+8'],
  ['orderedList', 'Mod+Shift+7'],
  ['comment', 'Mod+Alt+M'],
];

const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform) || navigator.userAgent.includes('Macintosh');

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mod = isApple() ? '⌘' : 'Ctrl';
  const alt = isApple() ? '⌥' : 'Alt';
  const rows = SHORTCUTS.map(([key, keys]) => ({
    key,
    action: t(`documents.toolbar.shortcutList.${key}`),
    keys: keys.replaceAll('Mod', mod).replaceAll('Alt', alt),
  }));
  return (
    <Modal open={open} title={t('documents.toolbar.shortcutsTitle')} footer={null} onCancel={onClose}>
      <Table
        size="small"
        pagination={false}
        showHeader={false}
        dataSource={rows}
        columns={[
          { dataIndex: 'action', key: 'action' },
          { dataIndex: 'keys', key: 'keys', render: (k: string) => <kbd className="tb-kbd">{k}</kbd> },
        ]}
      />
    </Modal>
  );
}
