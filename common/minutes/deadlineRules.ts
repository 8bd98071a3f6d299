// The table of deadline expressions found in minutes and how each resolves against the meeting
// date: absolute dates, month and year ends, relative months and weeks, "N个工作日内", quarters,
// half years, festivals, and open-ended wording (长期坚持, 即日起) that sets no date.

import {
  addDays,
  addMonths,
  daysInMonth,
  isoDate,
  lastDayOfMonth,
  startOfWeek,
  type CalendarDate,
  type IsoDate,
} from '../calendar/isoDate.ts';
import { FESTIVAL_DATES } from '../calendar/chinaHolidaySchedule.ts';
import { addWorkingDaysDetailed, dayInfo } from '../calendar/workingDays.ts';
import { parseNumber } from './chineseNumber.ts';

export interface RuleContext {
  meeting: CalendarDate;
  meetingDate: IsoDate;
}

export interface Resolution {
  due: IsoDate | null;
  /** A rough reading (3月前, 春节前) or counted through a year without an official holiday schedule. */
  estimated: boolean;
  ongoing?: boolean;
}

export interface DeadlineRule {
  name: string;
  pattern: RegExp;
  /**
   * true when the expression is a deadline by itself (年底, 5个工作日内). Otherwise it needs 前/底/
   * 内 in the match or deadline words around it: "12月15日召开" mentions a date, "12月15日前" sets one.
   */
  selfEvident: boolean;
  resolve(groups: Readonly<Record<string, string | undefined>>, ctx: RuleContext): Resolution | null;
}

const N = '[0-9]{1,3}|[零〇一二两三四五六七八九十百]{1,4}';
const MONTH = '1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元]';
const DAY = '3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]';
const YEAR = '(?:(?<year>[0-9]{4})\\s*年|(?<rel>今年|本年|当年|明年|次年|来年|后年)\\s*)?';
const BEFORE = '(?:\\s*(?:之前|以前|前|为止|止))?';

const exact = (due: IsoDate | null): Resolution => ({ due, estimated: false });

