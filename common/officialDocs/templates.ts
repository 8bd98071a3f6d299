// What a 公文 template (公文模板) is made of, checked the same way by the server (which refuses a bad one with every
// problem named) and the client (which checks before saving): its fields, and a 正文 skeleton that is plain text in
// paragraphs — the layout sets fonts and sizes, and the format check frowns on anything else.
import { z } from 'zod';
import { DISCLOSURE_KEYS, OFFICIAL_DOCUMENT_KIND_KEYS } from './catalogue.ts';

export const TEMPLATE_LIMITS = { name: 60, issuerMark: 40, recipients: 50, recipient: 200, remark: 2000 } as const;
/** The 正文 skeleton: at most this many paragraphs and characters of text. */
export const TEMPLATE_BODY_LIMITS = { blocks: 200, characters: 20_000 } as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const names = z.array(text(TEMPLATE_LIMITS.recipient)).max(TEMPLATE_LIMITS.recipients);

// Three levels written out (document, blocks, inline) rather than a recursive schema: a body nested a thousand deep is
// refused by its shape, never walked.
const shape = {
  type: z.string().max(40),
  marks: z.array(z.unknown()).max(10).optional(),
  attrs: z.record(z.string(), z.unknown()).optional(),
};
const inline = z.object({
  ...shape,
  text: z.string().max(TEMPLATE_BODY_LIMITS.characters).optional(),
  content: z.array(z.unknown()).max(0, 'text holds no nodes').optional(),
});
const block = z.object({ ...shape, content: z.array(inline).max(TEMPLATE_BODY_LIMITS.characters).optional() });
const doc = z.object({ ...shape, content: z.array(block).max(TEMPLATE_BODY_LIMITS.blocks).optional() });

/** A 正文 skeleton as ProseMirror JSON, of the shape templateBodyProblem() then checks. */
export type TemplateBody = z.infer<typeof doc>;

export const templateFields = {
  name: text(TEMPLATE_LIMITS.name),
  kind: z.enum(OFFICIAL_DOCUMENT_KIND_KEYS),
  /** 发文机关标志: the red 版头, e.g. 区人民政府办公室文件. */
  issuerMark: text(TEMPLATE_LIMITS.issuerMark),
  mainRecipients: names,
  ccRecipients: names,
  remark: z.string().trim().max(TEMPLATE_LIMITS.remark),
  disclosure: z.enum(DISCLOSURE_KEYS),
  body: doc,
};

/** A new template: the unit defaults to the author's own. */
export const newTemplateSchema = z.strictObject({
  ...templateFields,
  unitId: z.string().min(1).max(64).optional(),
  mainRecipients: names.default([]),
  ccRecipients: names.default([]),
  remark: templateFields.remark.default(''),
  disclosure: templateFields.disclosure.default('proactive'),
});
export const templateChangeSchema = z.strictObject(templateFields).partial();

export type NewTemplate = z.infer<typeof newTemplateSchema>;
export type TemplateChange = z.infer<typeof templateChangeSchema>;

const BLOCKS = new Set(['paragraph']);
const INLINE = new Set(['text', 'hardBreak']);

/**
 * Why a 正文 skeleton cannot be a template's, in Chinese and English, or null: a document of paragraphs holding plain
 * text and line breaks, within the limits.
 */
export function templateBodyProblem(body: TemplateBody): { zh: string; en: string } | null {
  if (body.type !== 'doc') return { zh: '正文应为一个文档（doc）', en: 'The body must be a document (doc)' };
  const blocks = body.content ?? [];
  if (blocks.length === 0) return { zh: '正文至少要有一个段落', en: 'The body needs at least one paragraph' };
  if (blocks.length > TEMPLATE_BODY_LIMITS.blocks)
    return {
      zh: `正文最多${TEMPLATE_BODY_LIMITS.blocks}个段落`,
      en: `The body has at most ${TEMPLATE_BODY_LIMITS.blocks} paragraphs`,
    };
  let characters = 0;
  for (const [i, block] of blocks.entries()) {
    if (!BLOCKS.has(block.type))
      return {
        zh: `第${i + 1}段：模板正文只能包含段落，不能包含“${block.type}”`,
        en: `Block ${i + 1}: a template body holds paragraphs only, not "${block.type}"`,
      };
    for (const inline of block.content ?? []) {
      if (!INLINE.has(inline.type))
        return {
          zh: `第${i + 1}段：段落中只能有文字和换行，不能有“${inline.type}”`,
          en: `Block ${i + 1}: a paragraph holds text and line breaks only, not "${inline.type}"`,
        };
      if (inline.marks?.length || inline.content?.length)
        return {
          zh: `第${i + 1}段：模板正文不使用加粗、倾斜等格式，字体字号由版式确定`,
          en: `Block ${i + 1}: a template body takes no formatting; the layout sets fonts and sizes`,
        };
      if (inline.type === 'text') {
        if (!inline.text)
          return { zh: `第${i + 1}段：文字不能为空`, en: `Block ${i + 1}: a text node cannot be empty` };
        characters += inline.text.length;
      }
    }
  }
  if (characters > TEMPLATE_BODY_LIMITS.characters)
    return {
      zh: `正文最多${TEMPLATE_BODY_LIMITS.characters}字`,
      en: `The body has at most ${TEMPLATE_BODY_LIMITS.characters} characters`,
    };
  return null;
}

/** A template body from plain paragraphs (seeds and tests). */
export function templateBodyOf(paragraphs: readonly string[]): TemplateBody {
  return {
    type: 'doc',
    content: paragraphs.map((p) => ({ type: 'paragraph', ...(p ? { content: [{ type: 'text', text: p }] } : {}) })),
  };
}
