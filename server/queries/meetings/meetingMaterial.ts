// One material of a meeting: as the upload answers it (with its uploader and readers), or only whether the meeting
// has it.
import type { Db } from '../../db/client.ts';

export async function materialWithViews(db: Db, materialId: string) {
  return db.meetingMaterial.findUniqueOrThrow({
    where: { id: materialId },
    include: { uploadedBy: { select: { id: true, displayName: true } }, views: true },
  });
}

/** The material's id when it belongs to the meeting, else null. */
export async function materialOfMeeting(db: Db, meetingId: string, materialId: string): Promise<string | null> {
  const material = await db.meetingMaterial.findFirst({ where: { id: materialId, meetingId }, select: { id: true } });
  return material?.id ?? null;
}
