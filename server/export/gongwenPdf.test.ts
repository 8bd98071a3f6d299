// The 公文 PDF as a reader sees it: rendered by poppler (pdftoppm, pdftotext from Debian's poppler-utils) — the red
// 版头 and rule where GB/T 9704 puts them, the 发文字号 and the 版记 as text, the red seal over the 成文日期, and the same
// bytes every time for the same document (so a seal's signature can be checked against a re-rendering).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGongwenFonts } from './gongwenFonts.ts';
import { MM, TYPE_AREA } from './gongwenLayout.ts';
import { renderGongwenPdf, type GongwenPdfInput } from './gongwenPdf.ts';
import { para, sampleNotice } from '../../tests/support/gongwenSample.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-gongwen-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let input: GongwenPdfInput;
let pdf: Buffer;
let file: string;

beforeAll(async () => {
  const fonts = findGongwenFonts();
  if (!fonts) throw new Error('No Chinese font on this machine: apt-get install texlive-lang-chinese (see README)');
  input = sampleNotice(
    fonts,
    [
      para('为切实做好冬季安全生产工作，确保全市安全形势持续稳定，经市政府同意，现就有关事项通知如下。'),
      para('一、压实工作责任。严格落实属地管理责任和部门监管责任，层层分解任务。'),
      para('二、强化应急值守。严格执行领导带班和24小时值班制度。'),
    ],
    ['市委各部门', '市人大常委会办公室'],
  );
  pdf = (await renderGongwenPdf(input)).pdf;
  file = path.join(dir, 'notice.pdf');
  fs.writeFileSync(file, pdf);
});

/** Page `n` rendered at 50 dpi, as RGB pixels. */
function raster(n: number, dpi = 50): { width: number; height: number; at: (x: number, y: number) => number[] } {
  const prefix = path.join(dir, `page${n}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(n), '-l', String(n), '-singlefile', file, prefix]);
  const ppm = fs.readFileSync(`${prefix}.ppm`);
  // P6 header: "P6\n<w> <h>\n255\n"
  const header = ppm.subarray(0, 40).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(header)!;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const offset = m[0].length;
  return {
    width,
    height,
    at: (x, y) => [...ppm.subarray(offset + (y * width + x) * 3, offset + (y * width + x) * 3 + 3)],
  };
}

/** Red pixels in a box given in points from the page's top left. */
function redPixels(page: ReturnType<typeof raster>, box: { x0: number; y0: number; x1: number; y1: number }, dpi = 50) {
  const s = dpi / 72;
  let count = 0;
  for (let y = Math.floor(box.y0 * s); y < Math.min(page.height, box.y1 * s); y++)
    for (let x = Math.floor(box.x0 * s); x < Math.min(page.width, box.x1 * s); x++) {
      const [r, g, b] = page.at(x, y) as [number, number, number];
      if (r > 180 && g < 110 && b < 110) count++;
    }
  return count;
}

function words(): Array<{ text: string; xMin: number; yMin: number; xMax: number; yMax: number; page: number }> {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: ReturnType<typeof words> = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</.exec(line);
    if (m) out.push({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]!, page });
  }
  return out;
}

describe('公文 PDF (GB/T 9704-2012)', () => {
  it('reads as text with its 发文字号, title, 主送机关 and 版记', () => {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      '某政办发〔2026〕12号',
      '各区人民政府，市政府各部门：',
      '抄送：市委各部门，市人大常委会办公室。',
      '2026年12月4日印发',
      '附件：检查重点清单',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/—\s*1\s*—/);
  });

  it('is A4 with the red 版头 35 mm into the type area and the red rule under the number', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const page = raster(1);
    const markTop = TYPE_AREA.top + 35 * MM;
    expect(
      redPixels(page, { x0: TYPE_AREA.left, y0: markTop, x1: TYPE_AREA.left + TYPE_AREA.width, y1: markTop + 16 * MM }),
    ).toBeGreaterThan(400);
    // Nothing red above the mark (份号, 密级, 紧急程度 are black).
    expect(redPixels(page, { x0: 0, y0: 0, x1: 595, y1: markTop - 2 })).toBe(0);
    const number = words().find((w) => w.text.includes('〔2026〕'))!;
    const ruleBand = {
      x0: TYPE_AREA.left,
      y0: number.yMax + 2 * MM,
      x1: TYPE_AREA.left + TYPE_AREA.width,
      y1: number.yMax + 6 * MM,
    };
    // A red line the full width of the type area: red in each tenth of it.
    for (let k = 0; k < 10; k++) {
      const step = TYPE_AREA.width / 10;
      expect(
        redPixels(page, { ...ruleBand, x0: TYPE_AREA.left + k * step, x1: TYPE_AREA.left + (k + 1) * step }),
      ).toBeGreaterThan(0);
    }
  });

  it('has the red seal over the 成文日期', () => {
    const date = words()
      .filter((w) => w.text.includes('2026年12月4日') && !w.text.includes('印发'))
      .at(-1)!;
    const page = raster(date.page);
    const around = {
      x0: date.xMin - 10 * MM,
      y0: date.yMin - 25 * MM,
      x1: date.xMax + 10 * MM,
      y1: date.yMax + 5 * MM,
    };
    expect(redPixels(page, around)).toBeGreaterThan(500);
    // The date is four characters in from the right edge of the type area.
    expect(TYPE_AREA.left + TYPE_AREA.width - date.xMax).toBeGreaterThan(3.5 * 15.7);
    expect(TYPE_AREA.left + TYPE_AREA.width - date.xMax).toBeLessThan(4.5 * 15.7);
  });

  it('renders the same document to the same bytes', async () => {
    const again = (await renderGongwenPdf(input)).pdf;
    expect(again.equals(pdf)).toBe(true);
  });
});
