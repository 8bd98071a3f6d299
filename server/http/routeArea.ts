// An area of the API (meetings, documents, supervision …) is one Fastify plugin: each routes/<area>/index.ts exports
// one that registers the area's route plugins under the area's prefix, and app.ts registers the list of areas.
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export function routeArea(prefix: string, routes: readonly FastifyPluginAsyncZod[]): FastifyPluginAsync {
  return async (app) => {
    for (const plugin of routes) await app.register(plugin, { prefix });
  };
}
