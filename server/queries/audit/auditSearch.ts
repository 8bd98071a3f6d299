// The audit log searched by actor, action (exact or a prefix ending in "."), outcome and time, newest first, a page
// at a time.
import type { Db } from '../../db/client.ts';

export interface AuditSearch {
  actor?: string | undefined;
  action?: string | undefined;
  outcome?: 'success' | 'failure' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export async function searchAudit(db: Db, query: AuditSearch) {
  const { actor, action, outcome, from, to, page, pageSize } = query;
  const where = {
    ...(actor ? { OR: [{ actorId: actor }, { actorName: actor }] } : {}),
    ...(action ? (action.endsWith('.') ? { action: { startsWith: action } } : { action }) : {}),
    ...(outcome ? { outcome } : {}),
    ...(from || to ? { at: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lte: new Date(to) } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
    db.auditEvent.count({ where }),
  ]);
  return {
    items: rows.map(({ prevHash: _prev, detail, at, ...r }) => ({
      ...r,
      at: at.toISOString(),
      detail: JSON.parse(detail) as Record<string, unknown>,
    })),
    total,
  };
}
