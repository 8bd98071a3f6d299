// Recognises organisation names by their shape (区XX局, XX街道, 各镇街, 信息中心 …) and, when a
// directory is given, by its names and aliases. Names are returned exactly as written.

import type { KnownPerson, KnownUnit } from './types.ts';

/** Unit-type endings, longest first so 委员会 wins over 会 and 办公室 over 室. */
const UNIT_SUFFIXES = [
  '工作领导小组办公室',
  '领导小组办公室',
  '指挥部办公室',
  '联席会议办公室',
  '领导小组',
  '委员会',
  '管委会',
  '办公室',
  '办事处',
  '指挥部',
  '工作组',
  '工作专班',
  '专班',
  '小组',
  '中心',
  '公司',
  '集团',
  '银行',
  '医院',
  '卫生院',
  '学校',
  '大学',
  '学院',
  '中学',
  '小学',
  '幼儿园',
  '分局',
  '支队',
  '大队',
  '中队',
  '派出所',
  '街道',
  '社区',
  '居委会',
  '村委会',
  '总工会',
  '工会',
  '妇联',
  '残联',
  '团委',
  '科协',
  '侨联',
  '文联',
  '工商联',
  '红十字会',
  '协会',
  '商会',
  '联合会',
  '研究院',
  '研究所',
  '设计院',
  '法院',
  '检察院',
  '人大',
  '政协',
  '政府',
  '纪委',
  '监委',
  '镇街',
  '街镇',
  '乡镇',
  '部门',
  '单位',
  '科室',
  '处室',
  '企业',
  '园区',
  '平台',
  '部',
  '局',
  '委',
  '办',
  '院',
  '所',
  '站',
  '队',
  '处',
  '科',
  '室',
  '股',
  '厅',
  '署',
  '镇',
  '乡',
  '村',
  '馆',
  '台',
  '社',
  '会',
  '组',
  '团',
];

const ADMIN_PREFIX =
  /^(?:区|市|县|省|州|盟|旗|镇|乡|街道|国家|中央|自治区|新区|开发区|高新区|经开区|园区|团区委|团市委|国网|中国|全国|全区|全市|全县)/;

/** 各镇街, 各相关街道, 各有关部门, 区直各部门, 相关单位, 各镇（街道）… */
const COLLECTIVE =
  /^(?:全区|全市|全县|区直|市直|县直|区属|市属|区级|市级|沿线|辖区|片区|市政府|区政府|县政府)?(?:各|相关|有关|其他|其余)(?:相关|有关|级|类|个|责任|成员|参会|执法|职能|行业|主管)?(?:[\u4e00-\u9fa5]|[（(][\u4e00-\u9fa5、]{1,5}[）)]){0,7}?(?:[镇乡县区市][（(][\u4e00-\u9fa5、]{1,5}[）)]|镇街|街镇|乡镇|镇|乡|街道|社区|村居|村|县区|区县|部门|单位|科室|处室|股室|园区|学校|医院|企业|平台|分局|大队|中队|政府|局|委|办|组|中心|公司|所|站|队|院)$/;

/** Verbs and function words that never occur inside a unit name; they mean the span overran it. */
const NOT_IN_UNIT =
  /负责|牵头|配合|协助|协同|完成|要求|做好|抓好|推进|落实|研究|开展|提出|形成|根据|按照|同意|决定|报送|提交|制定|加快|督促|确保|会同|以及|同志|涉及|会议要求|会议决定|会议明确|进一步|尽快|抓紧|主要|分管|[的了着过该此其我你他在于对将把被为要由]/;
const NOT_UNIT_START = /^[由请要于在对将把和及与并或等为]/;
const HAN_NAME = /^[\u4e00-\u9fa5（）()]+$/;
const HAN_COLLECTIVE = /^[\u4e00-\u9fa5（）()、]+$/;

export interface UnitLexicon {
  /** Directory names and aliases, longest first. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The longest directory name starting at `at`, if any. */
  longestAt(text: string, at: number): string | null;
  /** People's names and aliases from the directory, longest first (empty without a directory). */
  readonly people: readonly string[];
  hasPerson(name: string): boolean;
  /** The longest directory person's name or alias starting at `at`, if any. */
  personAt(text: string, at: number): string | null;
}

