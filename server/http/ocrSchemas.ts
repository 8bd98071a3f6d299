// Response schemas of the OCR reads, shared by the routes of the objects that show a recognised file (meeting
// materials, 收文 scans).
import { z } from 'zod';
import { OCR_FAILURES, OCR_STATES } from '../../common/ocr/ocrApi.ts';

export const ocrProgressBody = z.object({
  state: z.enum(OCR_STATES).describe('queued, running (pagesDone of pagesTotal), done, failed (see error), text_layer'),
  pagesDone: z.number(),
  pagesTotal: z.number().nullable(),
  error: z.enum(OCR_FAILURES).nullable(),
});

export const recognisedTextBody = ocrProgressBody.extend({
  text: z.string().nullable().describe('the recognised text, once done'),
});

export const draftCreatedBody = z.object({ id: z.string().describe('the new draft') });
