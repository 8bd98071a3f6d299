import { describe, expect, it } from 'vitest';
import {
  cameraShowing,
  clampCamera,
  fitScale,
  fittedCamera,
  MAX_ZOOM,
  panBy,
  toPage,
  viewCentre,
  zoomAt,
} from './camera.ts';

const A4 = { width: 595, height: 842 };
const STAGE = { width: 1016, height: 616 };

describe('camera', () => {
  it('fits a portrait page by its height and centres it', () => {
    const scale = fitScale(A4, STAGE);
    expect(scale).toBeCloseTo((616 - 16) / 842);
    const camera = fittedCamera(A4, STAGE);
    expect(camera.zoom).toBe(1);
    expect(camera.x).toBeCloseTo((1016 - 595 * scale) / 2);
    expect(camera.y).toBeCloseTo((616 - 842 * scale) / 2);
  });

  it.each([
    ['a pinch in the middle', { x: 508, y: 308 }, 2],
    ['a pinch near the corner', { x: 300, y: 100 }, 3],
    ['a spread out and back', { x: 700, y: 500 }, 1.5],
  ])('keeps the page point under the fingers when zooming: %s', (_, focus, factor) => {
    const camera = fittedCamera(A4, STAGE);
    const before = toPage(focus, camera, A4, STAGE);
    const after = toPage(focus, zoomAt(camera, factor, focus, A4, STAGE), A4, STAGE);
    // Clamping may move a zoomed page back onto the stage; inside the page the point stays put.
    if (before.x > 0.2 && before.x < 0.8 && before.y > 0.2 && before.y < 0.8) {
      expect(after.x).toBeCloseTo(before.x, 5);
      expect(after.y).toBeCloseTo(before.y, 5);
    }
  });

  it('limits zoom to its range', () => {
    const camera = fittedCamera(A4, STAGE);
    expect(zoomAt(camera, 100, { x: 10, y: 10 }, A4, STAGE).zoom).toBe(MAX_ZOOM);
    expect(zoomAt(camera, 0.01, { x: 10, y: 10 }, A4, STAGE).zoom).toBe(1);
    expect(clampCamera({ zoom: Number.NaN, x: 0, y: 0 }, A4, STAGE).zoom).toBe(1);
  });

  it('does not pan a fitted page, and pans a zoomed one only as far as its edges', () => {
    const fitted = fittedCamera(A4, STAGE);
    expect(panBy(fitted, 200, 50, A4, STAGE)).toEqual(fitted);
    const zoomed = zoomAt(fitted, 3, { x: 508, y: 308 }, A4, STAGE);
    const far = panBy(zoomed, 10_000, 10_000, A4, STAGE);
    expect(far.x).toBe(0);
    expect(far.y).toBe(0);
    const other = panBy(zoomed, -10_000, -10_000, A4, STAGE);
    const scale = fitScale(A4, STAGE) * 3;
    expect(other.x).toBeCloseTo(STAGE.width - A4.width * scale);
    expect(other.y).toBeCloseTo(STAGE.height - A4.height * scale);
  });

  it('shows a follower the part of the page the presenter looks at, on a stage of another size', () => {
    // Zoomed in far enough that the page is larger than both stages (a smaller page is centred instead).
    const presenter = zoomAt(fittedCamera(A4, STAGE), 4, { x: 560, y: 380 }, A4, STAGE);
    const centre = viewCentre(presenter, A4, STAGE);
    const tablet = { width: 1280, height: 700 };
    const follower = cameraShowing(presenter.zoom, centre, A4, tablet);
    const seen = viewCentre(follower, A4, tablet);
    expect(seen.x).toBeCloseTo(centre.x, 2);
    expect(seen.y).toBeCloseTo(centre.y, 2);
  });
});
