// A page with its visible ink as one picture: the background (PDF page, screen snapshot, white) and every visible
// stroke drawn from the same SVG paths the page shows. Saved as PNG or PDF, or attached to the meeting's minutes.
import { strokePoints } from '../../../../common/schema/inkModel.ts';
import type { PageStroke } from '../ink/pageInk.ts';
import { PAGE_UNITS, strokeShape } from '../ink/strokeShape.ts';
import type { Size } from '../viewer/camera.ts';
import { imagePdf } from './imagePdf.ts';

/** Long side of an exported page, in pixels: sharp when printed on A4, small enough for the minutes. */
const EXPORT_LONG_SIDE = 2000;

export interface PageToExport {
  size: Size;
  strokes: PageStroke[];
  drawBackground(ctx: CanvasRenderingContext2D, width: number, height: number): Promise<void>;
}

export async function renderPage(page: PageToExport): Promise<HTMLCanvasElement> {
  const scale = EXPORT_LONG_SIDE / Math.max(page.size.width, page.size.height);
  const width = Math.round(page.size.width * scale);
  const height = Math.round(page.size.height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  await page.drawBackground(ctx, width, height);
  const aspect = page.size.height / page.size.width;
  ctx.save();
  // Paths are in page units: 1000 across.
  ctx.scale(width / PAGE_UNITS, width / PAGE_UNITS);
  for (const { stroke } of page.strokes) {
    const shape = strokeShape(stroke.tool, strokePoints(stroke), stroke.width, aspect);
    const path = new Path2D(shape.d);
    ctx.globalAlpha = shape.opacity;
    ctx.globalCompositeOperation = stroke.tool === 'highlighter' ? 'multiply' : 'source-over';
    if (shape.paint === 'fill') {
      ctx.fillStyle = stroke.color;
      ctx.fill(path);
    } else {
      ctx.strokeStyle = stroke.color;
      ctx.lineWidth = shape.width;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.stroke(path);
    }
  }
  ctx.restore();
  return canvas;
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`could not encode ${type}`))), type, quality),
  );
}

export function pngOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return toBlob(canvas, 'image/png');
}

/** A one-page PDF of the picture, the page as large as the original (PDF points; whiteboard units count as points). */
export async function pdfOf(canvas: HTMLCanvasElement, size: Size): Promise<Blob> {
  const jpeg = new Uint8Array(await (await toBlob(canvas, 'image/jpeg', 0.92)).arrayBuffer());
  return new Blob([imagePdf(jpeg, { width: canvas.width, height: canvas.height }, size) as Uint8Array<ArrayBuffer>], {
    type: 'application/pdf',
  });
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
