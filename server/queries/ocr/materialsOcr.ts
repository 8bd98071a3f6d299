// Where the OCR of each material of a meeting stands, for the 识别中 3/5 页 / 已识别 tags beside the materials.
import type { MaterialOcrList } from '../../../common/ocr/ocrApi.ts';
import type { Db } from '../../db/client.ts';
import { ocrProgressOf } from './ocrResults.ts';

export async function materialsOcr(db: Db, meetingId: string): Promise<MaterialOcrList['items']> {
  const materials = await db.meetingMaterial.findMany({
    where: { meetingId, removedAt: null },
    select: { id: true, sha256: true },
  });
  const progress = await ocrProgressOf(
    db,
    materials.map((m) => m.sha256),
  );
  return materials.flatMap((m) => {
    const p = progress.get(m.sha256);
    return p ? [{ materialId: m.id, ...p }] : [];
  });
}