function nameSet(entries: ReadonlyArray<{ name: string; aliases?: readonly string[] }>): Set<string> {
  const all = new Set<string>();
  for (const entry of entries) {
    if (entry.name.trim()) all.add(entry.name.trim());
    for (const alias of entry.aliases ?? []) if (alias.trim()) all.add(alias.trim());
  }
  return all;
}

export function createUnitLexicon(units: readonly KnownUnit[] = [], people: readonly KnownPerson[] = []): UnitLexicon {
  const all = nameSet(units);
  const persons = nameSet(people);
  // A directory name shared by a unit and a person (rare) is read as the unit.
  for (const name of all) persons.delete(name);
  const names = [...all].sort((a, b) => b.length - a.length);
  const personNames = [...persons].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  return {
    names,
    has: (name) => all.has(name),
    longestAt: (text, at) => names.find((n) => text.startsWith(n, at)) ?? null,
    people: personNames,
    hasPerson: (name) => persons.has(name),
    personAt: (text, at) => personNames.find((n) => text.startsWith(n, at)) ?? null,
  };
}

export const EMPTY_LEXICON = createUnitLexicon();

export function unitSuffixOf(name: string): string | null {
  return UNIT_SUFFIXES.find((s) => name.endsWith(s)) ?? null;
}

export function isCollectiveUnit(name: string): boolean {
  return COLLECTIVE.test(name);
}

/** Collective or catch-all addressees (各部门, 相关单位): they alone do not make an item a task. */
export function isGenericUnit(name: string): boolean {
  return isCollectiveUnit(name) && /(?:部门|单位|科室|处室|股室|企业|学校|医院)$/.test(name);
}

/**
 * 'loose' trusts the context (a 责任单位 field, the words between 由 and 牵头); 'strict' is for
 * guessing where a name starts inside longer text, so it also wants an administrative prefix, a
 * place-like name or a short internal unit such as 办公室 or 综合科.
 */
export type UnitTier = 'loose' | 'strict';

export function isUnitName(name: string, tier: UnitTier, lexicon: UnitLexicon = EMPTY_LEXICON): boolean {
  if (lexicon.has(name)) return true;
  if (name.length < 2 || name.length > 24) return false;
  // A bracket is part of a name only when it closes inside it ("各镇（街道）", not "各乡镇（街道").
  if ((name.match(/[（(]/g) ?? []).length !== (name.match(/[）)]/g) ?? []).length || /^[）)]/.test(name)) return false;
  if (HAN_COLLECTIVE.test(name) && isCollectiveUnit(name)) return true;
  if (!HAN_NAME.test(name)) return false;
  if (NOT_UNIT_START.test(name) || NOT_IN_UNIT.test(name)) return false;
  // "区财政局和区税务局" is a list of two names, not one; "区发展和改革委员会" is one.
  const joined = /[和及与暨]/.exec(name);
  if (
    joined &&
    isUnitName(name.slice(0, joined.index), 'loose', lexicon) &&
    isUnitName(name.slice(joined.index + 1), 'loose', lexicon)
  ) {
    return false;
  }
  const suffix = unitSuffixOf(name);
  if (!suffix) return false;
  const body = name.slice(0, name.length - suffix.length);
  const prefixed = ADMIN_PREFIX.test(name);
  // Only a few unit types stand alone without a name in front (办公室, 指挥部).
  if (body.length === 0)
    return suffix.length >= 4 || /^(?:办公室|办事处|指挥部|领导小组|工作专班|专班|工作组)$/.test(name);
  if (!prefixed && /^(?:部门|单位|科室|处室|企业|园区|平台|镇街|街镇|乡镇)$/.test(suffix)) return false;
  if (tier === 'loose') return true;
  return (
    prefixed ||
    name.length <= 6 ||
    (name.length <= 10 && /(?:街道|镇|乡|社区|村|公司|集团|银行|医院|学校|管委会)$/.test(name))
  );
}
