// Online access: the organiser's passcode, and the join link's two steps (what it is; join or wait in the lobby).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { issuePasscode, joinInfo, requestJoin } from '../../commands/meetings/meetingOnlineAccess.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { meetingFor } from './access.ts';
import { joinBody, joinInfoBody, joinParams, joinResultBody, meetingParams, passcodeBody } from './schema.ts';

const onlineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/passcode',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Issue a new numeric passcode (shown once; only its hash is kept)',
        params: meetingParams,
        response: responses({ 200: passcodeBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      return issuePasscode(app.svc, contextOf(request), resource.id);
    },
  );

  app.get(
    '/join/:code',
    {
      schema: {
        tags: ['meetings'],
        summary: 'What the join link leads to, and whether I go straight in or to the lobby',
        params: joinParams,
        response: responses({ 200: joinInfoBody }),
      },
    },
    async (request) => joinInfo(app.svc, requireAuth(request).subject, request.params.code),
  );

  app.post(
    '/join/:code',
    {
      // A coarse per-client limit on top of the per-person, per-meeting limit on wrong passcodes.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['meetings'],
        summary:
          'Join: participants go straight in (and are signed in); others give the passcode and wait in the lobby',
        params: joinParams,
        body: joinBody,
        response: responses({ 200: joinResultBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      return requestJoin(app.svc, contextOf(request), subject, request.params.code, request.body.passcode ?? null);
    },
  );
};

export default onlineRoutes;
