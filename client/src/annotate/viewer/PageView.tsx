// One page on the stage, with everything on it: the background (a rendered PDF page, a whiteboard page), the ink of
// the open layers, sticky notes and the presenter's laser. Owns the page's camera (pinch, pan, wheel) unless it follows
// the presenter, and reports what it shows so that a presenter can broadcast it.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import { InkLayer } from '../ink/InkLayer.tsx';
import type { InkHistory } from '../ink/inkHistory.ts';
import type { InkSettings } from '../ink/inkSettings.ts';
import { InkTools } from '../ink/inkTools.ts';
import { NotesLayer } from '../ink/NotesLayer.tsx';
import { PageInk, type InkSource, type PageInkSnapshot } from '../ink/pageInk.ts';
import { cameraShowing, fittedCamera, scaleOf, viewCentre, type Camera, type Point, type Size } from './camera.ts';
import { StageInput, type StageDelegate } from './stageInput.ts';

export interface PageViewProps {
  pageKey: string;
  /** The page's size in its own units (PDF points; whiteboard units). */
  pageSize: Size;
  /** The page's background at `scale` CSS pixels per page unit. */
  renderBackground(scale: number): ReactNode;
  sources: InkSource[];
  userId: string;
  canDraw: boolean;
  moderator: boolean;
  history: InkHistory;
  settings: InkSettings;
  penSeen: boolean;
  onPenSeen(): void;
  /** The presenter's view to show (following), or null to move freely. */
  follow: { zoom: number; centre: Point } | null;
  onView(view: { zoom: number; centre: Point }): void;
  /** The person moved, zoomed or flipped the page themselves. */
  onNavigated(): void;
  onFlip(delta: 1 | -1): void;
  /** The presenter's laser pointer on this page. */
  laser: { x: number; y: number; name: string } | null;
  onLaser(point: { x: number; y: number } | null): void;
  nameOf(userId: string): string;
  failed(error: unknown): void;
}

const EMPTY: PageInkSnapshot = { strokes: [], notes: [] };
const noSubscription = () => () => undefined;

function useStageSize(element: HTMLElement | null): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const next = { width: element.clientWidth, height: element.clientHeight };
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

