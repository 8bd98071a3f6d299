// 待办 centre text (zh-CN, the primary language): the 待办 page, its kinds and the 已办 history; todo.en.ts has exactly
// the same keys.

const todoZhCN = {
  title: '待办',
  hint: '等您处理的公文、会议、纪要和督办事项，已逾期的排在最前，其次按期限先后。',
  tabs: { open: '待办', openCount: '待办（{{count}}）', done: '已办' },
  allKinds: '全部',
  kinds: {
    doc_handle: '公文办理',
    doc_read: '传阅阅知',
    doc_sign_for: '待签收',
    meeting_rsvp: '会议回执',
    meeting_sign_in: '会议签到',
    minutes_confirm: '纪要确认',
    task_sign: '督办签收',
    task_report: '督办反馈',
    task_accept: '督办验收',
    task_approve: '延期审批',
  },
  doneKinds: {
    doc_opinion: '公文意见',
    doc_sign_for: '公文签收',
    meeting_rsvp: '会议回执',
    meeting_sign_in: '会议签到',
    minutes_confirm: '纪要确认',
    task_action: '督办办理',
  },
  signedFor: '已签收',
  signedIn: '已签到',
  urgency: { urgent: '紧急', critical: '特急' },
  due: '{{date}} 到期',
  overdue: '已逾期',
  noDue: '无期限',
  since: '{{time}}送达',
  empty: '没有等您处理的事项',
  emptyKind: '没有此类待办',
  doneEmpty: '还没有已办事项',
  total: '共 {{count}} 项',
  loadFailed: '加载失败：{{message}}',
  more: '查看全部待办',
};

export default todoZhCN;
