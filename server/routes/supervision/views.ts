// Read-only views over many tasks: statistics per unit with the monthly trend, the leader dashboard, and XLSX exports
// of a task list and of the statistics.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { recordExport } from '../../commands/supervision/exportRecorder.ts';
import { oversightOf } from '../../queries/supervision/oversight.ts';
import { writeXlsx, type Sheet } from '../../export/xlsxWriter.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { presentTaskSummary } from '../../presenters/supervisionTask.ts';
import { leaderDashboard } from '../../queries/supervision/dashboard.ts';
import { statisticsView } from '../../queries/supervision/statisticsView.ts';
import { listTasks } from '../../queries/supervision/taskList.ts';
import type { FastifyRequest } from 'fastify';
import { dashboardBody, exportQuery, statsBody, statsQuery } from './schema.ts';

const tags = ['supervision'];
const EXPORT_LIMIT = 5000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STATUS_ZH: Record<string, string> = {
  pending_sign: '待签收',
  in_progress: '办理中',
  extension_requested: '延期待批',
  pending_acceptance: '待验收',
  completed: '已办结',
};
const BASIS_ZH: Record<string, string> = {
  meeting_decision: '会议决议',
  leader_instruction: '领导批示',
  upper_document: '上级文件',
  other: '其他',
};
const PRIORITY_ZH: Record<string, string> = { normal: '一般', urgent: '紧急', critical: '特急' };
const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

const viewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  async function statistics(request: FastifyRequest, query: z.infer<typeof statsQuery>) {
    return statisticsView(svc.db, requireAuth(request).subject, query, svc.clock.now());
  }

  function sendXlsx(reply: FastifyReply, name: string, sheets: Sheet[]) {
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(writeXlsx(sheets));
  }

  app.get(
    '/statistics',
    {
      schema: {
        tags,
        summary: 'Per-unit completion, on-time rate, overdue, days late; monthly trend',
        querystring: statsQuery,
        response: responses({ 200: statsBody }),
      },
    },
    async (request) => statistics(request, request.query),
  );

  app.get(
    '/statistics/export',
    {
      schema: {
        tags,
        summary: 'The statistics as XLSX',
        querystring: statsQuery,
        response: responses({ 200: z.any().describe('the workbook') }),
      },
    },
    async (request, reply) => {
      const s = await statistics(request, request.query);
      await recordExport(svc, contextOf(request), 'supervision.export_statistics', { from: s.from, to: s.to });
      const header = [
        '单位',
        '任务数',
        '已办结',
        '按期办结',
        '未办结',
        '逾期',
        '办结率(%)',
        '按期办结率(%)',
        '平均逾期天数',
      ];
      const row = (u: (typeof s.units)[number], name: string) => [
        name,
        u.total,
        u.completed,
        u.completedOnTime,
        u.open,
        u.overdue,
        percent(u.completionRate),
        percent(u.onTimeRate),
        u.averageDaysLate,
      ];
      return sendXlsx(reply, `督办统计_${s.from}_${s.to}.xlsx`, [
        {
          name: '单位统计',
          rows: [header, ...s.units.map((u) => row(u, u.unitName)), row(s.totals, '合计')],
          widths: [24, 10, 10, 10, 10, 8, 12, 14, 14],
        },
        {
          name: '月度趋势',
          rows: [
            ['月份', '下达', '已办结', '按期办结', '办结率(%)', '按期办结率(%)'],
            ...s.trend.map((p) => [
              p.month,
              p.created,
              p.completed,
              p.completedOnTime,
              percent(p.completionRate),
              percent(p.onTimeRate),
            ]),
          ],
          widths: [10, 8, 8, 10, 12, 14],
        },
      ]);
    },
  );

  app.get(
    '/tasks/export',
    {
      schema: {
        tags,
        summary: 'A task list (same filters) as XLSX, up to 5000 rows',
        querystring: exportQuery,
        response: responses({ 200: z.any().describe('the workbook') }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const now = svc.clock.now();
      const { rows } = await listTasks(
        svc.db,
        subject,
        await oversightOf(svc.db, subject),
        { ...request.query, page: 1, pageSize: EXPORT_LIMIT },
        now,
      );
      const items = rows.map((r) => presentTaskSummary(r, now));
      await recordExport(svc, contextOf(request), 'supervision.export_list', {
        rows: items.length,
        scope: request.query.scope,
      });
      const header = [
        '编号',
        '事项',
        '依据',
        '状态',
        '紧急程度',
        '牵头单位',
        '协办单位',
        '承办人',
        '督办人',
        '办理期限',
        '进度(%)',
        '逾期天数',
        '退回次数',
      ];
      return sendXlsx(reply, `督办事项_${now.toISOString().slice(0, 10)}.xlsx`, [
        {
          name: '督办事项',
          rows: [
            header,
            ...items.map((t) => [
              t.code,
              t.title,
              BASIS_ZH[t.basisType] ?? t.basisType,
              STATUS_ZH[t.status] ?? t.status,
              PRIORITY_ZH[t.priority] ?? t.priority,
              t.leadUnitName,
              t.coUnits.map((u) => u.name).join('、'),
              t.ownerName,
              t.supervisorName,
              t.deadlineDate,
              t.progress,
              t.overdue ? t.overdueDays : t.lateDays,
              t.returnCount,
            ]),
          ],
          widths: [18, 40, 10, 10, 8, 20, 30, 10, 10, 12, 8, 8, 8],
        },
      ]);
    },
  );

  app.get(
    '/dashboard',
    {
      schema: {
        tags,
        summary: 'Leader view: overdue and at-risk tasks by unit',
        response: responses({ 200: dashboardBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'supervision.dashboard');
      return leaderDashboard(
        svc.db,
        subject,
        await oversightOf(svc.db, subject),
        svc.clock.now(),
        svc.config.supervisionReminderDays,
      );
    },
  );
};

export default viewRoutes;
