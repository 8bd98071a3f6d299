// Document rows → API shapes.
import { classificationOfLevel, type Classification } from '../domain/roles.ts';
import type { Access } from '../policies/documents.ts';

export interface DocumentView {
  id: string;
  kind: string;
  title: string;
  unitId: string;
  unitName: string | null;
  ownerId: string;
  ownerName: string | null;
  classification: Classification;
  status: string;
  reviewMode: boolean;
  access: Access;
  contextType: string | null;
  contextId: string | null;
  createdAt: string;
  updatedAt: string;
}

export function presentDocument(
  d: {
    id: string;
    kind: string;
    title: string;
    unitId: string;
    ownerId: string;
    classification: number;
    status: string;
    reviewMode: boolean;
    contextType: string | null;
    contextId: string | null;
    createdAt: Date;
    updatedAt: Date;
    unit?: { name: string } | null;
    owner?: { displayName: string } | null;
  },
  access: Access,
): DocumentView {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    unitId: d.unitId,
    unitName: d.unit?.name ?? null,
    ownerId: d.ownerId,
    ownerName: d.owner?.displayName ?? null,
    classification: classificationOfLevel(d.classification),
    status: d.status,
    reviewMode: d.reviewMode,
    access,
    contextType: d.contextType,
    contextId: d.contextId,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
