// Chinese (zh-CN) interface text: the primary language. en.ts must provide exactly the same keys (see Messages).
import archiveZhCN from './archive.zh-CN.ts';
import annotateZhCN from './annotate.zh-CN.ts';
import adminZhCN from './admin.zh-CN.ts';
import documentsZhCN from './documents.zh-CN.ts';
import meetingRoomZhCN from './meetingRoom.zh-CN.ts';
import supervisionZhCN from './supervision.zh-CN.ts';
import workbenchZhCN from './workbench.zh-CN.ts';
import meetingsZhCN from './meetings.zh-CN.ts';
import minutesZhCN from './minutes.zh-CN.ts';
import officialDocsZhCN from './officialDocs.zh-CN.ts';
import incomingZhCN from './incoming.zh-CN.ts';
import distributionZhCN from './distribution.zh-CN.ts';
import routeTemplatesZhCN from './routeTemplates.zh-CN.ts';
import issuingZhCN from './issuing.zh-CN.ts';
import todoZhCN from './todo.zh-CN.ts';
import searchZhCN from './search.zh-CN.ts';
import ocrZhCN from './ocr.zh-CN.ts';
import recordingZhCN from './recording.zh-CN.ts';
import { RECORDING_ERRORS } from '../../../common/recording/errors.ts';
import { OFFICIAL_DOC_ERRORS } from '../../../common/officialDocs/errors.ts';
import notificationMessagesZhCN from '../../../common/notifications/messages.zh-CN.ts';

/** The 办文 errors in one language, keyed by code. */
export function officialDocErrors(lang: 'zh' | 'en'): { [C in keyof typeof OFFICIAL_DOC_ERRORS]: string } {
  return Object.fromEntries(Object.entries(OFFICIAL_DOC_ERRORS).map(([code, m]) => [code, m[lang]])) as {
    [C in keyof typeof OFFICIAL_DOC_ERRORS]: string;
  };
}

/** The recording errors in one language, keyed by code. */
export function recordingErrors(lang: 'zh' | 'en'): { [C in keyof typeof RECORDING_ERRORS]: string } {
  return Object.fromEntries(Object.entries(RECORDING_ERRORS).map(([code, m]) => [code, m[lang]])) as {
    [C in keyof typeof RECORDING_ERRORS]: string;
  };
}

