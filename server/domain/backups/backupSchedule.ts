// When the scheduled backup is due: TONGBAN_BACKUP_AT is a time of day in China Standard Time (UTC+8, no daylight
// saving), like every date rule in Tongban, so the schedule does not move with the server's time zone.
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The latest instant at or before `now` whose China time of day is `at` ("HH:MM"). */
export function latestScheduledAt(now: Date, at: string): Date {
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  const local = now.getTime() + CHINA_OFFSET_MS;
  let candidate = Math.floor(local / DAY_MS) * DAY_MS + (hours * 60 + minutes) * 60_000;
  if (candidate > local) candidate -= DAY_MS;
  return new Date(candidate - CHINA_OFFSET_MS);
}

/**
 * Whether a backup is owed at `now`: a scheduled instant has passed since the newest backup, or, with none yet, since
 * the schedule started (a first start does not back up at once; the first backup comes at the first scheduled time).
 */
export function backupDue(now: Date, at: string, newestBackupAt: Date | null, scheduleStartedAt: Date): boolean {
  const due = latestScheduledAt(now, at);
  return due.getTime() > (newestBackupAt ?? scheduleStartedAt).getTime();
}
