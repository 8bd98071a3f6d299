// Splits minutes text into numbered items (一、 （一） 1. 1、 (1) ① - …, and inline 一是/二是) as a
// tree, keeping the character offsets of every item in the original text.
//
// Levels follow the order in which numbering styles first appear, as readers of minutes do: most
// documents go 一、 → （一） → 1. → （1）, but a 局长办公会 may start at 1. and nothing else.

import { parseNumber } from './chineseNumber.ts';
import { FIELD_LINE } from './fieldLabels.ts';
import { isMetaLine, isTitleLine } from './metaLines.ts';

export type MarkerKind =
  | 'cnComma' // 一、
  | 'cnParen' // （一）
  | 'arabic' // 1. 1、
  | 'arabicParen' // （1） 1）
  | 'circled' // ①
  | 'bullet' // - item
  | 'inlineOrdinal' // 一是 / 一要 inside a paragraph
  | 'inlineParen' // （1）… inside a paragraph
  | 'paragraph'; // unnumbered paragraph

export interface MinutesItem {
  kind: MarkerKind;
  /** The numbering as written ('' for paragraphs). */
  marker: string;
  depth: number;
  /** Offset of the marker (or of the paragraph's first character). */
  start: number;
  /** First character after the marker. */
  bodyStart: number;
  /** End of the item's own text: its first child's start, or its end. */
  ownEnd: number;
  /** Text after inline sub-items that still belongs to the whole item ("…。以上工作12月底前完成。"). */
  tailStart: number | null;
  /** End of the item including children, trailing whitespace excluded. */
  end: number;
  children: MinutesItem[];
}

interface Line {
  start: number;
  end: number; // excludes the line break
  text: string;
}

interface Marker {
  kind: MarkerKind;
  marker: string;
  /** Offset of the marker inside the line, after indentation and decoration. */
  offset: number;
  length: number;
}

const LINE_DECORATION = /^[ \t\u3000]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?[ \t\u3000]*/;
const BLOCK_MARKERS: ReadonlyArray<{ kind: MarkerKind; pattern: RegExp }> = [
  { kind: 'cnParen', pattern: /^[（(][一二三四五六七八九十百]+[）)]/ },
  { kind: 'arabicParen', pattern: /^(?:[（(]\d{1,3}[）)]|\d{1,3}[）)])/ },
  { kind: 'cnComma', pattern: /^[一二三四五六七八九十百]+[、．.](?![0-9])/ },
  { kind: 'arabic', pattern: /^\d{1,3}(?:[、．]|\.(?![0-9]))/ },
  { kind: 'circled', pattern: /^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]/ },
  { kind: 'bullet', pattern: /^[-*+•·][ \t]+/ },
];

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    lines.push({ start, end: start + body.length, text: body });
    start += raw.length + 1;
  }
  return lines;
}

function blockMarker(line: string): Marker | null {
  const decoration = LINE_DECORATION.exec(line)?.[0].length ?? 0;
  const rest = line.slice(decoration);
  for (const { kind, pattern } of BLOCK_MARKERS) {
    const m = pattern.exec(rest);
    if (m) return { kind, marker: m[0].trim(), offset: decoration, length: m[0].length };
  }
  return null;
}

/** The numbering a line opens with as its author wrote it (一、 （一） 1. （1） ①), or null; a bullet is not numbering. */
export function leadingNumbering(line: string): string | null {
  const marker = blockMarker(line);
  return marker && marker.kind !== 'bullet' ? marker.marker : null;
}

type LineKind = 'blank' | 'break' | 'numbered' | 'field' | 'plain';