const zhCN = {
  app: {
    name: '同办',
    fullName: '同办 · 协同办公平台',
    tagline: '会议 · 文档 · 督办，一处协同',
  },
  common: {
    save: '保存',
    cancel: '取消',
    confirm: '确定',
    close: '关闭',
    edit: '编辑',
    create: '新建',
    search: '搜索',
    reset: '重置',
    refresh: '刷新',
    loading: '正在加载…',
    copy: '复制',
    copied: '已复制',
    copyFailed: '复制失败，请手动选择文字复制',
    yes: '是',
    no: '否',
    none: '无',
    all: '全部',
    back: '返回',
    next: '下一步',
    done: '完成',
    retry: '重试',
    actions: '操作',
    unknown: '未知',
    saved: '已保存',
    loadFailed: '加载失败：{{message}}',
    // Punctuation that components put between pieces of text: full-width in Chinese, ASCII with a space in English.
    labelled: '{{label}}：{{value}}',
    labelColon: '{{label}}：',
    withNote: '{{name}}（{{note}}）',
    separators: {
      enumeration: '、',
      comma: '，',
      semicolon: '；',
    },
  },
  language: {
    label: '语言',
    'zh-CN': '简体中文',
    en: 'English',
    switchFailed: '语言已切换，但未能保存到您的账户：{{message}}',
  },
  roles: {
    staff: '工作人员',
    clerk: '秘书',
    leader: '领导',
    supervisor: '督办人员',
    archivist: '档案员',
    system_admin: '系统管理员',
    security_admin: '安全保密管理员',
    audit_admin: '安全审计员',
  },
  clearance: {
    public: '公开',
    internal: '内部',
    secret: '秘密',
    confidential: '机密',
  },
  errors: {
    // The 办文 API's refusals, in the words the server also writes (common/officialDocs/errors.ts).
    ...officialDocErrors('zh'),
    // Recording refusals, in the words the server also writes (common/recording/errors.ts).
    ...recordingErrors('zh'),
    ocr_not_done: '该文件尚未识别完成（或识别失败），暂无识别文字',
    network: '无法连接服务器，请检查网络后重试',
    grantee_not_cleared: '共享对象的密级权限不足，不能查看该密级的文件',
    mention_not_readable: '{{names}} 无权查看该文件，不能提及。请先共享给他们，或去掉对他们的提及',
    malformed_text: '输入的文字含有无效字符，请检查后重试',
    document_too_complex: '该文件嵌套层级过深，无法读取或导出',
    unauthenticated: '请先登录',
    invalid_credentials: '用户名或密码错误（连续多次失败后账号会被临时锁定，锁定期间无法登录）',
    account_locked: '多次登录失败，账户已锁定，请于 {{until}} 后再试',
    account_locked_plain: '多次登录失败，账户已锁定，请稍后再试',
    rate_limited: '操作过于频繁，请稍候一分钟再试',
    limits_unavailable: '访问频率限制服务暂时无法连接，登录等操作暂停，请几秒后再试',
    invalid_code: '验证码错误或已过期，请输入验证器上的最新验证码',
    weak_password: '新密码不符合安全要求：{{problems}}',
    password_reused: '新密码不能与最近 5 次使用过的密码相同',
    csrf: '页面已过期，请刷新后重试',
    bad_origin: '请求来源不被允许',
    forbidden: '您没有执行此操作的权限',
    sign_in_incomplete: '请先完成登录验证',
    not_found: '要找的内容不存在或已被删除',
    username_taken: '该用户名已被使用',
    unit_name_taken: '已有同名单位',
    unit_cycle: '不能把单位移动到它自己或其下级单位之下',
    invalid_archive_code: '机构代码须为 2–16 位大写字母或数字',
    archive_code_taken: '该机构代码已被其他单位使用（或已出现在其他单位的档号中），请换一个',
    last_admin: '这是唯一的该类管理员，请先任命另一位',
    admin_no_business: '管理员账户不使用公文、会议、会议室、纪要和督办等业务功能',
    admin_account: '管理员之间不能操作彼此（包括自己）的账户；管理员账户由运维人员在服务器上用命令行管理',
    invalid_reset_code: '重置码不正确、已使用或已过期，请联系管理员重新发起密码重置',
    no_reset_pending: '该账户没有待批准的密码重置',
    reset_already_approved: '该密码重置已批准过，重置码只显示一次；如已遗失，请系统管理员重新发起',
    admin_roles_exclusive: '系统管理员、安全保密管理员、安全审计员三类职责不能由同一账户兼任',
    admin_with_business_role: '管理员账户不能同时拥有业务角色',
    no_role: '至少需要一个角色',
    duplicate_role: '角色重复',
    duplicate_username: '三位管理员需要使用三个不同的用户名',
    invalid_setup_token: '设置链接无效或已过期，请重启服务获取新的链接',
    already_set_up: '系统已完成首次设置',
    mfa_already_enrolled: '已绑定验证器；如需更换，请联系安全保密管理员重置',
    no_pending_enrolment: '请先开始绑定验证器',
    no_pending_sign_in: '登录已失效，请重新输入密码',
    mfa_not_enrolled: '尚未绑定验证器',
    invalid_request: '提交的内容有误：{{message}}',
    payload_too_large: '提交的内容过大',
    file_too_large: '文件过大，上限 {{limit}} MB',
    file_too_large_plain: '文件过大',
    internal_error: '服务器出错了，请稍后再试',
    generic: '操作失败：{{message}}',
  },
  passwordProblems: {
    too_short: '至少 {{minLength}} 个字符',
    too_long: '不超过 128 个字符',
    too_few_classes: '需包含大写字母、小写字母、数字、符号中的至少三类',
    contains_username: '不能包含用户名',
    repeated_characters: '不能有 4 个以上连续相同的字符',
  },
  signIn: {
    title: '登录',
    welcome: '欢迎使用同办',
    username: '用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    lockedTitle: '账户已锁定',
    secondFactorTitle: '身份验证',
    secondFactorHint:
      '请打开手机上的验证器应用（如腾讯身份验证器、Microsoft Authenticator、Google Authenticator），输入“同办”显示的 6 位验证码。',
    code: '验证码',
    codeRequired: '请输入验证码',
    codePlaceholder: '6 位数字',
    useRecoveryCode: '手机不在身边？使用恢复码',
    useAuthenticator: '使用验证器验证码',
    recoveryCode: '恢复码',
    recoveryCodeHint: '输入绑定验证器时保存的任一恢复码（如 abcde-12345），每个恢复码只能使用一次。',
    recoveryCodePlaceholder: 'xxxxx-xxxxx',
    verify: '验证',
    otherAccount: '换一个账户登录',
    enrolTitle: '绑定验证器',
    enrolRequired: '您的账户需要使用双因素认证。请先绑定手机验证器，之后每次登录都要输入验证码。',
    passwordChangeTitle: '设置新密码',
    passwordChangeRequired: '为了账户安全，请先把临时密码改为只有您知道的新密码。',
    notices: {
      expired: '登录已过期，请重新登录',
      idle: '由于长时间未操作，您已自动退出，请重新登录',
      signed_out: '您的会话已结束（可能已在其他设备退出，或管理员调整了您的账户），请重新登录',
      signed_out_everywhere: '已在所有设备上退出',
      signed_out_here: '您已安全退出',
    },
    reset: {
      link: '忘记密码？用重置码设置新密码',
      title: '用重置码设置新密码',
      hint: '请输入系统管理员和安全保密管理员分别当面交给您的两半重置码，然后设置只有您知道的新密码。',
      firstCode: '重置码前一半（系统管理员提供）',
      secondCode: '重置码后一半（安全保密管理员提供）',
      codeRequired: '请输入重置码',
      newPassword: '新密码',
      confirm: '再次输入新密码',
      mismatch: '两次输入的密码不一致',
      submit: '设置新密码',
      back: '返回登录',
      done: '新密码已设置，请用新密码登录',
    },
  },
  enrolment: {
    step1: '在手机上安装验证器应用，扫描下方二维码',
    qrAlt: '验证器绑定二维码',
    cannotScan: '无法扫码？在验证器中手动输入以下密钥：',
    secretLabel: '密钥',
    step2: '输入验证器显示的 6 位验证码完成绑定',
    confirm: '完成绑定',
    starting: '正在生成绑定信息…',
    startFailed: '无法开始绑定：{{message}}',
    recoveryTitle: '请保存恢复码',
    recoveryHint:
      '手机丢失或无法使用验证器时，可用恢复码登录。每个恢复码只能用一次。恢复码只显示这一次，请抄写或复制后妥善保管（不要存放在同一部手机上）。',
    copyAll: '复制全部恢复码',
    savedCheck: '我已妥善保存这些恢复码',
    continue: '继续',
  },
  passwordForm: {
    current: '当前密码',
    currentTemporary: '临时密码（当前密码）',
    currentRequired: '请输入当前密码',
    new: '新密码',
    newRequired: '请输入新密码',
    repeat: '再次输入新密码',
    repeatRequired: '请再次输入新密码',
    mismatch: '两次输入的新密码不一致',
    policy:
      '至少 10 个字符，包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名，不能与最近 5 次的密码相同。',
    submit: '修改密码',
    changed: '密码已修改，您在其他设备上的登录已退出',
  },
  setup: {
    title: '首次设置',
    intro:
      '欢迎使用同办。请填写本单位名称，并创建三位分立的管理员（三员分立）：系统管理员负责账户与组织机构，安全保密管理员负责角色、密级与安全，安全审计员负责查看审计日志。三个账户不能相同。',
    organisation: '单位名称',
    organisationPlaceholder: '如：某某区人民政府',
    organisationRequired: '请输入单位名称',
    system: '系统管理员',
    systemHint: '管理用户账户和组织机构。首次登录须绑定验证器。',
    security: '安全保密管理员',
    securityHint: '分配角色与密级、解锁账户、重置验证器。首次登录须绑定验证器并修改密码。',
    audit: '安全审计员',
    auditHint: '查看和校验审计日志。首次登录须绑定验证器并修改密码。',
    username: '用户名',
    usernameRule: '3–32 位字母、数字或 . _ -',
    displayName: '姓名',
    displayNameRequired: '请输入姓名',
    password: '初始密码',
    submit: '完成设置',
    missingToken: '缺少设置令牌。请使用服务首次启动时在控制台打印的设置链接（/setup?token=…）打开本页。',
    alreadyDone: '系统已完成首次设置，请直接登录。',
    doneTitle: '设置完成',
    doneText:
      '三位管理员已创建。系统管理员登录并绑定验证器后，即可创建单位和用户；另两位管理员首次登录时须绑定验证器并修改密码。',
    goSignIn: '前往登录',
    passwordsDifferent: '建议三个账户使用不同的密码。',
    passwordProblem: '{{account}}的初始密码不符合安全要求：{{problems}}',
  },
  nav: {
    home: '工作台',
    todo: '待办',
    meetings: '会议',
    documents: '文档',
    officialDocs: '办文',
    inbox: '收文箱',
    incoming: '收文登记',
    supervision: '督办',
    calendar: '日程',
    addressBook: '通讯录',
    archive: '档案',
    admin: '管理',
    settings: '个人设置',
    menu: '菜单',
    mainNavigation: '主导航',
  },
  header: {
    notifications: '通知',
    signOut: '退出登录',
    account: '我的账户',
  },
  idle: {
    title: '即将自动退出',
    text: '您已较长时间未操作。为保护账户安全，将在 {{remaining}} 后自动退出。',
    stay: '继续工作',
    signOut: '立即退出',
  },
  notifications: {
    title: '通知',
    unreadCount: '{{count}} 条未读',
    markAllRead: '全部标为已读',
    markRead: '标为已读',
    empty: '暂无通知',
    emptyUnread: '没有未读通知',
    showAll: '查看全部',
    showUnread: '只看未读',
    open: '查看',
    loadMore: '加载更早的通知',
    // Every kind of common/notifications/catalogue.ts, nested by its dotted name, and the phrases of its parameters.
    kinds: notificationMessagesZhCN.kinds,
    parts: notificationMessagesZhCN.parts,
  },
  home: {
    greeting: {
      morning: '早上好，{{name}}',
      noon: '中午好，{{name}}',
      afternoon: '下午好，{{name}}',
      evening: '晚上好，{{name}}',
    },
    today: '今天是 {{date}}',
    dateFormat: 'YYYY年M月D日 dddd',
    todos: '待办事项',
    todosHint: '未读通知会列在这里，处理后标为已读即可。',
    todosEmpty: '没有待办事项',
    recent: '最近事项',
    recentEmpty: '您最近参加的会议、编辑的文档和办理的督办任务会显示在这里。会议、文档和督办模块上线后即可使用。',
    adminIntro: '您是{{role}}。管理功能在“管理”中。',
    goAdmin: '进入管理',
  },
  modules: {
    meetings: {
      title: '会议',
      empty: '这里将显示您参加和组织的会议：会议通知与回执、会议材料（可批注）、线上线下同步参会、会议纪要与决定事项。',
    },
    documents: {
      title: '文档',
      empty: '这里将显示您起草和参与的文档：多人实时协同编辑、审阅修订、版本与定稿。',
    },
    supervision: {
      title: '督办',
      empty: '这里将显示督办任务：从会议决定事项生成任务，牵头与协办单位签收、反馈进展、到期提醒、办结验收与统计。',
    },
    notYet: '该模块正在建设中，暂无内容。',
  },
  ...adminZhCN,
  settings: {
    title: '个人设置',
    profile: '我的信息',
    fields: {
      displayName: '姓名',
      username: '用户名',
      unit: '单位',
      title: '职务',
      roles: '角色',
      clearance: '密级',
    },
    password: '修改密码',
    authenticator: '验证器（双因素认证）',
    mfaEnabled: '已绑定验证器，登录时需要输入验证码。如手机丢失，请使用恢复码登录并联系安全保密管理员重置。',
    mfaRequiredNotEnrolled: '您的账号须使用验证器。',
    mfaOptional: '绑定验证器后，登录时除密码外还需输入手机上的验证码，账户更安全。',
    enrol: '绑定验证器',
    enrolled: '验证器已绑定',
    sessions: '登录设备',
    sessionsHint: '如果怀疑账户在别处登录，可以退出所有设备（包括当前设备）。',
    signOutEverywhere: '退出所有设备',
    confirmSignOutEverywhere: '将退出您在所有设备上的登录，包括当前设备。确定吗？',
    language: '界面语言',
  },
  notFound: {
    title: '页面不存在',
    back: '返回工作台',
  },
  documents: documentsZhCN,
  meetingRoom: meetingRoomZhCN,
  supervision: supervisionZhCN,
  workbench: workbenchZhCN,
  annotate: annotateZhCN,
  meetings: meetingsZhCN,
  minutes: minutesZhCN,
  officialDocs: officialDocsZhCN,
  incoming: incomingZhCN,
  routeTemplates: routeTemplatesZhCN,
  issuing: issuingZhCN,
  distribution: distributionZhCN,
  todo: todoZhCN,
  search: searchZhCN,
  ocr: ocrZhCN,
  recording: recordingZhCN,
  archive: archiveZhCN,
};

export default zhCN;
export type Messages = typeof zhCN;
