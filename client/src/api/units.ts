// The unit tree.
import { http } from './http.ts';
import type { Ok, Unit } from './types.ts';

export interface UnitInput {
  name: string;
  shortName?: string | null;
  aliases?: string[];
  parentId?: string | null;
  sortOrder?: number;
  archiveCode?: string | null;
}

export const unitsApi = {
  list: () => http.get<{ items: Unit[] }>('/api/units'),
  create: (body: UnitInput) => http.post<{ id: string }>('/api/units', body),
  update: (id: string, changes: Partial<UnitInput>) => http.patch<Ok>(`/api/units/${encodeURIComponent(id)}`, changes),
};
