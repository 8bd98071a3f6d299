// Full-text search text (zh-CN, the primary language): the header box and the results page. search.en.ts has exactly
// the same keys.

const searchZhCN = {
  box: {
    placeholder: '搜索公文、文号、会议、纪要、督办…',
    label: '全文搜索',
  },
  title: '搜索',
  placeholder: '输入要查找的词语，多个词用空格分开',
  submit: '搜索',
  total: '共找到 {{count}} 条结果',
  totalCapped: '找到超过 {{count}} 条结果，可加筛选条件缩小范围',
  empty: '没有找到可查看的结果',
  prompt: '输入词语后按回车搜索',
  deepPage: '结果较多，仅显示前 {{pages}} 页，请加筛选条件缩小范围',
  loadFailed: '搜索失败：{{message}}',
  clearFilters: '清除筛选',
  filters: {
    kind: '类别',
    anyKind: '全部类别',
    docType: '文种',
    anyDocType: '全部文种',
    unit: '单位',
    anyUnit: '全部单位',
    dates: '日期',
    classification: '密级',
    anyClassification: '全部密级',
    status: '状态',
    anyStatus: '全部状态',
    sort: '排序',
  },
  sort: { relevance: '按相关度', date: '按日期' },
  kinds: {
    officialDoc: '公文',
    document: '文档',
    minutes: '会议纪要',
    meeting: '会议',
    material: '会议材料',
    task: '督办事项',
  },
};

export default searchZhCN;
