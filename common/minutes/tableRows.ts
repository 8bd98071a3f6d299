// Markdown tables in minutes and 督办 sheets (| 序号 | 督办事项 | 牵头单位 | 配合单位 | 完成时限 |): each
// data row is one proposed task. The header names each column's field; the row is rewritten as the
// labelled line the role and deadline readers already understand ("督办事项。牵头单位：…；完成时限：…").

import { CO_OWNER_LABELS, CO_UNIT_LABELS, DEADLINE_LABELS, LEAD_UNIT_LABELS, OWNER_LABELS } from './fieldLabels.ts';

export interface TableRow {
  /** Offsets of the row's line in the text (end exclusive). */
  start: number;
  end: number;
  /** The task column's words. */
  subject: string;
  /** The row as labelled text: subject, then "标签：值；" for every field column with a value. */
  labelled: string;
}

export interface TableScan {
  rows: TableRow[];
  /** The text with every table line blanked (same length), for the item splitter. */
  rest: string;
}

const FIELD_LABELS: readonly string[] = [
  ...LEAD_UNIT_LABELS,
  ...CO_UNIT_LABELS,
  ...OWNER_LABELS,
  ...CO_OWNER_LABELS,
  ...DEADLINE_LABELS,
].sort((a, b) => b.length - a.length);
const TABLE_LINE = /^[ \t\u3000]*\|.*\|[ \t\u3000]*$/;
const SEPARATOR_LINE = /^[ \t\u3000]*\|(?:\s*:?-{2,}:?\s*\|)+[ \t\u3000]*$/;
const NUMBER_COLUMN = /^(?:序号|编号|序|No\.?|#)$/i;
const EMPTY_CELL = /^(?:[—–\-－/／无]*|\s*)$/;

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => c.trim());
}

type Column = { kind: 'number' } | { kind: 'subject' } | { kind: 'field'; label: string } | { kind: 'other' };

function columnOf(header: string, subjectTaken: boolean): Column {
  const h = header.replace(/\s/g, '');
  if (NUMBER_COLUMN.test(h)) return { kind: 'number' };
  const label = FIELD_LABELS.find((l) => h.includes(l));
  if (label) return { kind: 'field', label };
  return subjectTaken ? { kind: 'other' } : { kind: 'subject' };
}

export function scanTables(text: string): TableScan {
  const rows: TableRow[] = [];
  const chars = text.split('');
  const lines: Array<{ start: number; end: number; text: string }> = [];
  let from = 0;
  for (const m of text.matchAll(/\r?\n|$/g)) {
    lines.push({ start: from, end: m.index, text: text.slice(from, m.index) });
    from = m.index + m[0].length;
    if (m[0] === '') break;
  }
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i];
    const separator = lines[i + 1];
    if (!header || !separator || !TABLE_LINE.test(header.text) || !SEPARATOR_LINE.test(separator.text)) continue;
    let subjectTaken = false;
    const columns = cells(header.text).map((h) => {
      const column = columnOf(h, subjectTaken);
      if (column.kind === 'subject') subjectTaken = true;
      return column;
    });
    // A table without a task column or any field column is not a task list (a schedule, a roster).
    if (!subjectTaken || !columns.some((c) => c.kind === 'field')) continue;
    let j = i + 2;
    for (; j < lines.length && TABLE_LINE.test(lines[j]?.text ?? ''); j++) {
      const line = lines[j];
      if (!line) break;
      const values = cells(line.text);
      const subject = values[columns.findIndex((c) => c.kind === 'subject')] ?? '';
      if (EMPTY_CELL.test(subject)) continue;
      const fields = columns.flatMap((c, k) => {
        const value = values[k] ?? '';
        return c.kind === 'field' && !EMPTY_CELL.test(value) ? [`${c.label}：${value}`] : [];
      });
      const sentenceEnd = /[。；;！!]$/.test(subject) ? '' : '。';
      rows.push({
        start: line.start,
        end: line.end,
        subject,
        labelled: `${subject}${sentenceEnd}${fields.join('；')}${fields.length > 0 ? '。' : ''}`,
      });
    }
    for (let k = header.start; k < (lines[j - 1]?.end ?? header.end); k++) if (chars[k] !== '\n') chars[k] = ' ';
    i = j - 1;
  }
  return { rows, rest: chars.join('') };
}
