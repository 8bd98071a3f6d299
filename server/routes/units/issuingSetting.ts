// A unit's issuing setting under /api/units/:id/issuing-setting: the 发文机关标志 and 代字 its office sets, and the
// 办公室 the system administrator names (三员分立: see server/policies/issuing.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { updateIssuingSetting } from '../../commands/officialDocs/issuingSettingEditor.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, responses } from '../../http/schemas.ts';
import { issuingSetting } from '../../queries/officialDocs/issuingSetting.ts';

const tags = ['units'];
const unitRef = z.object({ id: z.string(), name: z.string() });

export const issuingSettingBody = z.object({
  unitId: z.string(),
  issuerMark: z.string().nullable(),
  numberPrefix: z.string().nullable(),
  officeUnitId: z.string().nullable(),
  effective: z.object({
    issuerMark: z.string(),
    numberPrefix: z.string(),
    officeUnitId: z.string(),
    printingUnit: z.string(),
  }),
  officeCandidates: z.array(unitRef),
  mayEditMarks: z.boolean(),
  mayAssignOffice: z.boolean(),
  updatedAt: z.string().nullable(),
});

export const issuingChangesBody = z.strictObject({
  issuerMark: z.string().trim().max(40).optional(),
  numberPrefix: z.string().trim().max(40).optional(),
  officeUnitId: z.string().min(1).max(64).optional(),
});

export const issuingSettingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  app.get(
    '/:id/issuing-setting',
    {
      schema: {
        tags,
        summary: 'How the unit issues 公文: 发文机关标志, 代字, 办公室 (its office, or the system administrator)',
        params: idParams,
        response: responses({ 200: issuingSettingBody }),
      },
    },
    async (request) => issuingSetting(svc.db, requireAuth(request).subject, request.params.id),
  );

  app.put(
    '/:id/issuing-setting',
    {
      schema: {
        tags,
        summary: 'Set the 发文机关标志 and 代字 (the unit’s office) or name its 办公室 (the system administrator)',
        params: idParams,
        body: issuingChangesBody,
        response: responses({ 200: issuingSettingBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await updateIssuingSetting(svc, contextOf(request), subject, request.params.id, request.body);
      return issuingSetting(svc.db, subject, request.params.id);
    },
  );
};
