// Header and footer lines of minutes (出席/列席/请假/记录/主持, 抄送, 印发 …): never decision items.

const META_LABELS = [
  '出席',
  '出席人员',
  '出席领导',
  '列席',
  '列席人员',
  '列席单位',
  '请假',
  '请假人员',
  '缺席',
  '记录',
  '记录人',
  '主持',
  '主持人',
  '参加',
  '参加人员',
  '参会人员',
  '参会领导',
  '参会单位',
  '与会人员',
  '会议主持',
  '召集人',
  '时间',
  '会议时间',
  '地点',
  '会议地点',
  '日期',
  '议题',
  '会议议题',
  '编号',
  '文号',
  '密级',
  '抄送',
  '抄报',
  '主送',
  '发送',
  '分送',
  '送',
  '印发',
  '签发',
  '审核',
  '核稿',
  '校对',
  '联系人',
  '联系电话',
  '附件',
];

const META_LABEL_LINE = new RegExp(`^(?:${[...META_LABELS].sort((a, b) => b.length - a.length).join('|')})\\s*[：:]`);
// "区政府办公室  2026年11月20日印发" and similar imprint lines.
const IMPRINT_LINE = /(?:印发|印|发)\s*$/;
const IMPRINT_DATE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;
const NO_BODY_LINE = /^[（(]此页无正文[）)]$/;

export function isMetaLine(line: string): boolean {
  // "**时间**：…" and "主 持 人：…" are the same labels, decorated or spaced out.
  const text = line
    .trim()
    .replace(/\*\*|__/g, '')
    .replace(/^([^：:]{1,8})(?=[：:])/, (label) => label.replace(/[ \t\u3000]/g, ''));
  if (META_LABEL_LINE.test(text)) return true;
  if (NO_BODY_LINE.test(text)) return true;
  return IMPRINT_DATE.test(text) && IMPRINT_LINE.test(text) && text.length <= 40;
}

/** A document title such as "区政府第42次常务会议纪要": a short line without sentence punctuation. */
export function isTitleLine(line: string): boolean {
  const text = line.trim();
  return text.length <= 50 && /纪要\s*$/.test(text) && !/[，,。；;：:]/.test(text);
}
