// Finds a font that can set Chinese text for PDF export: TONGBAN_PDF_FONT, else fontconfig's choice for zh-cn.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export interface FontChoice {
  file: string;
  /** For font collections (.ttc) the face to use. */
  postscriptName: string | undefined;
}

let cached: FontChoice | null | undefined;

export function findCjkFont(): FontChoice | null {
  if (cached !== undefined) return cached;
  const configured = process.env.TONGBAN_PDF_FONT;
  if (configured) {
    const [file, postscriptName] = configured.split('#');
    cached = file && fs.existsSync(file) ? { file, postscriptName } : null;
    return cached;
  }
  try {
    const out = execFileSync('fc-match', ['-f', '%{file}|%{postscriptname}', ':lang=zh-cn'], { encoding: 'utf8', timeout: 5_000 }).trim();
    const [file, postscriptName] = out.split('|');
    // fontconfig always answers with something; only accept a face that really covers Chinese.
    const covers = execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8', timeout: 5_000 });
    cached = file && covers.includes(file) ? { file, postscriptName: postscriptName || undefined } : null;
  } catch {
    cached = null;
  }
  return cached;
}
