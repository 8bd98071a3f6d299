// Full-text search across what the caller may read: 公文, drafts, minutes, meetings, materials and supervision tasks.
// Business users only (the workspace gate); the read rules are applied inside the query (queries/search/searchHits.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { routeArea } from '../../http/routeArea.ts';
import { requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { searchHits } from '../../queries/search/searchHits.ts';
import { searchBody, searchQuery } from './schema.ts';

const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['search'],
        summary: 'Find what one may open by words in its title, 文号 or text, with filters; highlighted snippets',
        querystring: searchQuery,
        response: responses({ 200: searchBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      return searchHits(app.svc, subject, request.query, app.svc.clock.now());
    },
  );
};

export default routeArea('/api/search', [searchRoutes]);
