// Prisma's SQLite adapter stores DateTime as ISO text with an explicit "+00:00"; raw SQL compares against the same
// spelling so that text order is time order.
export function sqlTime(at: Date): string {
  return at.toISOString().replace('Z', '+00:00');
}

/** A DateTime column read through raw SQL: the adapter may hand back a Date or the stored text. */
export function timeOf(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
