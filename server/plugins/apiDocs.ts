// OpenAPI generated from the route schemas, served at /api/docs (UI) and /api/docs/json.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerApiDocs(app: FastifyInstance): Promise<void> {
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
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: false });
}
