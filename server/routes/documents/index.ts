// Documents: create, list and search, open (collab token), settings, shares. Versions, suggestions and comments are
// in their own files in this folder.
import { routeArea } from '../../http/routeArea.ts';
import reviewRoutes from './review.ts';
import exportRoutes from './export.ts';
import documentImageRoutes from './images.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueCollabToken } from '../../auth/collabToken.ts';
import { createDocument } from '../../commands/documents/documentCreator.ts';
import { recordDocumentOpen } from '../../commands/documents/documentOpener.ts';
import { setDocumentShares } from '../../commands/documents/documentSharer.ts';
import { updateDocument } from '../../commands/documents/documentUpdater.ts';
import { stepDocumentWorkflow } from '../../commands/documents/documentWorkflowStepper.ts';
import { WORKFLOW_ACTIONS } from '../../domain/documents/documentWorkflow.ts';
import { classificationLevel } from '../../domain/roles.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, okBody, responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { presentDocument } from '../../presenters/document.ts';
import { listDocuments } from '../../queries/documents/documentList.ts';
import { namedShares } from '../../queries/documents/shareList.ts';
import { collabPathOf } from '../../../collab/server.ts';
import { documentFor } from './access.ts';
import { createBody, documentBody, listQuery, patchBody, sharesBody, shareView, tokenBody } from './schema.ts';

const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  app.post(
    '/',
    {
      schema: {
        tags: ['documents'],
        summary: 'Create a document in my unit',
        body: createBody,
        response: responses({ 201: documentBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const { id } = await createDocument(app.svc, contextOf(request), subject, {
        ...request.body,
        classification: classificationLevel(request.body.classification),
      });
      const { doc, access } = await documentFor(app, subject, id, 'view');
      return reply.code(201).send(presentDocument(doc, access));
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags: ['documents'],
        summary: 'Documents I can open: search, filter, recent',
        querystring: listQuery,
        response: responses({ 200: z.object({ items: z.array(documentBody), total: z.number() }) }),
      },
    },
    async (request) => {
      const { items, total } = await listDocuments(db, requireAuth(request).subject, request.query);
      return { items: items.map((x) => presentDocument(x.doc, x.access)), total };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'One document with my access level',
        params: idParams,
        response: responses({ 200: documentBody }),
      },
    },
    async (request) => {
      const { doc, access } = await documentFor(app, requireAuth(request).subject, request.params.id, 'view');
      return presentDocument(doc, access);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'Rename, reclassify, switch review mode (owner)',
        params: idParams,
        body: patchBody,
        response: responses({ 200: documentBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await documentFor(app, subject, request.params.id, 'manage');
      const { classification, ...rest } = request.body;
      await updateDocument(app.svc, contextOf(request), subject, request.params.id, {
        ...rest,
        ...(classification ? { classification: classificationLevel(classification) } : {}),
      });
      const { doc, access } = await documentFor(app, subject, request.params.id, 'view');
      return presentDocument(doc, access);
    },
  );

  app.post(
    '/:id/workflow',
    {
      schema: {
        tags: ['documents'],
        summary: 'Submit for review, return, finalise or reopen (owner); freezes a version at each step',
        params: idParams,
        body: z.strictObject({ action: z.enum(WORKFLOW_ACTIONS), note: z.string().trim().max(500).default('') }),
        response: responses({ 200: z.object({ status: z.string(), versionId: z.string() }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { resource } = await documentFor(app, subject, request.params.id, 'view');
      authorize(subject, 'document.workflow', resource);
      return stepDocumentWorkflow(
        app.svc,
        contextOf(request),
        request.params.id,
        request.body.action,
        request.body.note,
      );
    },
  );

  app.get(
    '/:id/shares',
    {
      schema: {
        tags: ['documents'],
        summary: 'Explicit shares (owner)',
        params: idParams,
        response: responses({ 200: z.object({ shares: z.array(shareView) }) }),
      },
    },
    async (request) => {
      const { doc } = await documentFor(app, requireAuth(request).subject, request.params.id, 'manage');
      return { shares: await namedShares(db, doc.shares) };
    },
  );

  app.put(
    '/:id/shares',
    {
      schema: {
        tags: ['documents'],
        summary: 'Replace explicit shares (owner); takes effect on open connections',
        params: idParams,
        body: sharesBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'manage');
      await setDocumentShares(app.svc, contextOf(request), request.params.id, request.body.shares);
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/collab-token',
    {
      schema: {
        tags: ['documents'],
        summary: 'A short-lived token to open the document on /collab',
        params: idParams,
        response: responses({ 200: tokenBody }),
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { doc, access } = await documentFor(app, auth.subject, request.params.id, 'view');
      const now = app.svc.clock.now();
      const { token, expiresAt } = issueCollabToken(
        app.svc.keys.master,
        { sid: auth.session.id, uid: auth.subject.id, doc: doc.id },
        now,
      );
      await recordDocumentOpen(app.svc, contextOf(request), doc.id, auth.subject.id, access);
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        documentName: `doc:${doc.id}`,
        access,
        url: collabPathOf(doc.id),
        serverTime: now.toISOString(),
      };
    },
  );
};

/** The documents area under /api/documents: documents and sharing, review, export, images. */
export default routeArea('/api/documents', [documentRoutes, reviewRoutes, exportRoutes, documentImageRoutes]);
