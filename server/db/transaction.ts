// Runs a command's writes and its audit event in one transaction, then anchors the audit chain's new head outside the
// database (audit/headAnchor.ts) before the command returns.
import type { Tx } from './client.ts';
import type { Services } from '../services.ts';

export async function inTransaction<T>(svc: Services, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await svc.db.$transaction(work, { timeout: 15_000, maxWait: 15_000 });
  await svc.auditHead.anchor();
  return result;
}
