// Serves the built client (client/dist) with a single-page-app fallback to index.html. The files are looked up per
// request, so a client built (or rebuilt) after the server started is served without a restart.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const SERVER_PREFIXES = ['/api/', '/socket.io', '/collab', '/healthz', '/readyz'];

export async function registerClientApp(app: FastifyInstance): Promise<void> {
  // TONGBAN_CLIENT_DIST moves the build elsewhere (vite.config.ts reads it too): e2e runs side by side each build their own.
  const { clientDist } = app.svc.config;
  if (!fs.existsSync(path.join(clientDist, 'index.html'))) {
    app.log.warn('client/dist is missing: the web client is served once it is built (npm run build)');
  }
  await app.register(fastifyStatic, {
    root: clientDist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    suppressWarning: true,
    setHeaders: (res, filePath) => {
      // Hashed asset names can be cached forever; index.html must be revalidated so a deploy is picked up.
      res.header(
        'Cache-Control',
        filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (SERVER_PREFIXES.some((p) => url.startsWith(p))) {
      return reply.code(404).send({ statusCode: 404, code: 'not_found', message: `No route ${request.method} ${url}` });
    }
    const file = path.join(clientDist, path.normalize(url));
    if (file.startsWith(clientDist) && fs.existsSync(file) && fs.statSync(file).isFile())
      return reply.sendFile(path.relative(clientDist, file));
    if (!fs.existsSync(path.join(clientDist, 'index.html'))) {
      return reply.code(503).send({
        statusCode: 503,
        code: 'client_not_built',
        message: 'The web client is not built yet: run `npm run build`',
      });
    }
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
