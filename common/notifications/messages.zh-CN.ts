// Notification templates in zh-CN, one title and body per kind of catalogue.ts (nested by the kind's dotted name),
// with {{param}} placeholders for exactly that kind's parameters, and the phrases parameters are written with.
// Mounted as `notifications.kinds` / `notifications.parts` of the client's zh-CN resources; the server renders with
// the same text. messages.en.ts has the same keys.

const notificationMessagesZhCN = {
  kinds: {
    account: {
      roles_changed: { title: '您的角色已调整', body: '安全保密管理员调整了您的角色，重新登录后生效。' },
      clearance_changed: { title: '您的密级已调整', body: '安全保密管理员调整了您的密级，可在个人设置中查看。' },
      mfa_reset: { title: '您的验证器已被重置', body: '安全保密管理员重置了您的验证器，下次登录时请重新绑定。' },
      locked: {
        title: '您的账号曾被临时锁定',
        body: '因连续多次登录失败，您的账号被锁定了一段时间，期间任何密码都无法登录。如果不是您本人操作，请立即联系安全保密管理员。',
      },
      password_reset: {
        title: '您的密码已重置',
        body: '已使用两位管理员分别提供的重置码为您的账号设置了新密码，其他登录已退出。如果不是您本人操作，请立即联系安全保密管理员。',
      },
    },
    comment: {
      mention: { title: '{{author}} 在《{{document}}》中提到了你', body: '{{excerpt}}' },
      reply: { title: '《{{document}}》的批注有新回复', body: '{{excerpt}}' },
    },
    document: {
      submit: { title: '《{{document}}》送审', body: '{{note}}' },
      return: { title: '《{{document}}》退回修改', body: '{{note}}' },
      finalise: { title: '《{{document}}》已定稿', body: '{{note}}' },
      reopen: { title: '《{{document}}》重新打开', body: '{{note}}' },
    },
    meeting: {
      scheduled: { title: '会议通知：{{meeting}}', body: '{{when}}，{{place}}。请及时回执。{{clash}}' },
      rescheduled: { title: '会议时间地点变更：{{meeting}}', body: '调整为 {{when}}，{{place}}。{{clash}}' },
      updated: { title: '会议信息变更：{{meeting}}', body: '{{when}}，{{place}}。会议信息已更新，请查看。' },
      cancelled: { title: '会议取消：{{meeting}}', body: '原定 {{when}} 的会议已取消。{{reason}}' },
      uninvited: { title: '会议名单调整：{{meeting}}', body: '您已不在 {{when}} 这次会议的参会名单中。' },
      substitute: {
        title: '代为参会：{{meeting}}',
        body: '{{person}}请假，指定您代为参加。{{when}}，{{place}}。请及时回执。{{clash}}',
      },
      substitute_released: {
        title: '无需代为参会：{{meeting}}',
        body: '{{person}}已调整回执，您无需代为参加 {{when}} 的会议。',
      },
      leave_requested: { title: '请假：{{person}}（{{meeting}}）', body: '理由：{{reason}}' },
      reminder: { title: '会议提醒：{{meeting}}', body: '距开始还有 {{lead}}：{{when}}，{{place}}。' },
      rsvp_reminder: { title: '请回执：{{meeting}}', body: '您尚未回执。距开始还有 {{lead}}：{{when}}，{{place}}。' },
    },
    minutes: {
      confirm_request: { title: '请确认会议纪要：{{meeting}}', body: '纪要已定稿，请审阅后确认或提出意见。' },
      reopened: { title: '会议纪要重新修改中：{{meeting}}', body: '{{reason}}修改后将再次请您确认。' },
      objection: { title: '{{person}}对会议纪要提出意见：{{meeting}}', body: '{{comment}}' },
      objection_resolved: { title: '您对会议纪要的意见已处理：{{meeting}}', body: '{{resolution}}' },
      objection_resolved_by_other: {
        title: '{{role}}{{resolver}}已处理{{objector}}对会议纪要的异议：{{meeting}}',
        body: '{{resolution}}',
      },
      ready_to_close: { title: '会议纪要已全部确认，可签发：{{meeting}}', body: '' },
      closed: { title: '会议纪要已签发：{{meeting}}', body: '' },
      proposals: {
        title: '会议纪要形成督办建议：{{meeting}}',
        body: '新增 {{created}} 项，更新 {{updated}} 项，请审核。',
      },
    },
    supervision: {
      assigned: { title: '新督办事项待签收', body: '{{task}}：请于{{dueDate}}前办结' },
      co_assigned: { title: '新督办事项（协办）', body: '{{task}}：请配合办理，期限{{dueDate}}' },
      assigned_to_you: { title: '督办事项已分派给您', body: '{{task}}：期限{{dueDate}}' },
      signed: { title: '督办事项已签收', body: '{{task}}' },
      progress: { title: '进展报送（{{percent}}%）', body: '{{task}}' },
      submitted: { title: '督办事项提请验收', body: '{{task}}{{late}}' },
      accepted: { title: '督办事项已验收办结', body: '{{task}}{{note}}' },
      returned: { title: '督办事项被退回整改', body: '{{task}}：请于{{dueDate}}前整改后重新提交' },
      extension_requested: { title: '延期申请待审批', body: '{{task}}：申请延期至{{dueDate}}' },
      extension_approved: { title: '延期申请已批准', body: '{{task}}：新期限{{dueDate}}' },
      extension_refused: { title: '延期申请未获批准', body: '{{task}}：期限仍为{{dueDate}}' },
      coordination_requested: { title: '协调申请', body: '{{task}}：{{difficulty}}' },
      coordination_recorded: { title: '协调结果', body: '{{task}}：{{outcome}}' },
      overdue: { title: '督办事项已逾期', body: '{{task}}：已逾期{{days}}（期限{{deadline}}）' },
      due_soon: { title: '督办事项即将到期', body: '{{task}}：{{due}}' },
      urged: { title: '催办：{{task}}', body: '{{person}}催办：{{message}}' },
    },
    officialDoc: {
      urged: { title: '催办：《{{document}}》', body: '{{person}}催办：{{message}}' },
      due_soon: { title: '公文即将到办理时限', body: '《{{document}}》{{step}}：{{due}}' },
      overdue: {
        title: '公文办理已超时限',
        body: '《{{document}}》{{step}}：已超过办理时限{{days}}（时限{{deadline}}）',
      },
      distributed: { title: '收到公文：《{{document}}》', body: '{{unit}}分发，请签收' },
      distribution_signed: { title: '公文已签收', body: '《{{document}}》：{{unit}}{{person}}已签收' },
      distribution_refused: { title: '公文被拒收', body: '《{{document}}》：{{unit}}{{person}}拒收，理由：{{reason}}' },
    },
  },
  /** How parameters are written (see format.ts); the same keys in every language. */
  parts: {
    /** A dayjs format for the date of a meeting. */
    dayFormat: 'YYYY年M月D日',
    timeRange: '{{day}} {{from}}–{{to}}',
    timeRangeAcrossDays: '{{startDay}} {{from}} – {{endDay}} {{to}}',
    /** Added when the meeting is not on the organisation's clock (Asia/Shanghai). */
    inTimeZone: '{{range}} ({{zone}})',
    roomAt: '{{room}}（{{location}}）',
    placeOnline: '线上会议',
    placeHybrid: '线上线下同步',
    placeHybridRoom: '{{room}}，同时线上参会',
    placeUnknown: '地点待定',
    clash: '注意：与您的其他会议时间冲突。',
    reason: '原因：{{text}}。',
    note: '：{{text}}',
    daysOne: '{{n}}天',
    daysOther: '{{n}}天',
    leadDaysOne: '{{n}} 天',
    leadDaysOther: '{{n}} 天',
    leadHoursOne: '{{n}} 小时',
    leadHoursOther: '{{n}} 小时',
    leadMinutesOne: '{{n}} 分钟',
    leadMinutesOther: '{{n}} 分钟',
    dueIn: '距办理期限（{{deadline}}）还有{{days}}',
    dueToday: '今天（{{deadline}}）到期',
    late: '：逾期{{days}}提交',
    roleMinuteTaker: '记录人',
    roleHost: '主持人',
    roleOrganiser: '会议组织者',
  },
};

export default notificationMessagesZhCN;
export type NotificationMessages = typeof notificationMessagesZhCN;
export type PartKey = keyof NotificationMessages['parts'];
