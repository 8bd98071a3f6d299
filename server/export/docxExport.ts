// DOCX export with the docx library: headings, lists, tables; comments as Word comments (margin notes) and tracked
// changes as Word revisions with their author and time, or applied.
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { decisionFieldsLine, type Block, type Run } from './documentModel.ts';

export interface ExportThread {
  id: string;
  comments: Array<{ authorName: string; body: string; createdAt: Date }>;
}

export interface DocxInput {
  title: string;
  classificationLabel: string;
  blocks: Block[];
  threads: ExportThread[];
  includeComments: boolean;
  authorName: (userId: string | null) => string;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];
// Official documents use 仿宋 for body text and 黑体/小标宋 for headings (GB/T 9704); Word substitutes if missing.
const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
/** GB/T 9704: the title in 2号 (22 pt) 小标宋, centred. */
const TITLE_FONT = { ascii: 'FZXiaoBiaoSong-B05S', eastAsia: '方正小标宋简体', hAnsi: 'FZXiaoBiaoSong-B05S' };

export async function renderDocx(input: DocxInput): Promise<Buffer> {
  const threadNumbers = new Map(input.includeComments ? input.threads.map((t, i) => [t.id, i] as const) : []);
  let revision = 1;

  const children = (runs: Run[]): ParagraphChild[] => {
    const out: ParagraphChild[] = [];
    const open = new Set<string>();
    runs.forEach((run, i) => {
      for (const id of run.threadIds) {
        if (!open.has(id) && threadNumbers.has(id)) {
          open.add(id);
          out.push(new CommentRangeStart(threadNumbers.get(id)!));
        }
      }
      const style = {
        text: run.text,
        bold: run.bold,
        italics: run.italic,
        underline: run.underline ? {} : undefined,
        strike: run.strike,
        font: run.code ? 'Consolas' : BODY_FONT,
      };
      if (run.change) {
        const meta = {
          id: revision++,
          author: input.authorName(run.change.authorId),
          date: (run.change.at ?? new Date()).toISOString(),
        };
        out.push(
          run.change.kind === 'insertion'
            ? new InsertedTextRun({ ...style, ...meta })
            : new DeletedTextRun({ ...style, ...meta }),
        );
      } else if (run.link) {
        out.push(new ExternalHyperlink({ link: run.link, children: [new TextRun({ ...style, style: 'Hyperlink' })] }));
      } else {
        out.push(new TextRun(style));
      }
      const next = runs[i + 1];
      for (const id of [...open]) {
        if (!next || !next.threadIds.includes(id)) {
          open.delete(id);
          const n = threadNumbers.get(id)!;
          out.push(new CommentRangeEnd(n), new TextRun({ children: [new CommentReference(n)] }));
        }
      }
    });
    return out;
  };

  const render = (blocks: Block[]): Array<Paragraph | Table> =>
    blocks.flatMap((b): Array<Paragraph | Table> => {
      switch (b.kind) {
        case 'heading':
          return [
            new Paragraph({ heading: HEADINGS[Math.min(5, Math.max(0, b.level - 1))], children: children(b.runs) }),
          ];
        case 'paragraph':
          return [
            new Paragraph({
              children: children(b.runs),
              ...(b.list
                ? b.list.ordered
                  ? { numbering: { reference: 'tb-ordered', level: Math.min(b.list.depth, 8) } }
                  : { bullet: { level: Math.min(b.list.depth, 8) } }
                : { indent: { firstLine: 640 } }),
              ...(b.quote ? { indent: { left: 720 } } : {}),
              spacing: { line: 560 },
            }),
          ];
        case 'decision':
          return [
            new Paragraph({
              children: [...(b.number === null ? [] : [new TextRun({ text: `${b.number}. ` })]), ...children(b.runs)],
              spacing: { line: 560 },
            }),
            new Paragraph({
              children: [new TextRun({ text: decisionFieldsLine(b.fields), size: 26 })],
              indent: { left: 640 },
              spacing: { line: 400 },
            }),
          ];
        case 'code':
          return [new Paragraph({ children: [new TextRun({ text: b.text, font: 'Consolas' })] })];
        case 'rule':
          return [
            new Paragraph({
              border: { bottom: { style: 'single', size: 6, color: '999999', space: 1 } },
              children: [],
            }),
          ];
        case 'image':
          return [new Paragraph({ children: [new TextRun({ text: `[${b.alt || 'image'}]`, italics: true })] })];
        case 'table':
          return [
            new Table({
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: b.rows.map(
                (row) =>
                  new TableRow({
                    children: row.map(
                      (cell) =>
                        new TableCell({
                          children: render(cell.blocks).filter((x): x is Paragraph => x instanceof Paragraph),
                        }),
                    ),
                  }),
              ),
            }),
          ];
      }
    });

  const doc = new Document({
    creator: '同办 Tongban',
    title: input.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    numbering: {
      config: [
        {
          reference: 'tb-ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: 'decimal' as const,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
          })),
        },
      ],
    },
    comments: {
      children: input.includeComments
        ? input.threads.map((t, i) => ({
            id: i,
            author: t.comments[0]?.authorName ?? '',
            date: t.comments[0]?.createdAt ?? new Date(),
            children: t.comments.map(
              (c) => new Paragraph({ children: [new TextRun({ text: `${c.authorName}：${c.body}` })] }),
            ),
          }))
        : [],
    },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: input.classificationLabel, bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 480 },
            children: [new TextRun({ text: input.title, font: TITLE_FONT, size: 44 })],
          }),
          ...render(input.blocks),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
