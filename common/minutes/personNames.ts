// Recognises people named in minutes by the cues around them — 同志, a title before or after the
// name (副区长刘芳, 刘芳副区长), a unit in front (办公室主任杨帆) — not from a list of names. A
// surname table is used only for bare names that carry no cue at all (责任人：杨帆).

import { isUnitName, type UnitLexicon } from './unitNames.ts';

/** Titles, longest first so 常务副区长 wins over 副区长 and 区长. */
export const TITLES = [
  '常务副区长',
  '常务副市长',
  '常务副县长',
  '党组书记',
  '党委书记',
  '党工委书记',
  '纪委书记',
  '一级调研员',
  '二级调研员',
  '三级调研员',
  '四级调研员',
  '副秘书长',
  '副总经理',
  '副董事长',
  '主任科员',
  '副主任科员',
  '副调研员',
  '副巡视员',
  '工委书记',
  '副区长',
  '副市长',
  '副县长',
  '副镇长',
  '副乡长',
  '副书记',
  '副局长',
  '副主任',
  '副科长',
  '副处长',
  '副部长',
  '副主席',
  '副院长',
  '副所长',
  '副站长',
  '副队长',
  '副组长',
  '副校长',
  '副行长',
  '副馆长',
  '秘书长',
  '总经理',
  '董事长',
  '总工程师',
  '指挥长',
  '调研员',
  '巡视员',
  '区长',
  '市长',
  '县长',
  '镇长',
  '乡长',
  '书记',
  '局长',
  '主任',
  '科长',
  '处长',
  '部长',
  '主席',
  '院长',
  '所长',
  '站长',
  '队长',
  '组长',
  '校长',
  '行长',
  '馆长',
  '经理',
  '科员',
  '干事',
  '专员',
  '委员',
  '会长',
  '社长',
  '总监',
  '主管',
];

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '南宫',
  '西门',
  '独孤',
  '万俟',
  '呼延',
];
// Common single-character surnames, minus characters that are far more often function words here (和, 由, 区 …).
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤穆农司卓古吉缪简车项芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼满闻厉伊仝郜阚花权帅屠豆朴盖练廉禹井祖漆巴丰支卿狄索宣晋扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜逯隆茹诸战慕危玉银亢嵇哈湛宾戎勾茅於揭尉冶斯束檀衣展昝幸奉植衡富尧闭'.split(
    '',
  ),
);

const NAME_SHAPE = /^[\u4e00-\u9fa5]{2,4}$/;
/** Words that look like two to four characters of a name but are roles or collectives. */
const NOT_A_NAME =
  /负责|相关|有关|全体|各位|主要|分管|领导|干部|部门|单位|人员|会议|同志|牵头|配合|协助|工作|以上|上述|区委|区政府|[各的等和及与全该此其我你他们]/;

export interface PersonName {
  name: string;
  /** The unit written in front of the person (区住建委张伟), as written. */
  unit: string | null;
}

export function hasCommonSurname(name: string): boolean {
  if (COMPOUND_SURNAMES.some((s) => name.startsWith(s))) return name.length >= 3 && name.length <= 4;
  return SURNAMES.has(name[0] ?? '') && name.length <= 3;
}

/** Two to four characters that could be a personal name when something else says it is one. */
export function isNameShape(name: string): boolean {
  return NAME_SHAPE.test(name) && !NOT_A_NAME.test(name) && !TITLES.some((t) => name.endsWith(t));
}

export function titleAt(text: string, at: number): string | null {
  return TITLES.find((t) => text.startsWith(t, at)) ?? null;
}

export function endingTitle(text: string): string | null {
  return TITLES.find((t) => text.endsWith(t) && text.length > t.length) ?? null;
}

/** Splits an optional unit off the front: 区住建委张伟 → { unit: 区住建委, name: 张伟 }. */
function unitAndName(text: string, lexicon: UnitLexicon, needSurname: boolean): PersonName | null {
  // A "name" shaped like a unit (宣传部 after 区委) is the rest of the unit's name.
  const fits = (name: string) =>
    isNameShape(name) && (!needSurname || hasCommonSurname(name)) && !isUnitName(name, 'loose', lexicon);
  if (fits(text) && !isUnitName(text, 'loose', lexicon)) return { name: text, unit: null };
  for (const nameLength of [2, 3, 4]) {
    const unit = text.slice(0, text.length - nameLength);
    const name = text.slice(text.length - nameLength);
    if (unit.length >= 2 && fits(name) && isUnitName(unit, needSurname ? 'strict' : 'loose', lexicon))
      return { name, unit };
  }
  return null;
}

/**
 * Reads one person from a span known to hold exactly one actor: 张伟同志, 副区长刘芳, 刘芳副区长,
 * 办公室主任杨帆, 区住建委张伟同志, and — with `allowBare` — 杨帆. A surname with a title only (王局长)
 * is kept as written, since removing the title would leave no name.
 */
export function readPerson(span: string, lexicon: UnitLexicon, allowBare = false): PersonName | null {
  let text = span.trim();
  const comrade = text.endsWith('同志');
  if (comrade) text = text.slice(0, -2);
  if (text.length < 2) return null;
  // The directory first: a known name needs no surname table, and a known name after a title or unit wins.
  if (lexicon.hasPerson(text)) return { name: text, unit: null };
  const known = knownPersonAtEnd(text, lexicon);
  if (known) return known;

  const trailing = endingTitle(text);
  if (trailing) {
    const before = text.slice(0, text.length - trailing.length);
    if (before.length === 1 && SURNAMES.has(before)) return { name: span.trim().replace(/同志$/, ''), unit: null };
    const inner = leadingTitleName(before, lexicon);
    if (inner) return inner;
    const person = unitAndName(before, lexicon, false);
    if (person) return person;
  }
  const titled = leadingTitleName(text, lexicon);
  if (titled) return titled;
  if (comrade) return unitAndName(text, lexicon, false);
  return allowBare ? unitAndName(text, lexicon, true) : null;
}

/** 副区长刘芳, 区住建委张伟 with 刘芳/张伟 in the directory: a title or a unit before a known name. */
function knownPersonAtEnd(text: string, lexicon: UnitLexicon): PersonName | null {
  for (const name of lexicon.people) {
    if (!text.endsWith(name) || text.length === name.length) continue;
    const before = text.slice(0, text.length - name.length).replace(/(?:分管|主管|常务)$/, '');
    const title = TITLES.find((t) => before.endsWith(t));
    const unit = title ? before.slice(0, before.length - title.length) : before;
    if (unit === '' || isUnitName(unit, 'loose', lexicon)) return { name, unit: unit || null };
  }
  return null;
}

/** 副区长刘芳 or 办公室主任杨帆: a title (after an optional unit) followed by the name. */
function leadingTitleName(text: string, lexicon: UnitLexicon): PersonName | null {
  for (let i = 0; i < text.length - 2; i++) {
    const title = titleAt(text, i);
    if (!title) continue;
    // "分管副区长赵静": 分管/主管 qualify the title, they are not a unit.
    const unit = text.slice(0, i).replace(/(?:分管|主管|常务)$/, '');
    const name = text.slice(i + title.length);
    if (isNameShape(name) && (unit === '' || isUnitName(unit, 'loose', lexicon))) return { name, unit: unit || null };
  }
  return null;
}
