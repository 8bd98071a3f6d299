// Pinyin initials of a Chinese name (陈明 → CM), so the 通讯录 finds people by the letters everyone types on a phone.
// No dictionary: the Chinese collation of ICU orders characters by pinyin, so the first character of each initial's
// range tells which initial a character falls under. Polyphonic surnames (曾, 单) take their common reading.

const INITIALS = 'ABCDEFGHJKLMNOPQRSTWXYZ';
/** The first character, in pinyin order, of each initial's range (I, U and V begin no syllable). */
const RANGE_STARTS = [...'阿八嚓哒妸发旮哈讥咔垃妈拏噢妑七呥仨它屲夕丫帀'];

const collator = new Intl.Collator('zh-Hans-CN');

function initialOf(ch: string): string {
  if (/^[a-z0-9]$/i.test(ch)) return ch.toUpperCase();
  if (!/^\p{Script=Han}$/u.test(ch)) return '';
  let initial = '';
  for (let i = 0; i < RANGE_STARTS.length && collator.compare(RANGE_STARTS[i]!, ch) <= 0; i++) initial = INITIALS[i]!;
  return initial;
}

/** The initials of every character that has one, upper case: 欧阳娜娜 → OYNN, 区发改委 → QFGW. */
export function pinyinInitials(text: string): string {
  return [...text].map(initialOf).join('');
}
