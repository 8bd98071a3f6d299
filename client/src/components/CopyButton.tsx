// Copies text to the clipboard and says whether it worked (the clipboard API needs a secure context).
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP intranet deployments have no clipboard API; the old selection route still works there.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

export function CopyButton({ text, label, ...rest }: { text: string; label?: string } & Omit<ButtonProps, 'onClick'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    writeClipboard(text).then(
      () => {
        setCopied(true);
        message.success(t('common.copied'));
      },
      () => message.error(t('common.copyFailed')),
    );
  };
  return (
    <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={copy} {...rest}>
      {label ?? t('common.copy')}
    </Button>
  );
}
