// 收文编号: each receiving unit numbers what it registers in a yearly series. The counter moves by one in the same
// transaction that writes the 收文, so registrations have no gap and no duplicate, even at once.
import type { Tx } from '../../db/client.ts';
import { numberingYear } from './numberAllocator.ts';

/** Takes the next 收文编号 of the unit for the year of `at` (China); inside the caller's transaction. */
export async function takeIncomingNumber(tx: Tx, unitId: string, at: Date): Promise<{ year: number; seq: number }> {
  const year = numberingYear(at);
  // One statement moves the counter: concurrent registrations each see their own value.
  const counter = await tx.incomingNumberCounter.upsert({
    where: { unitId_year: { unitId, year } },
    create: { unitId, year, next: 2, updatedAt: at },
    update: { next: { increment: 1 }, updatedAt: at },
  });
  return { year, seq: counter.next - 1 };
}
