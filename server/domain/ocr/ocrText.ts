// Tidies what tesseract's chi_sim model prints: it puts a space between Chinese characters (its word boxes) and ends
// pages with a form feed. Chinese text has no spaces, so spaces between two CJK characters (or CJK punctuation) go;
// spaces inside Latin words and numbers stay, as do line breaks; blank lines shrink to one. It also reads Chinese
// punctuation as its ASCII look-alike (部门: for 部门：): after a Chinese character it becomes full-width again.

/** CJK ideographs, CJK and full-width punctuation. */
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'g');
/** A space after CJK before a Latin letter or digit, or the reverse, is tesseract's too when it is a single one. */
const CJK_EDGE = new RegExp(`(?<=[${CJK}]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[${CJK}])`, 'g');

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
const ASCII_AFTER_CJK = new RegExp(`(?<=[${CJK}])[,:;?!]`, 'g');

export function tidyOcrText(raw: string): string {
  return raw
    .replace(/\f/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(ASCII_AFTER_CJK, (c) => FULL_WIDTH[c] ?? c)
        .replace(BETWEEN_CJK, '')
        .replace(CJK_EDGE, '')
        .replace(/[ \t]+$/, '')
        .replace(/^[ \t]+/, ''),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of recognised pages, in order, a blank line between pages. */
export function joinPages(pages: readonly string[]): string {
  return pages.filter((p) => p.length > 0).join('\n\n');
}
