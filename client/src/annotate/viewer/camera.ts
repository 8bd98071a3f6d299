// Where a page sits on screen: zoom (1 = the whole page fits the stage) and the page's top-left corner in stage pixels.
// Pure: pinch, wheel and "follow the presenter" all go through these functions.

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Camera {
  /** 1 = the page fits the stage; 4 = four times that. */
  zoom: number;
  /** The page's top-left corner, in stage pixels. */
  x: number;
  y: number;
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 6;
/** Space left around a fitted page, in stage pixels. */
const MARGIN = 8;

/** Stage pixels per page unit at zoom 1: the page fits the stage, margins included. */
export function fitScale(page: Size, stage: Size): number {
  if (page.width <= 0 || page.height <= 0) return 1;
  return Math.max(0.01, Math.min((stage.width - 2 * MARGIN) / page.width, (stage.height - 2 * MARGIN) / page.height));
}

export function scaleOf(camera: Camera, page: Size, stage: Size): number {
  return fitScale(page, stage) * camera.zoom;
}

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(zoom) ? zoom : MIN_ZOOM));

/**
 * Keeps the page on the stage: a page narrower (shorter) than the stage is centred on that axis; a larger one may not
 * be panned so far that the stage shows empty space beside it.
 */
export function clampCamera(camera: Camera, page: Size, stage: Size): Camera {
  const zoom = clampZoom(camera.zoom);
  const scale = fitScale(page, stage) * zoom;
  const w = page.width * scale;
  const h = page.height * scale;
  const axis = (offset: number, size: number, room: number) =>
    size <= room ? (room - size) / 2 : Math.min(0, Math.max(room - size, offset));
  return { zoom, x: axis(camera.x, w, stage.width), y: axis(camera.y, h, stage.height) };
}

/** The whole page, centred. */
export function fittedCamera(page: Size, stage: Size): Camera {
  return clampCamera({ zoom: 1, x: 0, y: 0 }, page, stage);
}

/** Zooms by `factor` keeping the page point under `focus` (stage pixels) where it is: pinch and ctrl+wheel. */
export function zoomAt(camera: Camera, factor: number, focus: Point, page: Size, stage: Size): Camera {
  const before = scaleOf(camera, page, stage);
  const zoom = clampZoom(camera.zoom * factor);
  const after = fitScale(page, stage) * zoom;
  const ratio = after / before;
  return clampCamera(
    { zoom, x: focus.x - (focus.x - camera.x) * ratio, y: focus.y - (focus.y - camera.y) * ratio },
    page,
    stage,
  );
}

export function panBy(camera: Camera, dx: number, dy: number, page: Size, stage: Size): Camera {
  return clampCamera({ ...camera, x: camera.x + dx, y: camera.y + dy }, page, stage);
}

/** A stage point as a page point normalised to 0..1 (ink coordinates); may fall outside 0..1 beside the page. */
export function toPage(point: Point, camera: Camera, page: Size, stage: Size): Point {
  const scale = scaleOf(camera, page, stage);
  return { x: (point.x - camera.x) / (page.width * scale), y: (point.y - camera.y) / (page.height * scale) };
}

/**
 * The page point (0..1) at the middle of the stage: what the presenter broadcasts, so that followers with other
 * screen sizes look at the same part of the page.
 */
export function viewCentre(camera: Camera, page: Size, stage: Size): Point {
  const centre = toPage({ x: stage.width / 2, y: stage.height / 2 }, camera, page, stage);
  return { x: Math.min(1, Math.max(0, centre.x)), y: Math.min(1, Math.max(0, centre.y)) };
}

/** The camera that shows `centre` (0..1) in the middle of this stage at `zoom`: following a presenter. */
export function cameraShowing(zoom: number, centre: Point, page: Size, stage: Size): Camera {
  const scale = fitScale(page, stage) * clampZoom(zoom);
  return clampCamera(
    { zoom, x: stage.width / 2 - centre.x * page.width * scale, y: stage.height / 2 - centre.y * page.height * scale },
    page,
    stage,
  );
}
