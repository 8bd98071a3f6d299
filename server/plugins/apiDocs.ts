// OpenAPI generated from the route schemas, served at /api/docs (UI) and /api/docs/json: to fully signed-in users by
// default, to anyone, or not at all (TONGBAN_API_DOCS). The description maps every route an intruder could try, so it
// is not handed out before sign-in unless the deployment chooses to.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  // The description is always generated (app.swagger() serves tests and tools in-process); only serving it is optional.
  await app.register(swagger, {
    openapi: {
      info: {
        title: '同办 Tongban API',
        version: '0.1.0',
        description:
          'REST API of Tongban. Sign in with /api/auth/sign-in; send the CSRF token from /api/auth/session as x-csrf-token on every POST/PUT/PATCH/DELETE.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tb_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  const mode = app.svc.config.apiDocs;
  if (mode === 'off') return;
  await app.register(async (docs) => {
    // Every route of the UI (the page, the JSON and YAML, its static files) declares its access level like any other
    // route, and the authentication plugin enforces it.
    const access = mode === 'public' ? 'public' : 'active';
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: false });
  });
}
