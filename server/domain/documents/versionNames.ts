// Names of the versions the system takes, stored as a key and parameters so each reader sees them in their own
// language (client/src/i18n/documents.*: versions.names); `name` keeps a zh-CN fallback for anything else that
// shows it (the restore's own version name, logs). Versions named by a person keep their name as typed. Pure.

export const VERSION_NAME_KEYS = ['review_decisions'] as const;
export type VersionNameKey = (typeof VERSION_NAME_KEYS)[number];

/** Each key's parameters as stored: people by id. */
export interface VersionNameParams {
  /** Before a run of accept/reject decisions: who decided, and how many tracked changes in all. */
  review_decisions: { byId: string; decisions: number };
}

export const VERSION_NAME_FALLBACK: Record<VersionNameKey, string> = {
  review_decisions: '审阅决定前',
};

export function isVersionNameKey(value: string | null): value is VersionNameKey {
  return value !== null && (VERSION_NAME_KEYS as readonly string[]).includes(value);
}

/** Stored parameters read back; anything unreadable (a row from before parameters existed) gives null. */
export function reviewDecisionParams(json: string | null): VersionNameParams['review_decisions'] | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return null;
    const { byId, decisions } = value as Record<string, unknown>;
    return typeof byId === 'string' && Number.isInteger(decisions) ? { byId, decisions: decisions as number } : null;
  } catch {
    return null;
  }
}
