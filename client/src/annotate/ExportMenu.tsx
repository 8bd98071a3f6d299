// Exporting the page in view: PNG or PDF (what this person sees, private ink included), or a picture of the shared
// ink attached to the meeting's minutes.
import { ExportOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { annotationsApi } from '../api/annotations.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { PageInk } from './ink/pageInk.ts';
import type { ExportablePage } from './surface.ts';
import { download, pdfOf, pngOf, renderPage } from './whiteboard/exportPage.ts';

export function ExportMenu({
  meetingId,
  page,
  hidden,
  title,
}: {
  meetingId: string;
  page: ExportablePage | null;
  hidden: readonly string[];
  title: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const render = (sharedOnly: boolean) => {
    const p = page!;
    const ink = new PageInk(sharedOnly ? p.sources.filter((s) => s.layer === 'shared') : p.sources, p.pageKey);
    const strokes = ink.getSnapshot().strokes.filter(({ stroke }) => !hidden.includes(stroke.author));
    ink.destroy();
    return renderPage({ size: p.size, strokes, drawBackground: p.drawBackground });
  };

  const run = async (action: 'png' | 'pdf' | 'minutes') => {
    if (!page) return;
    setBusy(true);
    const name = `${title}-${page.pageKey}`.replace(/[\\/:*?"<>|]/g, '_');
    try {
      if (action === 'minutes') {
        // The minutes are everyone's: only the shared ink goes there.
        const png = await pngOf(await render(true));
        await annotationsApi.attachToMinutes(meetingId, png, page.caption, page.source);
        message.success(t('annotate.export.attached'));
      } else {
        const canvas = await render(false);
        download(action === 'png' ? await pngOf(canvas) : await pdfOf(canvas, page.size), `${name}.${action}`);
      }
    } catch (err) {
      message.error(t('annotate.export.failed', { message: errorMessage(t, err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      disabled={!page}
      trigger={['click']}
      menu={{
        items: [
          { key: 'png', label: t('annotate.export.png') },
          { key: 'pdf', label: t('annotate.export.pdf') },
          { key: 'minutes', label: <span data-testid="export-to-minutes">{t('annotate.export.toMinutes')}</span> },
        ],
        onClick: ({ key }) => void run(key as 'png' | 'pdf' | 'minutes'),
      }}
    >
      <Button size="large" icon={<ExportOutlined />} loading={busy} data-testid="export">
        {t('annotate.export.label')}
      </Button>
    </Dropdown>
  );
}
