// The refusals of 分发 (distribution, sign-for, refusal, recall, reissue) in Chinese and English, part of the 办文
// error catalogue (errors.ts).

export const DISTRIBUTION_ERRORS = {
  distribution_no_recipients: { zh: '请选择至少一个收文单位', en: 'Choose at least one recipient unit' },
  distribution_duplicate_unit: {
    zh: '同一单位只能分发一次（主送或抄送）',
    en: 'A unit receives the document once, as main or cc recipient',
  },
  distribution_own_unit: { zh: '不能分发给发文单位自己', en: 'A document is not distributed to its own issuing unit' },
  distribution_unit_unknown: { zh: '收文单位不存在', en: 'That recipient unit does not exist' },
  distribution_receiver_invalid: {
    zh: '指定的收件人须为收文单位中可阅读该公文的人员',
    en: 'The named receiver is a person of the recipient unit cleared to read the document',
  },
  distribution_forbidden: {
    zh: '只有收文单位的收发员或指定收件人可以签收或拒收',
    en: 'Only a clerk of the recipient unit or the named receiver signs for or refuses it',
  },
  distribution_sender_only: {
    zh: '只有发文单位办公室可以撤回或重新分发',
    en: 'Only the issuing office recalls or reissues a distribution',
  },
  distribution_not_pending: {
    zh: '该分发已不是待签收状态（已签收、已拒收或已撤回）',
    en: 'That distribution no longer waits to be signed for (signed, refused or recalled)',
  },
  distribution_not_reissuable: {
    zh: '只有被拒收或已撤回的分发可以重新分发，且只能重新分发一次',
    en: 'Only a refused or recalled distribution is reissued, and only once',
  },
  distribution_reason_required: { zh: '拒收必须填写理由', en: 'A refusal needs a reason' },
  distribution_changed: {
    zh: '该分发已被他人处理，请刷新后再试',
    en: 'Someone else acted on that distribution; reload and try again',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
