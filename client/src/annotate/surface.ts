// What the workspace hands each surface (a material, the whiteboard): who is drawing with which settings, following
// the presenter, and where a surface reports its undo history and access for the toolbar.
import type { Follow } from './follow/useFollow.ts';
import type { InkHistory } from './ink/inkHistory.ts';
import type { InkSettings } from './ink/inkSettings.ts';
import type { AttachmentSource } from '../api/annotations.ts';
import type { InkSource } from './ink/pageInk.ts';
import type { Point, Size } from './viewer/camera.ts';
import type { PageViewProps } from './viewer/PageView.tsx';

export interface InkAccess {
  history: InkHistory | null;
  canDraw: boolean;
  moderator: boolean;
  /** The surface has a private layer (materials do; the whiteboard is shared by nature). */
  privateLayer: boolean;
}

export interface SurfaceContext {
  meetingId: string;
  me: { id: string; name: string };
  settings: InkSettings;
  penSeen: boolean;
  onPenSeen(): void;
  nameOf(userId: string): string;
  failed(error: unknown): void;
  /** The ink model refused a stroke or note (a limit): said in plain words, the detail logged. */
  inkRefused(error: unknown): void;
  /** The server refused an ink change; the layer was reloaded from its copy. */
  serverRefused(): void;
  follow: Follow;
  /** The person moved or zoomed the page themselves: browsing on from what is shown now. */
  navigated(): void;
  onInk(access: InkAccess): void;
}

/** The presenter's view of the page a surface shows, when following them there. */
export interface FollowedView {
  /** The presenter's camera, while following them; null when browsing on the same page. */
  camera: { zoom: number; centre: Point } | null;
  laser: { x: number; y: number; name: string } | null;
}

/** What exporting the page in view needs (PNG/PDF download, a picture in the minutes). */
export interface ExportablePage {
  pageKey: string;
  size: Size;
  sources: InkSource[];
  drawBackground(ctx: CanvasRenderingContext2D, width: number, height: number): Promise<void>;
  source: AttachmentSource;
  /** Shown above the picture in the minutes. */
  caption: string;
}

/** The page view's props that come from the workspace: who draws how, and following the presenter on this page. */
export function surfacePageProps(
  ctx: SurfaceContext,
  followed: FollowedView | null,
  shown: { materialId: string | null; page: string },
) {
  return {
    userId: ctx.me.id,
    penSeen: ctx.penSeen,
    onPenSeen: ctx.onPenSeen,
    follow: followed?.camera ?? null,
    onView: (view: { zoom: number; centre: Point }) => ctx.follow.show({ ...shown, ...view }),
    onNavigated: ctx.navigated,
    laser: followed?.laser ?? null,
    onLaser: ctx.follow.laser,
    nameOf: ctx.nameOf,
    failed: ctx.inkRefused,
  } satisfies Partial<PageViewProps>;
}
