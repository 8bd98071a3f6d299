// 归档 as the server and the client both speak of it: the kinds of object archived, the 保管期限 and their codes in the
// 档号, a package's statuses and the destruction (销毁鉴定) states.

export const ARCHIVE_OBJECT_TYPES = ['official_document', 'minutes', 'supervision_task'] as const;
export type ArchiveObjectType = (typeof ARCHIVE_OBJECT_TYPES)[number];

/** 保管期限 (DA/T 22): 永久, 30年, 10年, with their codes in the 档号 (Y, D30, D10) and years kept (null: for ever). */
export const RETENTIONS = {
  permanent: { zh: '永久', en: 'Permanent', code: 'Y', years: null },
  '30y': { zh: '30年', en: '30 years', code: 'D30', years: 30 },
  '10y': { zh: '10年', en: '10 years', code: 'D10', years: 10 },
} as const;
export type Retention = keyof typeof RETENTIONS;
export const RETENTION_KEYS = Object.keys(RETENTIONS) as Retention[];

/** queued: frozen, waiting for the builder; built: files stored, 期限 still open; sealed: 档号 and manifest fixed. */
export const ARCHIVE_STATUSES = ['queued', 'built', 'sealed'] as const;
export type ArchiveStatus = (typeof ARCHIVE_STATUSES)[number];

/** listed: past its period, waiting for the archivist's approval; approved: destruction approved (never automatic). */
export const DESTRUCTION_STATES = ['listed', 'approved'] as const;
export type DestructionState = (typeof DESTRUCTION_STATES)[number];

/** The longest reason an archivist writes for approving a destruction. */
export const DESTRUCTION_REASON_MAX = 500;

/** 机构代码 a unit's 档号 begin with: 2–16 uppercase letters or digits (entered in any case, kept upper case). */
export const ARCHIVE_CODE_PATTERN = /^[A-Z0-9]{2,16}$/;
