// The recording quota: what the kept recordings weigh, plus what each recording in progress may still grow to (its
// reservation; the recorder ends a recording that reaches it), never exceeds the configured quota. A new recording
// starts only when its whole reservation still fits.
export interface QuotaUse {
  /** Bytes of finished recordings that are kept. */
  keptBytes: number;
  /** Bytes reserved by recordings in progress. */
  reservedBytes: number;
}

export function reservationFits(use: QuotaUse, reservation: number, quota: number): boolean {
  return use.keptBytes + use.reservedBytes + reservation <= quota;
}