export function PageView(props: PageViewProps) {
  const { pageKey, pageSize, sources, settings, follow } = props;
  const [stage, setStage] = useState<HTMLDivElement | null>(null);
  const stageSize = useStageSize(stage);
  const [camera, setCamera] = useState<Camera>({ zoom: 1, x: 0, y: 0 });
  const [openNote, setOpenNote] = useState<string | null>(null);
  const liveRef = useRef<SVGPathElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const cameraRef = useRef(camera);
  cameraRef.current = camera;
  const stageSizeRef = useRef(stageSize);
  stageSizeRef.current = stageSize;
  const aspect = pageSize.height / pageSize.width;

  const [ink, setInk] = useState<PageInk | null>(null);
  useEffect(() => {
    const store = new PageInk(sources, pageKey);
    setInk(store);
    return () => store.destroy();
  }, [sources, pageKey]);
  const snapshot = useSyncExternalStore(ink?.subscribe ?? noSubscription, ink?.getSnapshot ?? (() => EMPTY));

  // A new page (or a resized stage) starts fitted, unless the presenter's view says otherwise.
  const ready = stageSize.width > 0 && stageSize.height > 0;
  useEffect(() => {
    if (!ready) return;
    const { follow: target } = latest.current;
    setCamera(
      target ? cameraShowing(target.zoom, target.centre, pageSize, stageSize) : fittedCamera(pageSize, stageSize),
    );
  }, [pageKey, pageSize, stageSize, ready]);

  // Primitives, not the object: the presenter's view is a new object on every render of the workspace.
  const followZoom = follow?.zoom ?? null;
  const followX = follow?.centre.x ?? null;
  const followY = follow?.centre.y ?? null;
  useEffect(() => {
    if (ready && followZoom !== null && followX !== null && followY !== null)
      setCamera(cameraShowing(followZoom, { x: followX, y: followY }, pageSize, stageSize));
  }, [followZoom, followX, followY, pageSize, stageSize, ready]);

  useEffect(() => {
    if (ready) latest.current.onView({ zoom: camera.zoom, centre: viewCentre(camera, pageSize, stageSize) });
  }, [camera, pageSize, stageSize, ready]);

  const tools = useMemo(() => {
    if (!ink) return null;
    return new InkTools({
      settings: () => latest.current.settings,
      page: pageKey,
      aspect: () => latest.current.pageSize.height / latest.current.pageSize.width,
      minDistance: () => {
        const scale = scaleOf(cameraRef.current, latest.current.pageSize, stageSizeRef.current);
        return 0.5 / Math.max(1, latest.current.pageSize.width * scale);
      },
      ink,
      userId: props.userId,
      history: props.history,
      moderator: props.moderator,
      canDraw: props.canDraw,
      livePath: () => liveRef.current,
      noteCreated: (id) => setOpenNote(id),
      laser: (point) => latest.current.onLaser(point),
      failed: (err) => latest.current.failed(err),
    });
  }, [ink, pageKey, props.userId, props.history, props.moderator, props.canDraw]);
  useEffect(() => () => tools?.destroy(), [tools]);

  useEffect(() => {
    if (!stage || !tools) return;
    const delegate: StageDelegate = {
      routing: () => ({
        penMode: latest.current.settings.penMode,
        penSeen: latest.current.penSeen,
        handTool: latest.current.settings.tool === 'hand',
      }),
      camera: () => cameraRef.current,
      pageSize: () => latest.current.pageSize,
      setCamera: (next) => {
        cameraRef.current = next;
        setCamera(next);
        latest.current.onNavigated();
      },
      flip: (delta) => latest.current.onFlip(delta),
      penSeen: () => latest.current.onPenSeen(),
      drawStart: (id, sample) => tools.start(id, sample),
      drawMove: (id, samples) => tools.move(id, samples),
      drawEnd: (id) => tools.end(id),
      drawCancel: (id) => tools.cancel(id),
      hover: (sample) => {
        if (latest.current.settings.tool === 'laser')
          latest.current.onLaser(sample ? { x: sample.x, y: sample.y } : null);
      },
    };
    const input = new StageInput(stage, delegate);
    return () => input.destroy();
  }, [stage, tools]);

  const scale = ready ? scaleOf(camera, pageSize, stageSize) : 0;
  const pageStyle = {
    width: pageSize.width * scale,
    height: pageSize.height * scale,
    transform: `translate(${camera.x}px, ${camera.y}px)`,
    '--total-scale-factor': scale,
  } as CSSProperties;

  return (
    <div
      ref={setStage}
      className={`an-stage an-stage--${settings.tool}`}
      data-testid="page-stage"
      data-page={pageKey}
      data-zoom={camera.zoom.toFixed(2)}
    >
      {ready && (
        <div className="an-page" style={pageStyle} data-testid="page" data-page={pageKey}>
          {props.renderBackground(scale)}
          <InkLayer strokes={snapshot.strokes} hidden={settings.hidden} aspect={aspect} liveRef={liveRef} />
          {ink && (
            <NotesLayer
              notes={snapshot.notes}
              hidden={settings.hidden}
              ink={ink}
              history={props.history}
              userId={props.userId}
              nameOf={props.nameOf}
              opened={openNote}
              onOpen={setOpenNote}
              failed={props.failed}
            />
          )}
          {props.laser && (
            <div
              className="an-laser"
              style={{ left: `${props.laser.x * 100}%`, top: `${props.laser.y * 100}%` }}
              data-testid="laser"
              title={props.laser.name}
            />
          )}
        </div>
      )}
    </div>
  );
}
