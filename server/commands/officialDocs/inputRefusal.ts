// How a 办文 command reads a body it validates itself (templates, route templates): the input as the schema reads it,
// or a refusal in Chinese and English that names every problem, fields it does not know first (they say the most).
import type { z } from 'zod';
import { OFFICIAL_DOC_ERRORS, type OfficialDocErrorCode } from '../../../common/officialDocs/errors.ts';
import { AppError } from '../../errors.ts';

/** An error of one of the 办文 codes, with what more there is to say in both languages. */
export function refusal(
  status: number,
  code: OfficialDocErrorCode,
  more: { zh: string; en: string } | null,
  details?: unknown,
): AppError {
  const { zh, en } = OFFICIAL_DOC_ERRORS[code];
  const message = more ? `${en}: ${more.en} (${zh}：${more.zh})` : `${en} (${zh})`;
  return new AppError(status, code, message, details);
}

export function parseOrRefuse<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  codes: { unknownFields: OfficialDocErrorCode; invalid: OfficialDocErrorCode },
): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const unknown = result.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [],
  );
  if (unknown.length > 0)
    throw refusal(
      400,
      codes.unknownFields,
      { zh: unknown.join('、'), en: unknown.join(', ') },
      {
        fields: unknown,
        issues,
      },
    );
  const list = issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ');
  throw refusal(400, codes.invalid, { zh: list, en: list }, { issues });
}
