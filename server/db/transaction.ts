// Runs a command's writes and its audit event in one transaction.
import type { Tx } from './client.ts';
import type { Services } from '../services.ts';

export function inTransaction<T>(svc: Services, work: (tx: Tx) => Promise<T>): Promise<T> {
  return svc.db.$transaction(work, { timeout: 15_000, maxWait: 15_000 });
}
