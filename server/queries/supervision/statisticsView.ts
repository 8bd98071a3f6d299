// The statistics page for one person: per-unit figures over a period (this year's months by default) with the
// monthly trend, over the units their oversight reaches (or one of them).
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { BadRequest } from '../../errors.ts';
import { authorizeStatisticsUnit, statisticsScope } from '../../policies/supervision.ts';
import { oversightOf } from './oversight.ts';
import { defaultPeriod, monthlyTrend, unitStatistics, type Period } from './statistics.ts';

export async function statisticsView(
  db: Db,
  subject: Subject,
  query: { from?: string | undefined; to?: string | undefined; unitId?: string | undefined },
  now: Date,
) {
  const scope = statisticsScope(subject, await oversightOf(db, subject));
  const fallback = defaultPeriod(now);
  const period: Period = { from: query.from ?? fallback.from, to: query.to ?? fallback.to };
  if (period.from > period.to) throw new BadRequest('invalid_period', 'The period starts after it ends');
  const unitIds = scope.all ? null : scope.unitIds;
  authorizeStatisticsUnit(scope, query.unitId);
  const [stats, trend] = await Promise.all([
    unitStatistics(db, unitIds, period, now),
    monthlyTrend(db, query.unitId ? [query.unitId] : unitIds, period),
  ]);
  return { ...period, ...stats, trend };
}
