// The ink toolbar: tools, colours and widths, undo/redo of one's own ink, the layer new ink goes to (shared or only
// me), stylus mode and whose ink to show. 48 px targets: it is used with fingers on a tablet.
import {
  AimOutlined,
  DragOutlined,
  EditFilled,
  EditOutlined,
  EyeOutlined,
  FormOutlined,
  HighlightOutlined,
  LineOutlined,
  LockOutlined,
  RedoOutlined,
  ScissorOutlined,
  TeamOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Checkbox, Popover, Radio, Segmented, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PenMode } from '../viewer/pointerRouting.ts';
import type { LayerKind } from './pageInk.ts';
import { HIGHLIGHTS, isDrawingTool, PALETTE, WIDTHS, type InkSettings, type ToolName } from './inkSettings.ts';
import { labelled } from '../../i18n/punctuation.ts';

export interface ToolbarProps {
  settings: InkSettings;
  onChange(change: Partial<InkSettings>): void;
  canDraw: boolean;
  /** The page in view has a private layer to draw in. */
  privateLayer: boolean;
  /** The laser is for presenters. */
  presenting: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  /** People whose ink can be hidden. */
  authors: Array<{ id: string; name: string }>;
}

const SIZE_NAMES = ['thin', 'medium', 'thick'] as const;

const TOOL_ICONS: Record<ToolName, ReactNode> = {
  pen: <EditOutlined />,
  highlighter: <HighlightOutlined />,
  line: <LineOutlined />,
  eraser: <ScissorOutlined />,
  note: <FormOutlined />,
  laser: <AimOutlined />,
  hand: <DragOutlined />,
};

export function InkToolbar({
  settings,
  onChange,
  canDraw,
  privateLayer,
  presenting,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  authors,
}: ToolbarProps) {
  const { t } = useTranslation();
  const tools: ToolName[] = [
    ...(canDraw ? (['pen', 'highlighter', 'line', 'eraser', 'note'] as const) : []),
    ...(presenting ? (['laser'] as const) : []),
    'hand',
  ];
  const drawing = isDrawingTool(settings.tool) ? settings.tool : null;
  const colours = drawing === 'highlighter' ? HIGHLIGHTS : PALETTE;
  const colour = drawing === 'highlighter' ? settings.highlight : settings.color;

  const style = drawing && (
    <Space size={4} className="an-toolbar__group" aria-label={t('annotate.tools.color')}>
      {colours.map((c) => (
        <button
          key={c}
          type="button"
          className={`an-swatch${c === colour ? ' an-swatch--active' : ''}`}
          style={{ background: c }}
          aria-label={`${t('annotate.tools.color')} ${c}`}
          aria-pressed={c === colour}
          onClick={() => onChange(drawing === 'highlighter' ? { highlight: c } : { color: c })}
        />
      ))}
      {WIDTHS[drawing].map((w, i) => (
        <Tooltip key={w} title={labelled(t, t('annotate.tools.width'), t(`annotate.tools.widths.${SIZE_NAMES[i]!}`))}>
          <button
            type="button"
            className={`an-width${settings.size === i ? ' an-width--active' : ''}`}
            aria-pressed={settings.size === i}
            aria-label={`${t('annotate.tools.width')} ${t(`annotate.tools.widths.${SIZE_NAMES[i]!}`)}`}
            onClick={() => onChange({ size: i })}
          >
            <span style={{ width: 6 + i * 6, height: 6 + i * 6, background: colour }} />
          </button>
        </Tooltip>
      ))}
    </Space>
  );

  const hiddenCount = settings.hidden.length;
  const authorsMenu = (
    <div className="an-authors">
      {authors.map((a) => (
        <Checkbox
          key={a.id}
          checked={!settings.hidden.includes(a.id)}
          onChange={(e) =>
            onChange({
              hidden: e.target.checked ? settings.hidden.filter((h) => h !== a.id) : [...settings.hidden, a.id],
            })
          }
        >
          {a.name}
        </Checkbox>
      ))}
    </div>
  );

  return (
    <div className="an-toolbar" role="toolbar" aria-label={t('annotate.tools.label')} data-testid="ink-toolbar">
      <Space size={4} className="an-toolbar__group">
        {tools.map((tool) => (
          <Tooltip key={tool} title={t(`annotate.tools.${tool}`)}>
            <Button
              size="large"
              type={settings.tool === tool ? 'primary' : 'text'}
              icon={TOOL_ICONS[tool]}
              aria-label={t(`annotate.tools.${tool}`)}
              aria-pressed={settings.tool === tool}
              data-testid={`tool-${tool}`}
              onClick={() => onChange({ tool })}
            />
          </Tooltip>
        ))}
      </Space>
      {style}
      {canDraw && (
        <Space size={4} className="an-toolbar__group">
          <Tooltip title={t('annotate.tools.undo')}>
            <Button
              size="large"
              type="text"
              icon={<UndoOutlined />}
              disabled={!canUndo}
              onClick={onUndo}
              aria-label={t('annotate.tools.undo')}
              data-testid="undo"
            />
          </Tooltip>
          <Tooltip title={t('annotate.tools.redo')}>
            <Button
              size="large"
              type="text"
              icon={<RedoOutlined />}
              disabled={!canRedo}
              onClick={onRedo}
              aria-label={t('annotate.tools.redo')}
              data-testid="redo"
            />
          </Tooltip>
        </Space>
      )}
      {canDraw && (
        <Tooltip title={t('annotate.tools.layer')}>
          <Segmented
            size="large"
            value={privateLayer ? settings.layer : 'shared'}
            onChange={(layer) => onChange({ layer: layer as LayerKind })}
            data-testid="layer"
            options={[
              {
                value: 'shared',
                label: (
                  <span data-testid="layer-shared">
                    <TeamOutlined /> {t('annotate.tools.shared')}
                  </span>
                ),
              },
              {
                value: 'private',
                disabled: !privateLayer,
                label: (
                  <span data-testid="layer-private">
                    <LockOutlined /> {t('annotate.tools.private')}
                  </span>
                ),
              },
            ]}
          />
        </Tooltip>
      )}
      <Space size={4} className="an-toolbar__group">
        <Popover
          trigger="click"
          title={t('annotate.tools.penMode')}
          content={
            <Radio.Group
              value={settings.penMode}
              onChange={(e) => onChange({ penMode: e.target.value as PenMode })}
              className="an-pen-modes"
            >
              {(['auto', 'on', 'off'] as const).map((mode) => (
                <Radio key={mode} value={mode}>
                  {t(`annotate.tools.penModes.${mode}`)}
                </Radio>
              ))}
            </Radio.Group>
          }
        >
          <Button
            size="large"
            type={settings.penMode === 'on' ? 'primary' : 'text'}
            icon={<EditFilled />}
            aria-label={t('annotate.tools.penMode')}
            data-testid="pen-mode"
          />
        </Popover>
        <Popover trigger="click" title={t('annotate.tools.authors')} content={authorsMenu}>
          <Button
            size="large"
            type={hiddenCount > 0 ? 'primary' : 'text'}
            icon={<EyeOutlined />}
            aria-label={t('annotate.tools.authors')}
            data-testid="authors"
          />
        </Popover>
      </Space>
    </div>
  );
}
