// Decides whether a decision item is a task. Minutes record reports heard, documents approved and
// general exhortations (会议听取/审议通过/原则同意/强调/认为/通报/指出) alongside assignments; only an
// item that assigns action to someone — or sets a date for an action — becomes a supervision task.

import type { DeadlineReading } from './deadlineResolver.ts';
import { isMetaLine } from './metaLines.ts';
import type { RoleReading, RoleSet } from './roleExtractor.ts';
import { isCollectiveUnit, isGenericUnit } from './unitNames.ts';

export type NonTaskReason = 'empty' | 'header' | 'heading' | 'decision' | 'exhortation' | 'status' | 'noAssignment';

export type Verdict = { task: true } | { task: false; reason: NonTaskReason };

export interface ItemSignals {
  /** The item's own words, numbering removed. */
  text: string;
  roles: RoleReading;
  deadline: DeadlineReading;
  /** Roles assigned by an enclosing item ("区住建委牵头做好以下工作：（一）…"). */
  inherited: RoleSet | null;
  inheritedDue: boolean;
}

/** Openers that record rather than assign. */
const DECISION_OPENER =
  /^(?:会议)?(?:听取了?|审议(?:通过)?了?|原则(?:同意|通过)|同意|通过了?|通报了?|指出|认为|强调|研究了?|传达(?:学习)?了?|学习了?|肯定了?|充分肯定|讨论了?|审定了?|决定)/;
const MEETING_OPENER = /^会议(?:听取|审议|原则|同意|通过|通报|指出|认为|强调|研究|传达|学习|肯定|充分肯定|讨论|审定)/;
/** Imperative words that turn "X要…" into an assignment. */
const IMPERATIVE = /要|务必|必须|须|需|应当|抓紧|尽快|负责|立即|做好|抓好|确保|限期|督促|组织|完成|落实/;
/** A verb of doing; items without one (a bare topic) are not tasks. */
const ACTION =
  /[做抓搞办建制定修改完善编起草报提交送形成开展组织推进落实完成实施研究解决协调整改排查检查拿出制订梳理审核上报清理摸底对接采购启动召开加快加强确保保障推动做好]/;
const HEADING = /^关于[^，,。；;]{1,40}[。.]?$/;
/** The opening paragraph of minutes: who chaired which meeting — in documents without numbering. */
const MEETING_INTRO = /主持召开|参加会议|出席会议|列席会议|纪要如下|议定如下|现将[^。]{0,16}纪要/;

/** Progress reports: done, under way, planned ("已于7月10日完成批复", "正在推进，预计8月底完工"). */
const STATUS = /已于|已经|已全部|已完成|已完工|已封顶|正在|预计|计划[0-9]|目前|截至|截止/;
/** The opening paragraph when a cue word also appears in it ("会议由副镇长杨金双主持"). */
const STRONG_INTRO =
  /主持召开|召集[^。；]{0,40}(?:会议?|约谈|座谈)|由[^，。；]{0,12}主持(?:[。，]|$)|参会|参加会议|出席会议|列席会议/;
/** "镇党委召开…部署会，全体机关干部…参会": who met, even when the meeting's name holds a date (清明节前). */
const INTRO_WITH_PEOPLE =
  /^[^。；]{0,20}(?:主持召开|召集|召开了?)[^。；]{0,40}(?:会议?|约谈|座谈)[^。；]*(?:参会|参加|出席|列席|主持)[^。；]*。?$/;
/** An intro sentence followed by an assignment in the same item still assigns. */
const ACTION_AFTER_INTRO = /(?:牵头|负责|配合)[^。]{0,40}(?:前|内)[^。]{0,20}(?:完成|提交|报送)/;
/** A standing duty said without a date ("…，长期坚持") is a task when it names whom it binds. */
const STANDING = /长期坚持|常态化|持续开展/;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。；;！!])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function withoutHeading(text: string): string {
  return text.replace(/^\s*关于[^，,。；;]{1,40}[。.]\s*/, '').trim();
}

/** 各镇要…, 各部门要…: said to everyone at once, without a date, it is an exhortation. */
function allCollective(roles: RoleSet): boolean {
  const units = [...roles.leadUnits, ...roles.coUnits];
  return roles.owners.length === 0 && units.length > 0 && units.every(isCollectiveUnit);
}

function allGeneric(roles: RoleSet): boolean {
  const units = [...roles.leadUnits, ...roles.coUnits];
  return roles.owners.length === 0 && roles.coOwners.length === 0 && units.length > 0 && units.every(isGenericUnit);
}

export function classifyItem(signals: ItemSignals): Verdict {
  const text = signals.text.trim();
  if (!text) return { task: false, reason: 'empty' };
  if (isMetaLine(text)) return { task: false, reason: 'header' };
  if (HEADING.test(text)) return { task: false, reason: 'heading' };

  const body = withoutHeading(text);
  const { roles, deadline } = signals;
  const hasDate = deadline.due !== null || signals.inheritedDue;
  // A record ("会议听取了…。会议指出，…") only when every sentence is one; "会议同意…。区国资委要…" assigns.
  const isDecision = sentencesOf(body).every((s) => DECISION_OPENER.test(s) || MEETING_OPENER.test(s));
  const hasOwnActors = roles.leadUnits.length + roles.coUnits.length + roles.owners.length + roles.coOwners.length > 0;

  if (hasOwnActors && allGeneric(roles) && !hasDate) return { task: false, reason: 'exhortation' };
  if (!hasDate && STRONG_INTRO.test(body) && !ACTION_AFTER_INTRO.test(body)) return { task: false, reason: 'header' };
  if (INTRO_WITH_PEOPLE.test(body) && !ACTION_AFTER_INTRO.test(body)) return { task: false, reason: 'header' };
  if (roles.hasRoleCue && hasOwnActors) return { task: true };
  if (MEETING_INTRO.test(text)) return { task: false, reason: 'header' };

  if (roles.leadSource === 'subject') {
    if (isDecision && !hasDate) return { task: false, reason: 'decision' };
    if (allCollective(roles) && !hasDate && !STANDING.test(body)) return { task: false, reason: 'exhortation' };
    if (hasDate || IMPERATIVE.test(body)) return { task: true };
    return { task: false, reason: 'noAssignment' };
  }

  if (isDecision) return { task: false, reason: 'decision' };
  if (STATUS.test(body)) return { task: false, reason: 'status' };
  if (signals.inherited && ACTION.test(body)) {
    return allGeneric(signals.inherited) && !hasDate ? { task: false, reason: 'exhortation' } : { task: true };
  }
  if (deadline.due !== null && ACTION.test(body)) return { task: true };
  return { task: false, reason: 'noAssignment' };
}
