// Media internals for end-to-end tests only (registered with TONGBAN_TEST_HOOKS): the workers' process ids (so a test
// can kill one) and each live meeting's producers and consumers with their byte counters (so a test can see that the
// server stopped forwarding someone's audio).
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { responses } from '../../http/schemas.ts';

const stats = z.object({
  workers: z.array(z.object({ index: z.number(), pid: z.number(), consumers: z.number(), routers: z.number() })),
  meetings: z.array(
    z.object({
      meetingId: z.string(),
      routers: z.number(),
      peers: z.array(
        z.object({
          peerId: z.string(),
          userId: z.string(),
          displayName: z.string(),
          producers: z.array(
            z.object({ id: z.string(), source: z.string(), type: z.string(), paused: z.boolean(), bytes: z.number() }),
          ),
          consumers: z.array(
            z.object({
              id: z.string(),
              producerId: z.string(),
              source: z.string(),
              paused: z.boolean(),
              producerPaused: z.boolean(),
              bytes: z.number(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export async function mediaTestRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/test/media',
    { config: { access: 'public' }, schema: { hide: true, response: responses({ 200: stats }) } },
    async () => {
      const { liveMeetings, media } = app.svc;
      const meetings = await Promise.all(
        liveMeetings.live().map(async (meeting) => {
          const perPeer = new Map((await meeting.room.mediaStats()).map((s) => [s.peerId, s]));
          return {
            meetingId: meeting.meetingId,
            routers: meeting.room.routerCount,
            peers: meeting.allMembers().map((m) => ({
              peerId: m.peerId,
              userId: m.subject.id,
              displayName: m.subject.displayName,
              producers: perPeer.get(m.peerId)?.producers ?? [],
              consumers: perPeer.get(m.peerId)?.consumers ?? [],
            })),
          };
        }),
      );
      return { workers: media.stats(), meetings };
    },
  );
}
