// A document flattened for export (DOCX, PDF): blocks of styled runs with their comment anchors and tracked changes.
// Pure: ProseMirror JSON in, plain data out.
import { parseSuggestionId } from '../../common/schema/suggestionMarks.ts';
import { decisionAttrsOf } from '../../common/schema/decisionItem.ts';
import { leadingNumbering } from '../../common/minutes/itemSplitter.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
  threadIds: string[];
  change?: { kind: 'insertion' | 'deletion'; authorId: string | null; at: Date | null; id: string };
}

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; list?: { ordered: boolean; depth: number; index: number }; quote?: boolean }
  | { kind: 'code'; text: string }
  | { kind: 'rule' }
  | { kind: 'image'; src: string; alt: string }
  | { kind: 'table'; rows: Array<Array<{ header: boolean; blocks: Block[] }>> }
  /**
   * number: what the export prints before the item (its place among the decision items), or null when the author's
   * text already opens with its own numbering (一、 （一） 1.), which must not be numbered twice.
   */
  | { kind: 'decision'; number: number | null; anchor: string | null; runs: Run[]; fields: DecisionFields };

/** A decision item's structured fields as names, for the line printed under its text. */
export interface DecisionFields {
  leadUnits: string[];
  coUnits: string[];
  owners: string[];
  coOwners: string[];
  due: string | null;
  noDeadline: boolean;
}

/** The fields line under a decision item: 牵头单位：…；配合单位：…；责任人：…；完成时限：…. Empty parts are left out. */
export function decisionFieldsLine(f: DecisionFields): string {
  const parts: string[] = [];
  if (f.leadUnits.length) parts.push(`牵头单位：${f.leadUnits.join('、')}`);
  if (f.coUnits.length) parts.push(`配合单位：${f.coUnits.join('、')}`);
  if (f.owners.length) parts.push(`责任人：${f.owners.join('、')}`);
  if (f.coOwners.length) parts.push(`协办人：${f.coOwners.join('、')}`);
  parts.push(`完成时限：${f.due ?? (f.noDeadline ? '待定' : '未定')}`);
  return parts.join('；');
}

interface JsonMark {
  type: string;
  attrs?: Record<string, unknown>;
}
interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: JsonMark[];
}

export interface ModelOptions {
  /** 'show' keeps tracked changes as changes; 'apply' exports the text as if all were accepted. */
  suggestions: 'show' | 'apply';
}

function runsOf(nodes: JsonNode[] | undefined, options: ModelOptions): Run[] {
  const runs: Run[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') {
      runs.push({ text: '\n', threadIds: [] });
      continue;
    }
    if (n.type !== 'text' || !n.text) continue;
    const run: Run = { text: n.text, threadIds: [] };
    for (const m of n.marks ?? []) {
      switch (m.type) {
        case 'bold':
          run.bold = true;
          break;
        case 'italic':
          run.italic = true;
          break;
        case 'underline':
          run.underline = true;
          break;
        case 'strike':
          run.strike = true;
          break;
        case 'code':
          run.code = true;
          break;
        case 'link':
          run.link = String(m.attrs?.href ?? '');
          break;
        case 'comment':
          if (m.attrs?.threadId) run.threadIds.push(String(m.attrs.threadId));
          break;
        case 'insertion':
        case 'deletion': {
          const who = parseSuggestionId(m.attrs?.id);
          run.change = {
            kind: m.type,
            authorId: who?.userId ?? null,
            at: who ? new Date(who.at) : null,
            id: String(m.attrs?.id),
          };
          break;
        }
        default:
          break;
      }
    }
    if (options.suggestions === 'apply' && run.change) {
      if (run.change.kind === 'deletion') continue;
      delete run.change;
    }
    runs.push(run);
  }
  return runs;
}

/** The text as it reads once its tracked changes are accepted opens with numbering of its author's own. */
function ownNumbering(runs: Run[]): boolean {
  return (
    leadingNumbering(
      runs
        .filter((r) => r.change?.kind !== 'deletion')
        .map((r) => r.text)
        .join(''),
    ) !== null
  );
}

/** Decision items are numbered through the whole document, in reading order. */
interface Numbering {
  decisions: number;
}

function blocksOf(
  nodes: JsonNode[] | undefined,
  options: ModelOptions,
  list?: { ordered: boolean; depth: number },
  quote = false,
  numbering: Numbering = { decisions: 0 },
): Block[] {
  const out: Block[] = [];
  for (const n of nodes ?? []) {
    switch (n.type) {
      case 'heading':
        out.push({ kind: 'heading', level: Number(n.attrs?.level ?? 1), runs: runsOf(n.content, options) });
        break;
      case 'paragraph':
        out.push({ kind: 'paragraph', runs: runsOf(n.content, options), ...(quote ? { quote } : {}) });
        break;
      case 'bulletList':
      case 'orderedList': {
        const ordered = n.type === 'orderedList';
        const depth = list ? list.depth + 1 : 0;
        (n.content ?? []).forEach((item, index) => {
          const inner = blocksOf(item.content, options, { ordered, depth }, quote, numbering);
          inner.forEach((b, i) => {
            if (b.kind === 'paragraph' && i === 0)
              b.list = { ordered, depth, index: index + Number(n.attrs?.start ?? 1) };
            out.push(b);
          });
        });
        break;
      }
      case 'blockquote':
        out.push(...blocksOf(n.content, options, list, true, numbering));
        break;
      case 'decisionItem': {
        const a = decisionAttrsOf(n.attrs);
        const names = (xs: Array<{ name: string }>) => xs.map((x) => x.name);
        numbering.decisions += 1;
        const runs = runsOf(n.content, options);
        out.push({
          kind: 'decision',
          number: ownNumbering(runs) ? null : numbering.decisions,
          anchor: a.id,
          runs,
          fields: {
            leadUnits: names(a.leadUnits),
            coUnits: names(a.coUnits),
            owners: names(a.owners),
            coOwners: names(a.coOwners),
            due: a.due,
            noDeadline: a.noDeadline,
          },
        });
        break;
      }
      case 'codeBlock':
        out.push({ kind: 'code', text: (n.content ?? []).map((c) => c.text ?? '').join('') });
        break;
      case 'horizontalRule':
        out.push({ kind: 'rule' });
        break;
      case 'image':
        out.push({ kind: 'image', src: String(n.attrs?.src ?? ''), alt: String(n.attrs?.alt ?? '') });
        break;
      case 'table':
        out.push({
          kind: 'table',
          rows: (n.content ?? []).map((row) =>
            (row.content ?? []).map((cell) => ({
              header: cell.type === 'tableHeader',
              blocks: blocksOf(cell.content, options, undefined, false, numbering),
            })),
          ),
        });
        break;
      default:
        // Unknown block types (future node kinds) export their text so nothing silently disappears.
        if (n.content) out.push(...blocksOf(n.content, options, list, quote, numbering));
    }
  }
  return out;
}

export function exportModel(doc: JsonNode, options: ModelOptions): Block[] {
  return blocksOf(doc.content, options);
}
