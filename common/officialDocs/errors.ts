// Every refusal of the 办文 API by its code, in Chinese and English: the server writes both into the error message and
// the client shows the reader's language from here.
import { DISTRIBUTION_ERRORS } from './distributionErrors.ts';

export const OFFICIAL_DOC_ERRORS = {
  // the route, as the engine refuses it
  official_doc_closed: { zh: '公文已分发办结，不能再办理', en: 'The document has been distributed and is closed' },
  invalid_transition: {
    zh: '公文当前状态下不能进行此操作',
    en: 'This cannot be done to the document in its present state',
  },
  not_your_step: { zh: '您不是当前环节的办理人', en: 'You are not a handler of the current step' },
  already_acted: { zh: '您已办理过此环节，不能重复办理', en: 'You have already acted on this step' },
  moved_on: { zh: '公文已流转到下一环节，不能再办理', en: 'The document has moved on from your step' },
  not_your_turn: { zh: '串行办理，尚未轮到您', en: 'This step is handled in turn and it is not yours yet' },
  use_sign_off: { zh: '签发环节请使用“签发”', en: 'This is the sign-off step: sign it off instead of approving' },
  bad_plan: { zh: '办理流程设置有误', en: 'The route is not valid' },
  reason_required: { zh: '退回必须填写理由', en: 'A return needs a reason' },
  choose_required: { zh: '请从候选人中选择下一环节办理人', en: 'Choose the next step’s handler from its candidates' },
  choose_not_candidate: { zh: '所选办理人不在候选名单中', en: 'The chosen handler is not one of the candidates' },
  bad_return_target: {
    zh: '只能退回拟稿人或已办理的前序环节',
    en: 'Return to the drafter or to an earlier step already done',
  },
  already_opened: {
    zh: '下一环节办理人已打开，不能撤回',
    en: 'The next handler has already opened it; it cannot be withdrawn',
  },
  not_countersign_step: { zh: '只有会签环节可以加签', en: 'Countersigners can only be added to a countersigning step' },
  already_handler: { zh: '此人已是本环节办理人', en: 'That person already handles this step' },
  nobody_named: { zh: '请指定办理人', en: 'Name someone' },
  // the people and fields named
  unknown_person: { zh: '指定的人员不存在或已停用', en: 'A person named does not exist or is disabled' },
  handler_not_cleared: {
    zh: '指定的办理人密级不够，不能办理此公文',
    en: 'A handler named is not cleared for this document',
  },
  unknown_unit: { zh: '指定的单位不存在', en: 'A unit named does not exist' },
  opinion_required: { zh: '请填写意见', en: 'Write an opinion' },
  ink_invalid: {
    zh: '手写签批无效：笔迹为空、超出限制或格式有误',
    en: 'The handwriting is not valid: empty, over the limits or badly encoded',
  },
  not_editable: {
    zh: '只有拟稿人在拟稿状态下可以修改公文',
    en: 'Only the drafter edits the document, and only as a draft',
  },
  document_changed: {
    zh: '公文刚被他人办理，请刷新后重试',
    en: 'Someone acted on the document just now; reload and try again',
  },
  // 发文字号
  number_taken: { zh: '该发文字号已被使用或作废', en: 'That document number is already used or voided' },
  number_not_reserved: { zh: '该发文字号不是预留号', en: 'That document number is not reserved' },
  number_not_voidable: { zh: '已使用的发文字号不能作废', en: 'A number in use cannot be voided' },
  number_unknown: { zh: '该发文字号尚未分配', en: 'That document number has not been handed out' },
  already_numbered: { zh: '公文已编号', en: 'The document already has a number' },
  number_forbidden: {
    zh: '只有发文单位办公室可以管理发文字号',
    en: 'Only the issuing unit’s office manages document numbers',
  },
  // attachments (附件)
  attachments_forbidden: { zh: '只有拟稿人可以修改附件', en: 'Only the drafter changes the attachments' },
  attachments_in_route: {
    zh: '公文在流转中，附件不能修改；退回或撤回后由拟稿人修改',
    en: 'The document is in its route: its attachments change only once it is returned or withdrawn to the drafter',
  },
  attachments_frozen: {
    zh: '公文已签发，附件已冻结，不能修改',
    en: 'The document has been signed off: its attachments are frozen',
  },
  attachment_file_required: {
    zh: '请以 multipart/form-data 上传一个附件文件',
    en: 'Send one attachment file as multipart/form-data',
  },
  attachment_type: {
    zh: '附件只能是 PDF、DOCX、XLSX、PNG 或 JPEG 文件，且文件内容须与文件名一致',
    en: 'An attachment is a PDF, DOCX, XLSX, PNG or JPEG file whose content matches its name',
  },
  attachment_name_invalid: {
    zh: '附件名称不能为空，不超过 200 字，不加书名号，后面不加标点符号',
    en: 'An attachment name is 1 to 200 characters, without title marks or closing punctuation',
  },
  attachment_limit: { zh: '一份公文的附件不能超过 50 个', en: 'A document has at most 50 attachments' },
  attachment_order_incomplete: {
    zh: '请按新顺序列出全部附件，每个附件一次',
    en: 'List every attachment once, in the new order',
  },
  // the issuing setting and the 发文登记簿
  issuing_forbidden: {
    zh: '只有本单位办公室可以查看和设置发文机关标志和发文代字',
    en: 'Only the unit’s office sees and sets its issuer mark and number prefix',
  },
  issuing_office_forbidden: {
    zh: '只有系统管理员可以指定单位的办公室',
    en: 'Only the system administrator names a unit’s office',
  },
  issuing_office_invalid: {
    zh: '办公室须为本单位或其下属单位',
    en: 'The office is the unit itself or one of its units',
  },
  issuing_invalid: {
    zh: '发文机关标志和发文代字不能为空，且不能含有标点或空白',
    en: 'The issuer mark and the number prefix are not empty and hold no punctuation or spaces',
  },
  // 代理
  delegation_period: {
    zh: '代理期限无效：结束须晚于开始，且不超过 90 天',
    en: 'The delegation must end after it starts, within 90 days',
  },
  delegation_self: { zh: '不能委托给自己', en: 'You cannot delegate to yourself' },
  // templates (公文模板)
  template_unknown_fields: { zh: '模板含有未知字段', en: 'The template has fields it does not know' },
  template_invalid: { zh: '模板内容不符合要求', en: 'The template is not valid' },
  template_body_invalid: { zh: '模板正文不符合要求', en: 'The template’s body is not valid' },
  template_name_taken: {
    zh: '本单位已有同一文种的同名模板',
    en: 'Your unit already has a template of this kind by that name',
  },
  template_forbidden: { zh: '只有本单位办公室可以管理公文模板', en: 'Only the unit’s office manages its templates' },
  template_kind_mismatch: {
    zh: '所选模板的文种与公文的文种不一致',
    en: 'The template chosen is for another kind of document',
  },
  // route templates (流程模板)
  route_template_unknown_fields: { zh: '流程模板含有未知字段', en: 'The route template has fields it does not know' },
  route_template_invalid: { zh: '流程模板内容不符合要求', en: 'The route template is not valid' },
  route_template_name_taken: {
    zh: '本单位已有同名的流程模板',
    en: 'Your unit already has a route template by that name',
  },
  route_template_forbidden: {
    zh: '只有本单位办公室可以管理流程模板',
    en: 'Only the unit’s office manages its route templates',
  },
  route_template_retired: { zh: '该流程模板已停用', en: 'That route template has been retired' },
  route_template_mismatch: {
    zh: '所选流程模板不适用于本公文的单位或文种',
    en: 'The route template chosen is for another unit or kind of document',
  },
  route_template_or_steps: {
    zh: '请选择流程模板或逐步设置流程，二者选其一',
    en: 'Send with a route template or with steps of your own, one of the two',
  },
  // the format check, 催办 and the trail
  format_errors: {
    zh: '公文格式检查未通过，请按提示修改后再送审',
    en: 'The document fails the format check: correct what it lists, then send it again',
  },
  nothing_to_urge: { zh: '公文不在流转中，没有待办人可催办', en: 'The document is not waiting for anyone to urge' },
  urge_forbidden: {
    zh: '只有拟稿人、送办人或发文单位办公室可以催办',
    en: 'Only the drafter, the sender or the issuing office urges the handlers',
  },
  urge_limit: { zh: '催办过于频繁，请稍后再试', en: 'The handlers were urged too often; try again later' },
  trail_forbidden: {
    zh: '只有拟稿人和发文单位办公室可以查看查阅留痕',
    en: 'Only the drafter and the issuing office see who read and downloaded the document',
  },
  // 收文: registration, handling and 办结
  use_finish: { zh: '办结环节请使用“办结”', en: 'This is the conclusion step: conclude it instead of approving' },
  register_forbidden: {
    zh: '只有本单位的收发员（文书）可以登记收文',
    en: 'Only a clerk of the unit registers incoming documents',
  },
  incoming_field_required: { zh: '请填写标题和来文单位', en: 'Give the title and the unit it comes from' },
  incoming_copies: { zh: '份数须为 1 至 999 的整数', en: 'The number of copies is a whole number from 1 to 999' },
  incoming_due_date: {
    zh: '办理时限须为有效日期，且不早于登记当日',
    en: 'The deadline must be a calendar date YYYY-MM-DD, not before the day of registration',
  },
  not_incoming: { zh: '这不是收文，不能进行此操作', en: 'This is not an incoming document' },
  scan_not_pdf: { zh: '来文扫描件须为 PDF 文件', en: 'The scanned document must be a PDF' },
  scan_forbidden: {
    zh: '只有登记人或本单位收发员可以在办结前上传扫描件',
    en: 'Only the registering clerk or a clerk of the unit uploads the scan, and only before it is concluded',
  },
  scan_missing: { zh: '该收文没有扫描件', en: 'This incoming document has no scan' },
  not_circulation: {
    zh: '当前环节不是传阅，无需确认已阅',
    en: 'The current step is not a circulation to confirm as read',
  },
  result_required: { zh: '办结须填写办理结果', en: 'Concluding needs the result of the handling' },
  distribution_unknown: { zh: '该分发记录不存在', en: 'That distribution does not exist' },
  distribution_registered: { zh: '该分发已登记为收文', en: 'That distribution has already been registered' },
  ...DISTRIBUTION_ERRORS,
} as const satisfies Record<string, { zh: string; en: string }>;

export type OfficialDocErrorCode = keyof typeof OFFICIAL_DOC_ERRORS;