function lineKind(line: Line, marker: Marker | null, isFirstContent: boolean): LineKind {
  const trimmed = line.text.trim();
  if (trimmed === '') return 'blank';
  if (marker) return 'numbered';
  // Headings, header/footer lines and horizontal rules end the item before them.
  if (/^#{1,6}\s/.test(trimmed) || /^(?:-{3,}|\*{3,}|_{3,})$/.test(trimmed)) return 'break';
  if (isMetaLine(trimmed) || (isFirstContent && isTitleLine(trimmed))) return 'break';
  if (FIELD_LINE.test(trimmed)) return 'field';
  return 'plain';
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[ \t\u3000]/.test(text[i] ?? '')) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

function newItem(
  kind: MarkerKind,
  marker: string,
  depth: number,
  start: number,
  bodyStart: number,
  end: number,
): MinutesItem {
  return { kind, marker, depth, start, bodyStart, ownEnd: end, tailStart: null, end, children: [] };
}

/** A short one-clause line such as "三、关于冬季安全生产。" whose body may follow after a blank line. */
function isHeadingOnly(text: string, item: MinutesItem): boolean {
  const own = text.slice(item.bodyStart, item.end);
  return item.kind !== 'paragraph' && item.children.length === 0 && own.length <= 40 && !/[，,；;\n]/.test(own);
}

/** Splits the text into a tree of items; text before the first numbered line is the preamble. */
export function splitItems(text: string): MinutesItem[] {
  const lines = splitLines(text);
  const markers = lines.map((l) => blockMarker(l.text));
  const hasNumbering = markers.some((m) => m !== null && m.kind !== 'bullet');
  const roots: MinutesItem[] = [];
  let stack: Array<{ kind: MarkerKind; item: MinutesItem }> = [];
  let current: MinutesItem | null = null;
  let blankSinceCurrent = false;
  let seenNumbered = false;
  let seenContent = false;

  const attach = (item: MinutesItem, parent: MinutesItem | undefined) => {
    if (parent) parent.children.push(item);
    else roots.push(item);
  };

  lines.forEach((line, index) => {
    const marker = markers[index] ?? null;
    const kind = lineKind(line, marker, !seenContent);
    if (kind !== 'blank') seenContent = true;
    switch (kind) {
      case 'blank':
        blankSinceCurrent = true;
        return;
      case 'break':
        stack = [];
        current = null;
        return;
      case 'numbered': {
        if (!marker) return;
        seenNumbered = true;
        const level = stack.findIndex((s) => s.kind === marker.kind);
        if (level >= 0) stack = stack.slice(0, level);
        const start = line.start + marker.offset;
        const item = newItem(
          marker.kind,
          marker.marker,
          stack.length,
          start,
          skipSpace(text, start + marker.length),
          line.end,
        );
        attach(item, stack.at(-1)?.item);
        stack.push({ kind: marker.kind, item });
        current = item;
        blankSinceCurrent = false;
        return;
      }
      case 'field':
      case 'plain': {
        const continues = current !== null && (!blankSinceCurrent || kind === 'field' || isHeadingOnly(text, current));
        if (current && continues) {
          current.end = line.end;
        } else if (!hasNumbering || seenNumbered) {
          const start = skipSpace(text, line.start + (LINE_DECORATION.exec(line.text)?.[0].length ?? 0));
          const parentEntry = current ? stack.find((s) => s.item.children.includes(current as MinutesItem)) : undefined;
          const item = newItem('paragraph', '', parentEntry ? parentEntry.item.depth + 1 : 0, start, start, line.end);
          attach(item, parentEntry?.item);
          current = item;
        }
        blankSinceCurrent = false;
        return;
      }
    }
  });

  roots.forEach((item) => finalize(text, item));
  return roots;
}

function finalize(text: string, item: MinutesItem): void {
  item.children.forEach((child) => finalize(text, child));
  const contentEnd = trimEnd(text, item.bodyStart, item.end);
  const lastChild = item.children.at(-1);
  item.end = lastChild ? Math.max(contentEnd, lastChild.end) : contentEnd;
  const firstChild = item.children[0];
  item.ownEnd = firstChild ? trimEnd(text, item.bodyStart, firstChild.start) : contentEnd;
  if (item.children.length === 0) addInlineChildren(text, item);
}

interface InlineHit {
  index: number;
  marker: string;
  ordinal: number;
}

const INLINE_PATTERNS: ReadonlyArray<{ kind: MarkerKind; pattern: RegExp }> = [
  { kind: 'inlineOrdinal', pattern: /(?<=^|[：:；;。，,！!\s])([一二三四五六七八九十]{1,2})(?:是|要)/g },
  { kind: 'inlineParen', pattern: /(?<=^|[：:；;。，,！!\s])[（(]([0-9]{1,2}|[一二三四五六七八九十]{1,2})[）)]/g },
  { kind: 'inlineParen', pattern: /(?<=^|[：:；;。，,！!\s])([①②③④⑤⑥⑦⑧⑨⑩])/g },
];

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

/** The run 1, 2, 3 … starting at the first "1"; a lone 一是 is prose, not an enumeration. */
function consecutiveRun(hits: InlineHit[]): InlineHit[] {
  const run: InlineHit[] = [];
  for (const hit of hits) {
    if (hit.ordinal === run.length + 1) run.push(hit);
  }
  return run.length >= 2 ? run : [];
}

function addInlineChildren(text: string, item: MinutesItem): void {
  const own = text.slice(item.bodyStart, item.ownEnd);
  let best: { kind: MarkerKind; run: InlineHit[] } | null = null;
  for (const { kind, pattern } of INLINE_PATTERNS) {
    const hits: InlineHit[] = [];
    for (const m of own.matchAll(pattern)) {
      const token = m[1] ?? '';
      const ordinal = CIRCLED.includes(token) ? CIRCLED.indexOf(token) + 1 : parseNumber(token);
      if (ordinal !== null) hits.push({ index: m.index, marker: m[0], ordinal });
    }
    const run = consecutiveRun(hits);
    if (run.length > 0 && (!best || (run[0]?.index ?? 0) < (best.run[0]?.index ?? 0))) best = { kind, run };
  }
  if (!best) return;
  const { kind, run } = best;
  const ownEnd = item.ownEnd;
  run.forEach((hit, i) => {
    const start = item.bodyStart + hit.index;
    const next = run[i + 1];
    let end = next ? item.bodyStart + next.index : ownEnd;
    if (!next) {
      // The last sub-item ends at its sentence; what follows is said of the whole item.
      let stop = text.slice(start, ownEnd).search(/[。！!]/);
      // "三要做好群众工作。城关镇要…": a short heading sentence is followed by its own assignment.
      if (stop >= 0 && stop <= 14) {
        const after = text.slice(start + stop + 1, ownEnd).search(/[。！!]/);
        if (after >= 0 && !/^\s*(?:以上|上述|各项工作|均)/.test(text.slice(start + stop + 1, ownEnd)))
          stop = stop + 1 + after;
      }
      if (stop >= 0 && trimEnd(text, start + stop + 1, ownEnd) > start + stop + 1) {
        end = start + stop + 1;
        item.tailStart = skipSpace(text, end);
      }
    }
    const child = newItem(
      kind,
      hit.marker,
      item.depth + 1,
      start,
      start + hit.marker.length,
      trimEnd(text, start, end),
    );
    child.ownEnd = child.end;
    item.children.push(child);
  });
  item.ownEnd = trimEnd(text, item.bodyStart, item.bodyStart + (run[0]?.index ?? 0));
}

/** Depth-first list of every item. */
export function flattenItems(items: readonly MinutesItem[]): MinutesItem[] {
  return items.flatMap((item) => [item, ...flattenItems(item.children)]);
}

/** The item's own words: its text before its children plus any tail after inline sub-items. */
export function ownText(text: string, item: MinutesItem): string {
  const head = text.slice(item.bodyStart, item.ownEnd);
  return item.tailStart === null ? head : `${head}\n${text.slice(item.tailStart, item.end)}`;
}
