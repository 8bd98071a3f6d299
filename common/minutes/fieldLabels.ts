// Labels of the structured lines that minutes and 督办 sheets use ("责任单位：区住建委；完成时限：…").
// The item splitter keeps such lines with their item; the role and deadline readers read their values.

export const LEAD_UNIT_LABELS = [
  '责任单位',
  '牵头单位',
  '主责单位',
  '主办单位',
  '承办单位',
  '责任部门',
  '牵头部门',
  '负责单位',
  '落实单位',
  '责任主体',
  '责任科室',
  '责任处室',
  '责任股室',
  '牵头科室',
  '牵头处室',
] as const;
export const CO_UNIT_LABELS = [
  '配合单位',
  '协办单位',
  '协助单位',
  '参与单位',
  '配合部门',
  '协办部门',
  '会办单位',
  '协同单位',
  '配合科室',
  '配合处室',
] as const;
export const OWNER_LABELS = ['责任人', '牵头领导', '责任领导', '负责人', '牵头人', '包保领导', '分管领导'] as const;
export const CO_OWNER_LABELS = ['配合人', '协助人', '协办人', '配合领导'] as const;
export const DEADLINE_LABELS = [
  '完成时限',
  '完成时间',
  '办结时限',
  '办理时限',
  '时限要求',
  '时间节点',
  '截止时间',
  '完成期限',
  '时限',
  '期限',
] as const;

const ALL_LABELS = [...LEAD_UNIT_LABELS, ...CO_UNIT_LABELS, ...OWNER_LABELS, ...CO_OWNER_LABELS, ...DEADLINE_LABELS];

/** Longest first so 责任单位 is never read as 责任人-like prefixes. */
export const FIELD_LABEL_SOURCE = [...ALL_LABELS].sort((a, b) => b.length - a.length).join('|');

/** A line that is (or starts with) a labelled field, optionally inside brackets. */
export const FIELD_LINE = new RegExp(`^[（(【\\[]?(?:${FIELD_LABEL_SOURCE})\\s*[：:]`);
