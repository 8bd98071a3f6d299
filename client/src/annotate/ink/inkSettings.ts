// The drawing settings a person picks in the ink toolbar: tool, colour, width, the layer new ink goes to, pen-only
// mode and whose ink is hidden. Remembered per browser, so a tablet keeps its owner's pen between pages.
import type { InkTool } from '../../../../common/schema/inkModel.ts';
import type { PenMode } from '../viewer/pointerRouting.ts';
import type { LayerKind } from './pageInk.ts';

export type ToolName = InkTool | 'eraser' | 'note' | 'laser' | 'hand';

export const PALETTE = ['#1f1f1f', '#d4380d', '#1f4fa8', '#389e0d', '#d48806', '#722ed1'] as const;
/** Highlighters come in light colours that text shows through. */
export const HIGHLIGHTS = ['#fadb14', '#95de64', '#69c0ff', '#ff85c0'] as const;

/** Three widths per drawing tool, in page units (the page box is 1000 wide). */
export const WIDTHS: Record<InkTool, readonly [number, number, number]> = {
  pen: [1.5, 3, 6],
  highlighter: [12, 20, 32],
  line: [1.5, 3, 6],
};

export interface InkSettings {
  tool: ToolName;
  color: string;
  highlight: string;
  /** 0, 1 or 2: thin, medium, thick. */
  size: number;
  layer: LayerKind;
  penMode: PenMode;
  /** Authors (user ids) whose ink is hidden. */
  hidden: readonly string[];
}

export const DEFAULT_SETTINGS: InkSettings = {
  tool: 'pen',
  color: PALETTE[1],
  highlight: HIGHLIGHTS[0],
  size: 1,
  layer: 'shared',
  penMode: 'auto',
  hidden: [],
};

export function isDrawingTool(tool: ToolName): tool is InkTool {
  return tool === 'pen' || tool === 'highlighter' || tool === 'line';
}

/** The colour and width a new stroke gets with these settings. */
export function strokeStyle(settings: InkSettings, tool: InkTool): { color: string; width: number } {
  return {
    color: tool === 'highlighter' ? settings.highlight : settings.color,
    width: WIDTHS[tool][Math.min(2, Math.max(0, settings.size))]!,
  };
}

const STORAGE_KEY = 'tongban.ink.settings';

export function loadSettings(): InkSettings {
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<InkSettings> | null;
    // Hidden authors and the private layer are choices for one sitting, not for every meeting.
    return stored ? { ...DEFAULT_SETTINGS, ...stored, hidden: [], layer: 'shared' } : DEFAULT_SETTINGS;
  } catch (err) {
    console.warn('ink settings unreadable, using the defaults', err);
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(settings: InkSettings): void {
  const { tool, color, highlight, size, penMode } = settings;
  window.localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({ tool: tool === 'laser' ? 'pen' : tool, color, highlight, size, penMode }),
  );
}
