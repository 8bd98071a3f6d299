// The words of an official document (公文) as 《党政机关公文处理工作条例》 and GB/T 9704-2012 name them: the fifteen
// kinds (文种), urgency, disclosure and direction, each with its Chinese and English name. Shared by server and client.

export interface KindEntry {
  zh: string;
  en: string;
  /** 上行文: sent up to a higher authority, so GB/T 9704 requires the 签发人 in the 版头. */
  upward: boolean;
}

/** The fifteen kinds in the order of the regulation (第八条). */
export const OFFICIAL_DOCUMENT_KINDS = {
  resolution: { zh: '决议', en: 'Resolution', upward: false },
  decision: { zh: '决定', en: 'Decision', upward: false },
  order: { zh: '命令(令)', en: 'Order', upward: false },
  communique: { zh: '公报', en: 'Communiqué', upward: false },
  announcement: { zh: '公告', en: 'Announcement', upward: false },
  public_notice: { zh: '通告', en: 'Public notice', upward: false },
  opinion: { zh: '意见', en: 'Opinion', upward: false },
  notice: { zh: '通知', en: 'Notice', upward: false },
  bulletin: { zh: '通报', en: 'Bulletin', upward: false },
  report: { zh: '报告', en: 'Report', upward: true },
  request: { zh: '请示', en: 'Request for instructions', upward: true },
  reply: { zh: '批复', en: 'Reply', upward: false },
  motion: { zh: '议案', en: 'Motion', upward: false },
  letter: { zh: '函', en: 'Letter', upward: false },
  minutes: { zh: '纪要', en: 'Minutes', upward: false },
} as const satisfies Record<string, KindEntry>;

export type OfficialDocumentKind = keyof typeof OFFICIAL_DOCUMENT_KINDS;
export const OFFICIAL_DOCUMENT_KIND_KEYS = Object.keys(OFFICIAL_DOCUMENT_KINDS) as OfficialDocumentKind[];

/** Whether documents of this kind need a 签发人 (上行文). */
export function needsSigner(kind: OfficialDocumentKind): boolean {
  return OFFICIAL_DOCUMENT_KINDS[kind].upward;
}

/** 发文 (outgoing, drafted here) and 收文 (incoming, registered here from outside or from a 分发). */
export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** 紧急程度: none, 加急, 特急. */
export const URGENCIES = {
  none: { zh: '', en: '' },
  urgent: { zh: '加急', en: 'Urgent' },
  extra_urgent: { zh: '特急', en: 'Extra urgent' },
} as const;
export type Urgency = keyof typeof URGENCIES;
export const URGENCY_KEYS = Object.keys(URGENCIES) as Urgency[];

/** 公开属性. */
export const DISCLOSURES = {
  proactive: { zh: '主动公开', en: 'Proactively disclosed' },
  on_request: { zh: '依申请公开', en: 'Disclosed on request' },
  not_public: { zh: '不予公开', en: 'Not disclosed' },
} as const;
export type Disclosure = keyof typeof DISCLOSURES;
export const DISCLOSURE_KEYS = Object.keys(DISCLOSURES) as Disclosure[];

/** How two documents relate: 请示 → 批复 (reply), 来文 → 复文 (response). */
export const RELATION_KINDS = ['reply', 'response'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * The kind of an opinion, by the step it was given on. 发文: 审核意见, 会签意见, 签发意见. 收文 (the steps of the 条例):
 * 拟办意见 (the clerk proposes), 批办意见 (a leader instructs), 承办 (the lead and helper units' handling), 传阅 (each
 * reader's 已阅), 办结 (the result).
 */
export const OPINION_KINDS = {
  review: { zh: '审核', en: 'Review' },
  countersign: { zh: '会签', en: 'Countersignature' },
  signoff: { zh: '签发', en: 'Sign-off' },
  propose: { zh: '拟办', en: 'Proposal' },
  instruct: { zh: '批办', en: 'Instruction' },
  undertake: { zh: '承办', en: 'Handling' },
  circulate: { zh: '传阅', en: 'Circulation' },
  conclude: { zh: '办结', en: 'Conclusion' },
} as const;
export type OpinionKind = keyof typeof OPINION_KINDS;
export const OPINION_KIND_KEYS = Object.keys(OPINION_KINDS) as OpinionKind[];

/** The opinions a route of each direction may ask for: 发文 ends with 签发, 收文 with 办结. */
export const OPINIONS_BY_DIRECTION: Readonly<Record<Direction, readonly OpinionKind[]>> = {
  outgoing: ['review', 'countersign', 'signoff'],
  incoming: ['propose', 'instruct', 'undertake', 'circulate', 'conclude'],
};
/** The opinion of the last step of a route, and only of it. */
export const LAST_OPINION: Readonly<Record<Direction, OpinionKind>> = { outgoing: 'signoff', incoming: 'conclude' };

/** 收文 comes registered by the clerk from paper or from a PDF from outside, or signed for from a 分发 on this system. */
export const INCOMING_ORIGINS = {
  paper: { zh: '纸质来文', en: 'On paper' },
  pdf: { zh: '电子来文', en: 'PDF from outside' },
  distribution: { zh: '分发', en: 'Distributed' },
} as const;
export type IncomingOrigin = keyof typeof INCOMING_ORIGINS;

/** 收文编号: the receiving unit's yearly series, e.g. 收文〔2026〕12号. */
export function formatIncomingNumber(year: number, seq: number): string {
  return `收文〔${year}〕${seq}号`;
}

/** 发文字号 as GB/T 9704 writes it: 代字〔年〕序号号, with the year in hexagonal brackets and no leading zeros. */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}
