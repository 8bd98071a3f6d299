// The demo's templates are valid templates, and a 公文 drafted from each (with a title of its 文种) passes the format
// check: the demo's clerks can send what they start from the template.
import { describe, expect, it } from 'vitest';
import { OFFICIAL_DOCUMENT_KINDS } from '../../common/officialDocs/catalogue.ts';
import { checkFormat, type JsonNode } from '../../common/officialDocs/formatCheck.ts';
import { newTemplateSchema, templateBodyProblem } from '../../common/officialDocs/templates.ts';
import { DEMO_TEMPLATES } from './demoTemplates.ts';

describe('the demo templates', () => {
  it.each(DEMO_TEMPLATES.map((t) => [t.name, t] as const))('%s is valid and drafts a 公文 that passes', (_, t) => {
    const parsed = newTemplateSchema.parse(t);
    expect(templateBodyProblem(parsed.body)).toBeNull();
    const problems = checkFormat({
      kind: t.kind,
      title: `关于××的${OFFICIAL_DOCUMENT_KINDS[t.kind].zh}`,
      documentNumber: null,
      mainRecipients: t.mainRecipients.join('，'),
      classification: 1,
      copyNumber: null,
      signers: ['陈明'],
      date: null,
      attachmentNote: [],
      attachedFiles: [],
      body: parsed.body as JsonNode,
    });
    expect(problems).toEqual([]);
  });

  it('covers 通知, 请示, 函 and 报告', () => {
    expect(DEMO_TEMPLATES.map((t) => t.kind).sort()).toEqual(['letter', 'notice', 'report', 'request']);
  });
});
