// The outer plugin layer, from Fastify's ecosystem: zod validation and serialisation, cookies, security headers
// (CSP) and rate limiting (per route, for sign-in; counted in Redis when the deployment has several instances).
import type { FastifyInstance } from 'fastify';
import type { Redis as IORedis } from 'ioredis';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { redisRateLimitStore } from '../scaleOut/redisRateLimitStore.ts';

/**
 * `limits`: the instance's Redis connection for limits (TONGBAN_REDIS_URL), or null for one process. With it, the
 * per-route limits (sign-in, second factor, password reset, first set-up, join links) are counted in Redis by the
 * plugin's own store under the deployment's prefix, so that requests spread over the instances by the load balancer
 * count against one budget per address. While Redis cannot be reached those routes answer 503
 * (scaleOut/limitsUnavailable.ts says why), the others as usual.
 */
export async function registerExternalPlugins(
  app: FastifyInstance,
  config: Config,
  limits: IORedis | null = null,
): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  const https = config.publicUrl.startsWith('https://');
  // helmet's middleware built once: @fastify/helmet built it again for every request (parsing the policy each time).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Over plain HTTP on a LAN address, upgrade-insecure-requests makes browsers fetch the scripts over https
        // and the page stays blank; only ask for it when Tongban is served over HTTPS.
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err?: unknown) =>
      err === undefined ? done() : done(err instanceof Error ? err : new Error(String(err))),
    ),
  );
  await app.register(rateLimit, {
    global: false,
    ...(limits ? { store: redisRateLimitStore(limits, `${config.redisPrefix}:rate-limit:`) } : {}),
  });
}
