// 档案: archive packages — the list by 年度 / 机构 / 期限, a package with its files and manifest, the zip an archive
// system takes in, integrity verification, and the archivist's sealing, 保管期限 and destruction approval.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Retention } from '../../../common/archive/archive.ts';
import { approveDestruction } from '../../commands/archive/archiveDestruction.ts';
import { exportPackage } from '../../commands/archive/archiveExporter.ts';
import { requestArchive } from '../../commands/archive/archiveRequester.ts';
import { sealPackage, setRetention } from '../../commands/archive/archiveSealer.ts';
import { routeArea } from '../../http/routeArea.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, okBody, responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { listPackages, loadPackage, packageDetail, packageResource } from '../../queries/archive/archivePackages.ts';
import { verifyPackage } from '../../queries/archive/archiveVerification.ts';
import {
  destructionBody,
  listQuery,
  packageBody,
  packageDetailBody,
  requestBody,
  retentionBody,
  verdictBody,
} from './schema.ts';

const tags = ['archive'];

const archiveRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  /** The package, once the caller may read it (404 as if absent otherwise, audited). */
  const readable = async (request: Parameters<typeof requireAuth>[0], id: string) => {
    const { subject } = requireAuth(request);
    const pkg = await loadPackage(svc.db, id);
    authorize(subject, 'archive.read', await packageResource(svc.db, subject, pkg, svc.clock.now()));
    return { subject, pkg };
  };

  app.get(
    '/packages',
    {
      schema: {
        tags,
        summary: 'Archive packages the caller may read, by 年度, 机构, 保管期限, status and destruction state',
        querystring: listQuery,
        response: responses({ 200: z.object({ items: z.array(packageBody), total: z.number() }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'archive.list');
      return listPackages(svc.db, subject, request.query, svc.clock.now());
    },
  );

  app.post(
    '/requests',
    {
      schema: {
        tags,
        summary: 'Archive closed minutes (by their document id) or a completed supervision task on demand',
        body: requestBody,
        response: responses({ 202: z.object({ packageId: z.string() }) }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const { objectType, objectId } = request.body;
      const result = await requestArchive(svc, contextOf(request), subject, objectType, objectId);
      return reply.code(202).send(result);
    },
  );

  app.get(
    '/packages/:id',
    {
      schema: {
        tags,
        summary: 'One package with its files and manifest',
        params: idParams,
        response: responses({ 200: packageDetailBody }),
      },
    },
    async (request) => {
      const { subject, pkg } = await readable(request, request.params.id);
      return packageDetail(svc.db, subject, pkg);
    },
  );

  app.get(
    '/packages/:id/zip',
    {
      schema: {
        tags,
        summary: 'The sealed package as a zip: manifest.json and every file at its path',
        params: idParams,
        response: responses({ 200: z.unknown().describe('the zip') }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const file = await exportPackage(svc, contextOf(request), subject, request.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  app.post(
    '/packages/:id/verify',
    {
      schema: {
        tags,
        summary: 'Check the package: manifest unchanged and every file matching its SHA-256',
        params: idParams,
        response: responses({ 200: verdictBody }),
      },
    },
    async (request) => {
      const { pkg } = await readable(request, request.params.id);
      return verifyPackage(svc.db, svc.files, pkg);
    },
  );

  app.post(
    '/packages/:id/seal',
    {
      schema: {
        tags,
        summary: 'Seal a built package (the unit’s 档案员): allocates its 档号 and fixes its manifest',
        params: idParams,
        response: responses({ 200: z.object({ archiveNumber: z.string() }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      return sealPackage(svc, contextOf(request), subject, request.params.id);
    },
  );

  app.put(
    '/packages/:id/retention',
    {
      schema: {
        tags,
        summary: 'Set the 保管期限 of a package not yet sealed (the unit’s 档案员)',
        params: idParams,
        body: retentionBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await setRetention(svc, contextOf(request), subject, request.params.id, request.body.retention as Retention);
      return { ok: true as const };
    },
  );

  app.post(
    '/packages/:id/destruction/approve',
    {
      schema: {
        tags,
        summary: 'Approve the destruction of a package listed past its period (the unit’s 档案员), with a reason',
        params: idParams,
        body: destructionBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await approveDestruction(svc, contextOf(request), subject, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );

  if (svc.config.testHooks) {
    // Automated tests only: run the archive job now (queue completed 公文, build what is queued) instead of waiting
    // for its timer (TONGBAN_ARCHIVE_TICK_SECONDS).
    app.post(
      '/test/tick',
      {
        config: { access: 'public' },
        schema: {
          hide: true,
          response: responses({
            200: z.object({ queued: z.number(), built: z.number(), listedForDestruction: z.number() }),
          }),
        },
      },
      async () => app.jobs.archive.tick(),
    );
  }
};

export default routeArea('/api/archive', [archiveRoutes]);