function monthNumber(token: string | undefined): number | null {
  if (token === undefined) return null;
  const n = token === '元' ? 1 : parseNumber(token);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

function yearOffset(rel: string | undefined): number | null {
  switch (rel) {
    case undefined:
      return null;
    case '明年':
    case '次年':
    case '来年':
      return 1;
    case '后年':
      return 2;
    default:
      return 0;
  }
}

/**
 * The year a month refers to: written out, relative (明年), or else the meeting's year — unless
 * that date has already passed at the meeting, as with "1月底前" said in November.
 */
function resolveYear(
  groups: Readonly<Record<string, string | undefined>>,
  ctx: RuleContext,
  build: (year: number) => IsoDate,
): IsoDate {
  if (groups.year) return build(Number(groups.year));
  const offset = yearOffset(groups.rel);
  if (offset !== null) return build(ctx.meeting.year + offset);
  const same = build(ctx.meeting.year);
  return same < ctx.meetingDate ? build(ctx.meeting.year + 1) : same;
}

function partOfMonth(year: number, month: number, part: string): IsoDate {
  switch (part) {
    case '上旬':
      return isoDate(year, month, 10);
    case '中旬':
      return isoDate(year, month, 20);
    case '中':
      return isoDate(year, month, 15);
    default: // 底, 末, 下旬, 内, 份
      return lastDayOfMonth(year, month);
  }
}

const WEEKDAYS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

function quarterEnd(year: number, quarter: number): IsoDate {
  return lastDayOfMonth(year, quarter * 3);
}

function festivalEve(festival: string, after: IsoDate, yearShift: number): Resolution | null {
  const start = Number(after.slice(0, 4)) + yearShift;
  for (const year of [start, start + 1]) {
    const dates = FESTIVAL_DATES[year];
    let day: IsoDate | null = null;
    if (/元旦/.test(festival)) day = isoDate(year, 1, 1);
    else if (/五一|劳动节/.test(festival)) day = isoDate(year, 5, 1);
    else if (/国庆/.test(festival)) day = isoDate(year, 10, 1);
    else if (dates && /春节/.test(festival)) day = dates.springFestival;
    else if (dates && /清明/.test(festival)) day = dates.qingming;
    else if (dates && /端午/.test(festival)) day = dates.dragonBoat;
    else if (dates && /中秋/.test(festival)) day = dates.midAutumn;
    if (day !== null && day > after) {
      // "春节前" means before the days off begin: 2026's Spring Festival is Feb 17 but the holiday
      // starts on Feb 15, so the work is due on Feb 14 (a make-up working Saturday).
      let eve = addDays(day, -1);
      while (dayInfo(eve).kind === 'holiday') eve = addDays(eve, -1);
      return { due: eve, estimated: true };
    }
  }
  return null;
}

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    name: 'absolute day (2026年12月15日前, 12月15日前)',
    pattern: new RegExp(`${YEAR}(?<m>${MONTH})\\s*月\\s*(?<d>${DAY})\\s*[日号]${BEFORE}`, 'g'),
    selfEvident: false,
    resolve: (g, ctx) => {
      const month = monthNumber(g.m);
      const day = parseNumber(g.d ?? '');
      if (month === null || day === null || day < 1) return null;
      return exact(resolveYear(g, ctx, (y) => isoDate(y, month, Math.min(day, daysInMonth(y, month)))));
    },
  },
  {
    name: 'dotted date (12.31前, 2026.12.31前)',
    // Only with 前: "1.5亿元" and "3.2%" are numbers, not dates.
    pattern:
      /(?<![0-9.])(?:(?<year>[0-9]{4})[.．/])?(?<m>1[0-2]|0?[1-9])[.．/](?<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])\s*(?:日|号)?\s*(?:之前|以前|前)/g,
    selfEvident: true,
    resolve: (g, ctx) => {
      const month = monthNumber(g.m);
      const day = parseNumber(g.d ?? '');
      if (month === null || day === null || day < 1 || day > daysInMonth(ctx.meeting.year, month)) return null;
      return exact(resolveYear(g, ctx, (y) => isoDate(y, month, day)));
    },
  },
  {
    name: 'part of a month (12月底, 明年3月底, 12月中旬, 3月前)',
    pattern: new RegExp(
      `${YEAR}(?<m>${MONTH})\\s*月份?(?!\\s*(?:${DAY})\\s*[日号])\\s*(?<part>底|末|下旬|中旬|上旬|内|中(?!心))?${BEFORE}`,
      'g',
    ),
    selfEvident: false,
    resolve: (g, ctx) => {
      const month = monthNumber(g.m);
      if (month === null) return null;
      const due = resolveYear(g, ctx, (y) => partOfMonth(y, month, g.part ?? '底'));
      // "3月前" is read as "by the end of March", a reading the clerk should confirm.
      return { due, estimated: g.part === undefined && /前/.test(g[0] ?? '') };
    },
  },
  {
    name: 'year end (年底前, 2026年底, 明年年底, 年内)',
    pattern:
      /(?:(?<year>[0-9]{4})\s*年|(?<rel>今年|本年|当年|明年|次年|来年|后年)\s*年?|年)(?<part>底|末|内|终)(?:\s*(?:之前|以前|前))?/g,
    selfEvident: true,
    resolve: (g, ctx) => {
      const offset = yearOffset(g.rel) ?? 0;
      const year = g.year ? Number(g.year) : ctx.meeting.year + offset;
      return exact(isoDate(year, 12, 31));
    },
  },
  {
    name: 'this or next month (本月30日前, 下月10日, 本月底, 下月底)',
    pattern: new RegExp(
      `(?<which>本月|当月|这个月|下个?月|次月|下一个?月)\\s*(?:(?<d>${DAY})\\s*[日号]|(?<part>底|末|内|下旬|中旬|上旬|中(?!心)))${BEFORE}`,
      'g',
    ),
    selfEvident: true,
    resolve: (g, ctx) => {
      const shift = /下|次/.test(g.which ?? '') ? 1 : 0;
      const first = addMonths(isoDate(ctx.meeting.year, ctx.meeting.month, 1), shift);
      const [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
      if (g.d !== undefined) {
        const day = parseNumber(g.d);
        return day === null || day < 1 ? null : exact(isoDate(y, m, Math.min(day, daysInMonth(y, m))));
      }
      return exact(partOfMonth(y, m, g.part ?? '底'));
    },
  },
  {
    name: 'bare month end (月底前, 月末)',
    pattern: /(?<![0-9一二三四五六七八九十元本当下次个这])月(?:底|末)(?:\s*(?:之前|以前|前))?/g,
    selfEvident: true,
    resolve: (_g, ctx) => exact(lastDayOfMonth(ctx.meeting.year, ctx.meeting.month)),
  },
  {
    // A recurring report is supervised from its first occurrence after the meeting.
    name: 'monthly day (每月10日前, 每月25日前报送)',
    pattern: new RegExp(`每(?:个)?月\\s*(?<d>${DAY})\\s*[日号](?:之前|以前|前)?`, 'g'),
    selfEvident: true,
    resolve: (g, ctx) => {
      const day = parseNumber(g.d ?? '');
      if (day === null || day < 1) return null;
      const { year, month } = ctx.meeting;
      const inMonth = isoDate(year, month, Math.min(day, daysInMonth(year, month)));
      if (inMonth > ctx.meetingDate) return exact(inMonth);
      const next = addMonths(isoDate(year, month, 1), 1);
      const [ny, nm] = [Number(next.slice(0, 4)), Number(next.slice(5, 7))];
      return exact(isoDate(ny, nm, Math.min(day, daysInMonth(ny, nm))));
    },
  },
  {
    name: 'day of month only (25日前)',
    pattern: new RegExp(`(?<![月0-9一二三四五六七八九十])(?<d>${DAY})\\s*[日号](?:之前|以前|前)`, 'g'),
    selfEvident: true,
    resolve: (g, ctx) => {
      const day = parseNumber(g.d ?? '');
      if (day === null || day < 1) return null;
      const { year, month } = ctx.meeting;
      const inMonth = isoDate(year, month, Math.min(day, daysInMonth(year, month)));
      if (inMonth >= ctx.meetingDate) return exact(inMonth);
      const next = addMonths(isoDate(year, month, 1), 1);
      const [ny, nm] = [Number(next.slice(0, 4)), Number(next.slice(5, 7))];
      return exact(isoDate(ny, nm, Math.min(day, daysInMonth(ny, nm))));
    },
  },
  {
    name: 'weekday (下周五前, 本周三, 周五前)',
    pattern:
      /(?<which>本周|这周|本星期|这个?星期|下下周|下周|下个?星期|下个?礼拜|周|星期|礼拜)(?<w>[一二三四五六日天])(?:\s*(?:之前|以前|前))?/g,
    selfEvident: false,
    resolve: (g, ctx) => {
      const weekday = WEEKDAYS[g.w ?? ''];
      if (weekday === undefined) return null;
      const monday = startOfWeek(ctx.meetingDate);
      const which = g.which ?? '';
      if (/下下/.test(which)) return exact(addDays(monday, 14 + weekday - 1));
      if (/下/.test(which)) return exact(addDays(monday, 7 + weekday - 1));
      const thisWeek = addDays(monday, weekday - 1);
      if (/本|这/.test(which)) return exact(thisWeek);
      // A bare 周五 means the next Friday after the meeting.
      return exact(thisWeek > ctx.meetingDate ? thisWeek : addDays(thisWeek, 7));
    },
  },
  {
    name: 'within a week (本周内, 下周末)',
    pattern: /(?<which>本周|这周|下周|下个?星期)(?<part>内|末|底)(?:\s*(?:之前|以前|前))?/g,
    selfEvident: true,
    resolve: (g, ctx) => {
      const monday = addDays(startOfWeek(ctx.meetingDate), /下/.test(g.which ?? '') ? 7 : 0);
      // 周内 means the working week (Friday); 周末 the weekend (Sunday).
      return exact(addDays(monday, g.part === '内' ? 4 : 6));
    },
  },
  {
    name: 'duration (5个工作日内, 一个月内, 两周内, 10天内, 半年内)',
    pattern: new RegExp(
      `(?<n>${N}|半)\\s*(?<unit>个工作日|个?自然日|工作日|天|日|个?星期|周|个月|年|个?小时)(?:之内|以内|内)`,
      'g',
    ),
    selfEvident: true,
    resolve: (g, ctx) => {
      const unit = g.unit ?? '';
      const half = g.n === '半';
      const n = half ? 0 : parseNumber(g.n ?? '');
      if (n === null) return null;
      if (/工作日/.test(unit)) {
        if (half) return null;
        const { date, estimated } = addWorkingDaysDetailed(ctx.meetingDate, n);
        return { due: date, estimated };
      }
      if (/天|日/.test(unit)) return half ? null : exact(addDays(ctx.meetingDate, n));
      // "24小时内" counts whole days from the meeting day.
      if (/小时/.test(unit)) return half ? null : exact(addDays(ctx.meetingDate, Math.max(1, Math.ceil(n / 24))));
      if (/星期|周/.test(unit)) return exact(addDays(ctx.meetingDate, half ? 3 : n * 7));
      if (unit === '个月') return exact(half ? addDays(ctx.meetingDate, 15) : addMonths(ctx.meetingDate, n));
      return exact(addMonths(ctx.meetingDate, half ? 6 : n * 12));
    },
  },
  {
    name: 'quarter (第一季度, 一季度末, 明年二季度)',
    pattern: new RegExp(`${YEAR}第?(?<q>[一二三四1-4])\\s*季度(?<part>末|底|内)?${BEFORE}`, 'g'),
    selfEvident: false,
    resolve: (g, ctx) => {
      const q = g.q === undefined ? null : parseNumber(g.q);
      if (q === null || q < 1 || q > 4) return null;
      return exact(resolveYear(g, ctx, (y) => quarterEnd(y, q)));
    },
  },
  {
    name: 'this or next quarter (季度末, 本季度内, 下季度)',
    pattern: /(?<which>本|下一?个?|当)?季度(?<part>末|底|内)(?:\s*(?:之前|以前|前))?/g,
    selfEvident: true,
    resolve: (g, ctx) => {
      const quarter = Math.ceil(ctx.meeting.month / 3) + (/下/.test(g.which ?? '') ? 1 : 0);
      const year = ctx.meeting.year + (quarter > 4 ? 1 : 0);
      return exact(quarterEnd(year, quarter > 4 ? quarter - 4 : quarter));
    },
  },
  {
    name: 'half year (上半年, 明年下半年)',
    pattern: new RegExp(`${YEAR}(?<h>上半年|下半年)(?<part>末|底|内)?${BEFORE}`, 'g'),
    selfEvident: false,
    resolve: (g, ctx) =>
      exact(resolveYear(g, ctx, (y) => isoDate(y, g.h === '上半年' ? 6 : 12, g.h === '上半年' ? 30 : 31))),
  },
  {
    name: 'festival (春节前, 国庆节前)',
    pattern:
      /(?<rel>明年)?(?<f>春节|元旦|五一|劳动节|清明节?|端午节?|中秋节?|国庆节?)(?:假期|节日|放假)?(?:之前|以前|前)/g,
    selfEvident: true,
    resolve: (g, ctx) => festivalEve(g.f ?? '', ctx.meetingDate, g.rel ? 1 : 0),
  },
  {
    name: 'open-ended (长期坚持, 持续推进, 即日起)',
    pattern: /长期坚持|长期|持续推进|持续开展|持续抓好|常态化|长效|久久为功|常抓不懈|即日起|立即执行|自即日起/g,
    selfEvident: true,
    resolve: () => ({ due: null, estimated: false, ongoing: true }),
  },
];
