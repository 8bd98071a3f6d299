// Users: the directory for everyone; account management for the system administrator (profile) and the security
// administrator (roles, clearance, unlock, second factor). Each route asks the policies.
import { routeArea } from '../../http/routeArea.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assignRoles } from '../../commands/accounts/roleAssigner.ts';
import { approvePasswordReset } from '../../commands/accounts/passwordResetApprover.ts';
import { requestPasswordReset } from '../../commands/accounts/passwordResetter.ts';
import { resetMfa, setClearance, unlockUser } from '../../commands/accounts/securityActions.ts';
import { createUser } from '../../commands/accounts/userCreator.ts';
import { updateUser } from '../../commands/accounts/userUpdater.ts';
import { classificationLevel } from '../../domain/roles.ts';
import { NotFound } from '../../errors.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, okBody, responses } from '../../http/schemas.ts';
import { authorize, userView } from '../../policies/index.ts';
import { presentUser } from '../../presenters/user.ts';
import { searchUsers, userById, userResource } from '../../queries/users/userDirectory.ts';
import {
  clearanceBody,
  createBody,
  createdBody,
  listBody,
  listQuery,
  resetHalfBody,
  rolesBody,
  updateBody,
  userBody,
} from './schema.ts';

const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  async function target(id: string) {
    const user = await userResource(db, id);
    if (!user) throw new NotFound('user');
    return user;
  }

  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Search the directory',
        querystring: listQuery,
        response: responses({ 200: listBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'user.list');
      const { page, pageSize } = request.query;
      const { rows, total } = await searchUsers(db, request.query, app.svc.clock.now());
      return {
        items: rows.map((u) => presentUser(u, userView(subject, u))),
        total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One user, with the fields the caller may see',
        params: idParams,
        response: responses({ 200: userBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const user = await userById(db, request.params.id, app.svc.clock.now());
      if (!user) throw new NotFound('user');
      return presentUser(user, userView(subject, user));
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a staff account (system administrator)',
        body: createBody,
        response: responses({ 201: createdBody }),
      },
    },
    async (request, reply) => {
      authorize(requireAuth(request).subject, 'user.create');
      const created = await createUser(app.svc, contextOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Edit profile, move unit, disable (system administrator)',
        params: idParams,
        body: updateBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await target(request.params.id);
      authorize(subject, request.body.disabled !== undefined ? 'user.disable' : 'user.update', resource);
      await updateUser(app.svc, contextOf(request), resource.id, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/password-reset',
    {
      schema: {
        tags: ['users'],
        summary:
          'Request a password reset (system administrator): answers one half of the user’s one-time code, shown once',
        params: idParams,
        response: responses({ 200: resetHalfBody }),
      },
    },
    async (request) => {
      const resource = await target(request.params.id);
      authorize(requireAuth(request).subject, 'user.resetPassword', resource);
      const half = await requestPasswordReset(app.svc, contextOf(request), resource.id);
      return { code: half.code, expiresAt: half.expiresAt.toISOString() };
    },
  );

  app.post(
    '/:id/password-reset/approve',
    {
      schema: {
        tags: ['users'],
        summary:
          'Approve a requested password reset (security administrator): answers the other half of the code, shown once',
        params: idParams,
        response: responses({ 200: resetHalfBody }),
      },
    },
    async (request) => {
      const resource = await target(request.params.id);
      authorize(requireAuth(request).subject, 'user.approvePasswordReset', resource);
      const half = await approvePasswordReset(app.svc, contextOf(request), resource.id);
      return { code: half.code, expiresAt: half.expiresAt.toISOString() };
    },
  );

  app.put(
    '/:id/roles',
    {
      schema: {
        tags: ['users'],
        summary: 'Set roles (security administrator); administrator duties are exclusive',
        params: idParams,
        body: rolesBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const resource = await target(request.params.id);
      authorize(requireAuth(request).subject, 'user.assignRoles', resource);
      await assignRoles(app.svc, contextOf(request), resource.id, request.body.roles);
      return { ok: true as const };
    },
  );

  app.put(
    '/:id/clearance',
    {
      schema: {
        tags: ['users'],
        summary: 'Set clearance (security administrator)',
        params: idParams,
        body: clearanceBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const resource = await target(request.params.id);
      authorize(requireAuth(request).subject, 'user.setClearance', resource);
      await setClearance(app.svc, contextOf(request), resource.id, classificationLevel(request.body.clearance));
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Lift a lockout (security administrator)',
        params: idParams,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const resource = await target(request.params.id);
      authorize(requireAuth(request).subject, 'user.unlock', resource);
      await unlockUser(app.svc, contextOf(request), resource.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/reset-mfa',
    {
      schema: {
        tags: ['users'],
        summary: 'Remove a lost authenticator (security administrator)',
        params: idParams,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const resource = await target(request.params.id);
      authorize(requireAuth(request).subject, 'user.resetMfa', resource);
      await resetMfa(app.svc, contextOf(request), resource.id);
      return { ok: true as const };
    },
  );
};

export default routeArea('/api/users', [userRoutes]);
