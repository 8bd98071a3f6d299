// Live extraction for the minutes editor: the text of numbered items in, proposed structured fields out, with unit and
// people names matched to the directory (the editor offers them on the decision item for one-tap acceptance).
import { routeArea } from '../../http/routeArea.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { extractTasks } from '../../../common/minutes/minutesExtractor.ts';
import {
  draftConfidence,
  indexDirectory,
  knownPeopleOf,
  knownUnitsOf,
  matchParties,
} from '../../domain/minutes/minutesProposals.ts';
import { CONFIDENCE_FIELDS } from '../../../common/minutes/types.ts';
import { isValidIsoDate } from '../../../common/calendar/isoDate.ts';
import { requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { loadDirectory } from '../../queries/minutes/directory.ts';

/** A long meeting's minutes run to a few thousand characters; this bounds the work one request can ask for. */
export const MAX_EXTRACT_CHARS = 50_000;

const extractBody = z.strictObject({
  text: z.string().max(MAX_EXTRACT_CHARS),
  meetingDate: z.string().refine(isValidIsoDate, 'a calendar date YYYY-MM-DD'),
});
const unit = z.object({ unitId: z.string().nullable(), name: z.string() });
const person = z.object({ userId: z.string().nullable(), name: z.string() });
const extractedBody = z.object({
  tasks: z.array(
    z.object({
      title: z.string(),
      sourceText: z.string(),
      leadUnits: z.array(unit),
      coUnits: z.array(unit),
      owners: z.array(person),
      coOwners: z.array(person),
      due: z.string().nullable(),
      needsReview: z.boolean(),
      reviewReasons: z.array(z.enum(['noDeadline', 'estimatedDeadline', 'noLead'])),
      /** 0–1 per field; the editor highlights fields below 0.8. */
      confidence: z.object(
        Object.fromEntries(CONFIDENCE_FIELDS.map((f) => [f, z.number()])) as Record<
          (typeof CONFIDENCE_FIELDS)[number],
          z.ZodNumber
        >,
      ),
      start: z.number(),
      end: z.number(),
    }),
  ),
});

const minutesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  app.post(
    '/extract',
    {
      schema: {
        tags: ['minutes'],
        summary: 'Propose lead/co units, owners and deadlines for numbered minutes items',
        body: extractBody,
        response: responses({ 200: extractedBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'minutes.extract');
      const directory = await loadDirectory(db);
      const index = indexDirectory(directory);
      const tasks = extractTasks(request.body.text, {
        meetingDate: request.body.meetingDate,
        units: knownUnitsOf(directory),
        people: knownPeopleOf(directory),
      });
      return {
        tasks: tasks.map((t) => {
          const parties = matchParties(t, index);
          return { ...t, ...parties, confidence: draftConfidence(t.confidence, parties) };
        }),
      };
    },
  );
};

export default routeArea('/api/minutes', [minutesRoutes]);
