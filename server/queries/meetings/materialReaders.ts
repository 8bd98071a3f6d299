// Pre-reading marks (阅读标记) for the organiser: who has opened each material of a meeting, and who at the table has
// not yet.
import type { Db } from '../../db/client.ts';

interface Person {
  userId: string;
  displayName: string;
  unitName: string;
}

export interface MaterialReaders {
  materialId: string;
  title: string;
  readers: Array<Person & { firstAt: string; lastAt: string; count: number }>;
  notYet: Person[];
}

export async function materialReaders(db: Db, meetingId: string): Promise<MaterialReaders[]> {
  const [materials, seats] = await Promise.all([
    db.meetingMaterial.findMany({
      where: { meetingId, removedAt: null },
      orderBy: [{ agendaItemId: 'asc' }, { position: 'asc' }],
      select: {
        id: true,
        title: true,
        views: {
          select: {
            userId: true,
            firstAt: true,
            lastAt: true,
            count: true,
            user: { select: { displayName: true, unit: { select: { name: true } } } },
          },
          orderBy: { firstAt: 'asc' },
        },
      },
    }),
    db.meetingParticipant.findMany({
      where: { meetingId },
      select: { userId: true, user: { select: { displayName: true, unit: { select: { name: true } } } } },
    }),
  ]);
  return materials.map((m) => ({
    materialId: m.id,
    title: m.title,
    readers: m.views.map((v) => ({
      userId: v.userId,
      displayName: v.user.displayName,
      unitName: v.user.unit.name,
      firstAt: v.firstAt.toISOString(),
      lastAt: v.lastAt.toISOString(),
      count: v.count,
    })),
    notYet: seats
      .filter((s) => !m.views.some((v) => v.userId === s.userId))
      .map((s) => ({ userId: s.userId, displayName: s.user.displayName, unitName: s.user.unit.name })),
  }));
}
