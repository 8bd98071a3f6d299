// Finds a font that can set Chinese text for PDF export: the configured one (TONGBAN_PDF_FONT), else fontconfig's
// choice for zh-cn.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export interface FontChoice {
  file: string;
  /** For font collections (.ttc) the face to use. */
  postscriptName: string | undefined;
}

const chosen = new Map<string, FontChoice | null>();

/** `configured` is `config.pdfFont` (`file` or `file#PostScriptName`); without it fontconfig chooses. */
export function findCjkFont(configured: string | null = null): FontChoice | null {
  const known = chosen.get(configured ?? '');
  if (known !== undefined) return known;
  const found = configured ? configuredFont(configured) : fontconfigChoice();
  chosen.set(configured ?? '', found);
  return found;
}

/**
 * pdfkit hands a face name to fontkit, which takes it as the face of a collection (.ttc, .otc) but as a variation
 * name for a single font file, and then fails ("Variations require a font with the fvar…"): name faces of collections
 * only.
 */
function choice(file: string, postscriptName: string | undefined): FontChoice {
  return { file, postscriptName: /\.(ttc|otc)$/i.test(file) ? postscriptName : undefined };
}

function configuredFont(configured: string): FontChoice | null {
  const [file, postscriptName] = configured.split('#');
  return file && fs.existsSync(file) ? choice(file, postscriptName) : null;
}

function fontconfigChoice(): FontChoice | null {
  try {
    const out = execFileSync('fc-match', ['-f', '%{file}|%{postscriptname}', ':lang=zh-cn'], {
      encoding: 'utf8',
      timeout: 5_000,
    }).trim();
    const [file, postscriptName] = out.split('|');
    // fontconfig always answers with something; only accept a face that really covers Chinese.
    const covers = execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8', timeout: 5_000 });
    return file && covers.includes(file) ? choice(file, postscriptName || undefined) : null;
  } catch {
    return null;
  }
}
