// Numbers as written in minutes: Arabic digits (half or full width) or Chinese numerals (十五, 两, 二十三).

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Regex source matching one number token of either kind. */
export const NUMBER_SOURCE = '[0-9０-９]+|[零〇一二两三四五六七八九十百千]+';

/** Full-width digits become ASCII; the length is unchanged so text offsets stay valid. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Parses 3, １２, 十五, 二十三, 一百零五, 两; returns null for anything else. */
export function parseNumber(token: string): number | null {
  const ascii = toHalfWidthDigits(token);
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(token)) return null;
  let total = 0;
  let pending: number | null = null;
  for (const ch of token) {
    const digit = DIGITS[ch];
    const unit = UNITS[ch];
    if (digit !== undefined) {
      if (pending !== null && pending !== 0) return null; // two digits in a row, e.g. 一二
      pending = digit;
    } else if (unit !== undefined) {
      total += (pending ?? 1) * unit; // a bare 十 means 一十
      pending = null;
    }
  }
  return total + (pending ?? 0);
}
