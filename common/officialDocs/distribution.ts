// 分发 (distribution of a sealed 公文) as the server and the client both speak of it: the statuses of a recipient's row,
// its role (主送 or 抄送), which statuses let the recipient read the 公文 or fill the inbox, and the match of a 公文's
// 主送/抄送 names against the directory's units that prefills whom it goes to.

export const DISTRIBUTION_STATUSES = ['pending', 'signed', 'refused', 'recalled', 'finished'] as const;
/** pending 待签收, signed 已签收, refused 拒收, recalled 已撤回, finished 已办结. */
export type DistributionStatus = (typeof DISTRIBUTION_STATUSES)[number];

export const DISTRIBUTION_ROLES = ['main', 'cc'] as const;
/** main 主送, cc 抄送. */
export type DistributionRole = (typeof DISTRIBUTION_ROLES)[number];

/** The recipient reads the 公文 while it waits for them, once signed for and once handled; a recall or refusal ends it. */
export const READING_STATUSES: readonly DistributionStatus[] = ['pending', 'signed', 'finished'];

/** What a unit's inbox (收文箱) lists: everything sent to it except what the sender took back. */
export const INBOX_STATUSES = ['pending', 'signed', 'refused', 'finished'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** A unit is sent the 公文 again (重新分发) only once its row was refused or recalled. */
export const REISSUABLE_STATUSES: readonly DistributionStatus[] = ['refused', 'recalled'];

/** The longest 拒收 reason kept. */
export const REFUSAL_REASON_MAX = 500;

/** A unit as the directory names it. */
export interface NamedUnit {
  id: string;
  name: string;
  shortName: string | null;
  aliases: readonly string[];
}

/**
 * The units whose name, short name or alias is written among the 主送 or 抄送 names (a unit named in both is 主送).
 * Collective names (各街道办事处, 区政府各部门) match no single unit: the office picks those units itself.
 */
export function matchRecipientUnits(
  main: readonly string[],
  cc: readonly string[],
  units: readonly NamedUnit[],
): Array<{ unitId: string; role: DistributionRole }> {
  const named = (names: readonly string[]) => new Set(names.map((n) => n.trim()).filter(Boolean));
  const mainNames = named(main);
  const ccNames = named(cc);
  const out: Array<{ unitId: string; role: DistributionRole }> = [];
  for (const unit of units) {
    const known = [unit.name, unit.shortName ?? '', ...unit.aliases].filter(Boolean);
    if (known.some((n) => mainNames.has(n))) out.push({ unitId: unit.id, role: 'main' });
    else if (known.some((n) => ccNames.has(n))) out.push({ unitId: unit.id, role: 'cc' });
  }
  return out;
}
