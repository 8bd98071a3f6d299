// How a recording's chapters are named: after the agenda item, with its place in the agenda.

/** "1. 审议某某方案": the item's place in the agenda (positions count from 0) and its title. */
export function chapterTitle(item: { position: number; title: string }): string {
  return `${item.position + 1}. ${item.title}`;
}
