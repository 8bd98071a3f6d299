// Reads the actors (units and people) that fill a role slot: either a span whose ends are known
// ("区财政局、区住建委" before 配合) or a run that starts at a position and stops where the names
// stop ("区财政局于下月10日前…" after 会同).

import { readPerson, titleAt, type PersonName } from './personNames.ts';
import { isCollectiveUnit, isUnitName, type UnitLexicon, type UnitTier } from './unitNames.ts';

export type Actor =
  | { kind: 'unit'; name: string; leadMark: boolean }
  | { kind: 'person'; name: string; unit: string | null; leadMark: boolean };

/** What may come right after a name: punctuation, list words, cue words and the usual verbs. */
const FOLLOWER_WORDS = [
  '同志',
  '牵头',
  '负责',
  '配合',
  '协助',
  '协同',
  '协办',
  '参与',
  '指导',
  '支持',
  '会同',
  '联合',
  '按',
  '于',
  '在',
  '对',
  '就',
  '将',
  '把',
  '要',
  '需',
  '应',
  '务必',
  '须',
  '必须',
  '抓紧',
  '尽快',
  '立即',
  '及时',
  '认真',
  '切实',
  '做好',
  '抓好',
  '研究',
  '制定',
  '提出',
  '组织',
  '开展',
  '协调',
  '督促',
  '落实',
  '推进',
  '完成',
  '形成',
  '报送',
  '提交',
  '上报',
  '梳理',
  '拿出',
  '起草',
  '编制',
  '修改',
  '细化',
  '明确',
  '加快',
  '加强',
  '进一步',
  '继续',
  '具体',
  '共同',
  '分别',
  '统筹',
  '等',
  '和',
  '及',
  '与',
  '以及',
  '并',
  '主动',
  '积极',
  '全力',
  '密切',
  '做',
  '作为',
  '为',
  '根据',
  '结合',
  '针对',
  '围绕',
  '认领',
  '承办',
  '办理',
  '跟踪',
  '做到',
  '确保',
  '力争',
  '争取',
  '会后',
  '限期',
  '尽早',
  '同',
  '向',
  '从',
  '自',
  '给予',
  '予以',
  '提供',
  '派',
  '安排',
  '建立',
  '编',
  '起',
  '审核',
  '把关',
  '督导',
  '调度',
  '跟进',
  '主持',
  '召开',
  '出席',
  '带队',
  '率队',
  '陪同',
  '参加',
  '听取',
  '强调',
  '指出',
  '表示',
  '汇报',
  '介绍',
  '通报',
  '审定',
  '审议',
  '确定',
  '建立',
  '沟通',
  '对接',
  '联系',
  '商议',
];
const FOLLOWER_PUNCT = /^[\s、，,。．.；;：:（()）！!？?“”"‘’'《》【】\/]/;
const LIST_SEPARATOR = /^(?:、|以及|和|及|与|暨|\/)/;
const LEAD_MARK = /^[（(](?:牵头|主责|负总责|牵头单位|总牵头)[）)]/;
const CO_MARK = /^[（(](?:配合|协办|配合单位)[）)]/;

/** Dates and counts may follow a name directly: "区应急局本周五前…", "区财政局5个工作日内…". */
const FOLLOWER_TIME = /^(?:本周|本月|本年|下周|下月|今年|明年|年底|年内|月底|近期|每[月周季年日]|[0-9])/;

/**
 * 'strong': punctuation, a list mark, a time or a word of two or more characters; 'weak': a single
 * character such as 于 or 编 that could also continue a longer name (区委|编办).
 */
export function followerAt(text: string, at: number): 'strong' | 'weak' | null {
  if (at >= text.length) return 'strong';
  const rest = text.slice(at, at + 8);
  if (FOLLOWER_PUNCT.test(rest) || FOLLOWER_TIME.test(rest)) return 'strong';
  const word = FOLLOWER_WORDS.find((w) => rest.startsWith(w));
  if (!word) return null;
  return word.length > 1 ? 'strong' : 'weak';
}

export function isFollowerAt(text: string, at: number): boolean {
  return followerAt(text, at) !== null;
}

interface Found {
  actor: Actor;
  end: number;
}

const person = (p: PersonName): Actor => ({ kind: 'person', name: p.name, unit: p.unit, leadMark: false });
const unit = (name: string): Actor => ({ kind: 'unit', name, leadMark: false });

/** A person written from `at`: 张伟同志, 副区长刘芳, 刘芳副区长, optionally after their unit. */
function personAt(text: string, at: number, lexicon: UnitLexicon): Found | null {
  // A directory name, with 同志 or a title after it, or followed by what may follow a name.
  const known = lexicon.personAt(text, at);
  if (known) {
    let end = at + known.length;
    if (text.startsWith('同志', end)) end += 2;
    else {
      const title = titleAt(text, end);
      if (title) end += title.length;
    }
    if (isFollowerAt(text, end)) return { actor: person({ name: known, unit: null }), end };
  }
  // Try the longest span first so 刘芳副区长 is read whole, then keep the first that a follower ends.
  for (let end = Math.min(text.length, at + 16); end >= at + 2; end--) {
    const span = text.slice(at, end);
    const cued = span.endsWith('同志') || titleAt(span, 0) !== null || /[长任记席理员]$/.test(span);
    if (!cued || !isFollowerAt(text, end)) continue;
    const p = readPerson(span, lexicon);
    if (p) return { actor: person(p), end };
  }
  return null;
}

/**
 * The shortest unit name from `at` that a strong follower ends, else the shortest a weak one ends:
 * "区委编办、" is one name although 区委 is one too, while "区财政局于下月…" stops at 局.
 */
function unitAt(text: string, at: number, lexicon: UnitLexicon, tier: UnitTier): Found | null {
  const known = lexicon.longestAt(text, at);
  if (known && isFollowerAt(text, at + known.length)) return { actor: unit(known), end: at + known.length };
  const max = Math.min(text.length, at + 24);
  let weak: Found | null = null;
  let bracketed: Found | null = null;
  for (let end = at + 2; end <= max; end++) {
    const name = text.slice(at, end);
    if (!isUnitName(name, tier, lexicon) || text.startsWith('员会', end) || text.startsWith('公室', end)) continue;
    const follower = followerAt(text, end);
    // "各镇（街道）" is one addressee, and so is "各镇（街）指挥办": keep reading for the longer one.
    const alsoIn = /^[（(](?:街道|镇|乡镇|乡|街|社区)[）)]/.exec(text.slice(end));
    if (alsoIn && isCollectiveUnit(name)) {
      bracketed ??= { actor: unit(name + alsoIn[0]), end: end + alsoIn[0].length };
      continue;
    }
    if (follower === 'strong') return { actor: unit(name), end };
    if (follower === 'weak' && !weak) weak = { actor: unit(name), end };
  }
  if (bracketed && (!weak || weak.end <= bracketed.end)) return bracketed;
  if (weak) return weak;
  if (known) return { actor: unit(known), end: at + known.length };
  return null;
}

/** One actor starting exactly at `at`, or null. */
export function actorAt(text: string, at: number, lexicon: UnitLexicon, tier: UnitTier = 'loose'): Found | null {
  const p = personAt(text, at, lexicon);
  const u = unitAt(text, at, lexicon, tier);
  // "区住建委张伟同志" reads as a person; "区住建委" alone as a unit.
  const found = p && (!u || p.end > u.end) ? p : u;
  if (!found) return null;
  let end = found.end;
  const mark = LEAD_MARK.exec(text.slice(end));
  if (mark) {
    found.actor.leadMark = true;
    end += mark[0].length;
  } else {
    const co = CO_MARK.exec(text.slice(end));
    if (co) end += co[0].length;
  }
  return { actor: found.actor, end };
}

/**
 * Actors listed from `at` (区卫健委、区市场监管局和区财政局), stopping before the first thing that is
 * not another name. `commaLists` also accepts "，" between names, as 责任单位 fields do.
 */
export function scanActors(
  text: string,
  at: number,
  lexicon: UnitLexicon,
  options: { commaLists?: boolean; tier?: UnitTier } = {},
): { actors: Actor[]; end: number } {
  const { commaLists = false, tier = 'loose' } = options;
  const actors: Actor[] = [];
  let pos = at;
  let end = at;
  for (;;) {
    const found = actorAt(text, pos, lexicon, tier);
    if (!found) break;
    actors.push(found.actor);
    end = found.end;
    const sep = LIST_SEPARATOR.exec(text.slice(end)) ?? (commaLists ? /^[，,]/.exec(text.slice(end)) : null);
    if (!sep) break;
    pos = end + sep[0].length;
  }
  return { actors, end };
}

const TRAILING_MODIFIERS =
  /(?:等相关单位|等有关单位|等单位|等部门|等同志|分别|共同|具体|积极|主动|全力|密切|大力|切实|认真|继续|进一步|给予|予以|加强|做好|搞好|提供|全程|要|需|应|也|都|均|等)$/;

/**
 * One actor filling the whole span (its ends are known). A cue (同志, a title) makes a person; else a
 * unit shape makes a unit; only then is a bare name with a common surname read as a person.
 */
function wholeActor(span: string, lexicon: UnitLexicon, tier: UnitTier): Actor | null {
  if (lexicon.has(span) || isCollectiveUnit(span)) return unit(span);
  const cued = readPerson(span, lexicon);
  if (cued) return person(cued);
  if (isUnitName(span, tier, lexicon)) return unit(span);
  const bare = readPerson(span, lexicon, true);
  return bare ? person(bare) : null;
}

/** Splits a list at 、，/ and 以及, but not inside brackets ("各县（市、区）" is one name). */
function splitOutsideBrackets(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && (/[、，,/]/.test(ch) || text.startsWith('以及', i))) {
      pieces.push(text.slice(from, i));
      from = i + (ch === '以' ? 2 : 1);
      if (ch === '以') i++;
    }
  }
  pieces.push(text.slice(from));
  return pieces;
}

