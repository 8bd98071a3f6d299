// Finds the deadline of a decision item and resolves it against the meeting date. Several
// expressions may appear ("5个工作日内提出方案，年底前拨付到位"); the task is due at the latest one.

import { parseIsoDate, type IsoDate } from '../calendar/isoDate.ts';
import { toHalfWidthDigits } from './chineseNumber.ts';
import { DEADLINE_RULES, type RuleContext } from './deadlineRules.ts';

export interface DeadlineMatch {
  start: number;
  end: number;
  text: string;
  rule: string;
  due: IsoDate | null;
  estimated: boolean;
  ongoing: boolean;
}

export interface DeadlineReading {
  due: IsoDate | null;
  estimated: boolean;
  /** Open-ended wording (长期坚持, 即日起) and no date. */
  ongoing: boolean;
  matches: DeadlineMatch[];
}

// 于/在/到/至 lead into a date, but not inside 关于, 现在, 达到, 截至 ("as of").
const LEADS_INTO_DEADLINE =
  /(?:(?<![关对基鉴由])于|(?<![现存正实所])在|(?<![达得收遇])到|(?<![截以乃甚])至|截止|截止到|最迟|最晚|不晚于|力争|争取|确保|计划|预计|限|时限|时间|期限|节点)\s*[：:]?\s*$/;
const FOLLOWS_DEADLINE =
  /^\s*(?:前|之前|以前|止|为止|以内|内|完成|办结|报送|提交|上报|报|到位|实现|落实|建成|开工|投用|投运|投入使用|启用|运行|开业|竣工|通车|完工|交付|上线|印发|出台|形成|拿出|提出|全面完成|基本完成|全部完成|全覆盖)/;
const FOLLOWS_MENTION = /^\s*(?:起|开始|以来|至今|召开|举行|期间|的)/;
const MARKS_DEADLINE = /(?:前|止|底|末|旬|内)$/;

function insideBookTitle(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}

function isDeadlineHere(text: string, start: number, end: number, selfEvident: boolean, matched: string): boolean {
  const after = text.slice(end, end + 8);
  if (FOLLOWS_MENTION.test(after) && !/前|止$/.test(matched)) return false;
  // "明年5月", "明年一季度": a coming period is when something is to happen, not a mention.
  if (selfEvident || MARKS_DEADLINE.test(matched) || /^(?:明年|次年|来年|后年)[^日号]*$/.test(matched)) return true;
  return LEADS_INTO_DEADLINE.test(text.slice(Math.max(0, start - 6), start)) || FOLLOWS_DEADLINE.test(after);
}

/** Every deadline expression in the text, overlapping matches resolved in favour of the longer. */
export function findDeadlines(rawText: string, meetingDate: IsoDate): DeadlineMatch[] {
  const text = toHalfWidthDigits(rawText);
  const ctx: RuleContext = { meeting: parseIsoDate(meetingDate), meetingDate };
  const found: DeadlineMatch[] = [];
  // A date read as a mention ("12月5日召开") also silences the shorter readings inside it ("12月").
  const mentions: Array<[number, number]> = [];
  for (const rule of DEADLINE_RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const matched = m[0].trimEnd();
      const start = m.index;
      const end = start + matched.length;
      if (matched.length === 0 || insideBookTitle(text, start)) continue;
      if (!isDeadlineHere(text, start, end, rule.selfEvident, matched)) {
        mentions.push([start, end]);
        continue;
      }
      const resolution = rule.resolve({ ...m.groups, 0: m[0] }, ctx);
      if (!resolution) continue;
      found.push({ start, end, text: matched, rule: rule.name, ...resolution, ongoing: resolution.ongoing ?? false });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DeadlineMatch[] = [];
  const insideMention = (m: DeadlineMatch) =>
    mentions.some(([s, e]) => s <= m.start && m.end <= e && e - s > m.end - m.start);
  for (const match of found) {
    if (!insideMention(match) && !kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function readDeadline(text: string, meetingDate: IsoDate): DeadlineReading {
  const matches = findDeadlines(text, meetingDate);
  let latest: DeadlineMatch | null = null;
  for (const m of matches) if (m.due !== null && (latest === null || m.due > (latest.due ?? ''))) latest = m;
  return {
    due: latest?.due ?? null,
    estimated: latest?.estimated ?? false,
    ongoing: latest === null && matches.some((m) => m.ongoing),
    matches,
  };
}
