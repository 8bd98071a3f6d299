// Fastify type augmentations shared by the plugins and routes.
import type { LoadedSession } from '../auth/sessions.ts';
import type { Jobs } from '../jobs/index.ts';
import type { Services } from '../services.ts';

/** public: anyone; pending: a session that still owes a second factor or a password change; active: fully signed in. */
export type Access = 'public' | 'pending' | 'active';

declare module 'fastify' {
  interface FastifyInstance {
    svc: Services;
    /** Scheduled work (deadline warnings, meeting reminders), started when the app is ready. */
    jobs: Jobs;
  }
  interface FastifyRequest {
    auth: LoadedSession | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