/**
 * Reads a span that should consist only of actors ("区财政局、区住建委", "张伟同志", "各镇街"),
 * or returns null when anything in it is not a name.
 */
export function readActorSpan(span: string, lexicon: UnitLexicon, tier: UnitTier = 'loose'): Actor[] | null {
  let text = span.trim();
  while (TRAILING_MODIFIERS.test(text)) text = text.replace(TRAILING_MODIFIERS, '').trim();
  if (!text) return null;
  const actors: Actor[] = [];
  for (const piece of splitOutsideBrackets(text)) {
    const trimmed = piece.trim();
    if (!trimmed) return null;
    const marked = LEAD_MARK.exec(trimmed.slice(trimmed.search(/[（(][^（(]*$/)));
    const bare = marked
      ? trimmed.slice(0, trimmed.length - marked[0].length)
      : trimmed.replace(/[（(](?:配合|协办)[）)]$/, '');
    const whole = wholeActor(bare, lexicon, tier);
    if (whole) {
      whole.leadMark = marked !== null;
      actors.push(whole);
      continue;
    }
    // 和/及/与 may join two names, or sit inside one (区发展和改革委员会) — checked whole first above.
    const parts = bare.split(/和|及|与|暨/);
    if (parts.length < 2) return null;
    for (const part of parts) {
      const actor = wholeActor(part.trim(), lexicon, tier);
      if (!actor) return null;
      actors.push(actor);
    }
  }
  return actors;
}
