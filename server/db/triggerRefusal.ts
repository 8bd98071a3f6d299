// Recognises a write the database refused in a trigger, so a command can answer it as the named conflict it is.

/** A write the database refused with RAISE(ABORT, message) in a trigger (the driver adapter reports it as P2003). */
export function refusedByTrigger(err: unknown, message: string): boolean {
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } } | null)?.meta
    ?.driverAdapterError?.cause;
  return cause?.originalMessage === message || (err instanceof Error && err.message.includes(message));
}
