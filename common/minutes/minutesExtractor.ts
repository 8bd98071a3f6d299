// Minutes → proposed supervision tasks. Splits the minutes into numbered items, reads roles and
// deadlines in each, lets sub-items inherit what their parent assigned, keeps only the items that
// assign action, and summarises each as a task with its source offsets.

import { toHalfWidthDigits } from './chineseNumber.ts';
import { readDeadline, type DeadlineReading } from './deadlineResolver.ts';
import { fieldConfidence, type ConfidenceSignals } from './fieldConfidence.ts';
import { FIELD_LINE, OWNER_LABELS } from './fieldLabels.ts';
import { ownText, splitItems, type MinutesItem } from './itemSplitter.ts';
import { readRoles, type RoleReading, type RoleSet } from './roleExtractor.ts';
import { classifyItem } from './taskClassifier.ts';
import { scanTables, type TableRow } from './tableRows.ts';
import { summarizeTitle, type Span } from './titleSummarizer.ts';
import type { ExtractOptions, ExtractedTask, ReviewReason } from './types.ts';
import { createUnitLexicon, type UnitLexicon } from './unitNames.ts';

interface Inherited {
  roles: RoleSet | null;
  deadline: DeadlineReading | null;
}

interface Segment {
  start: number; // offset of the segment in the text (the item's marker for its first segment)
  bodyStart: number; // where the words to analyse begin
  end: number;
}

interface Context {
  text: string;
  meetingDate: string;
  lexicon: UnitLexicon;
  tasks: ExtractedTask[];
}

const SENTENCE_END = /[。；;！!\n]/g;
const SHARED_TAIL = /以上|上述|各项工作|均需|均要|均于|均在/;
const PRIMARY_LABEL_IN = /(?:牵头单位|牵头部门|牵头科室|牵头处室|主责单位)\s*[：:]/;
const OWNER_LABEL_START = new RegExp(`^[（(]?(?:${OWNER_LABELS.join('|')})\\s*[：:]`);

export function extractTasks(text: string, options: ExtractOptions): ExtractedTask[] {
  const normalised = toHalfWidthDigits(text);
  const tables = scanTables(normalised);
  const ctx: Context = {
    text: tables.rest,
    meetingDate: options.meetingDate,
    lexicon: createUnitLexicon(options.units, options.people),
    tasks: [],
  };
  for (const row of tables.rows) emitRow(ctx, row);
  for (const item of splitItems(ctx.text)) visit(ctx, item, { roles: null, deadline: null });
  ctx.tasks.sort((a, b) => a.start - b.start);
  // Offsets were computed on the digit-normalised copy, which has the same length as the original.
  return ctx.tasks.map((task) => ({ ...task, sourceText: text.slice(task.start, task.end) }));
}

/** One row of a 督办 table: its fields come from the labelled columns, its title from the task column. */
function emitRow(ctx: Context, row: TableRow): void {
  const roles = readRoles(row.labelled, ctx.lexicon);
  const deadline = readDeadline(row.labelled, ctx.meetingDate);
  const verdict = classifyItem({ text: row.labelled, roles, deadline, inherited: null, inheritedDue: false });
  if (!verdict.task) return;
  pushTask(ctx, {
    title: summarizeTitle(row.subject, []),
    start: row.start,
    end: row.end,
    roles,
    due: deadline.due,
    estimated: deadline.estimated,
    leadSource: roles.primaryLead ? 'primary' : roles.leadSource,
    deadline,
  });
}

function hasActors(roles: RoleSet | null): roles is RoleSet {
  return (
    roles !== null && roles.leadUnits.length + roles.coUnits.length + roles.owners.length + roles.coOwners.length > 0
  );
}

function assigns(roles: RoleReading): boolean {
  return hasActors(roles) && (roles.hasRoleCue || roles.leadSource === 'subject');
}

/** Own roles win; a sub-item that names nobody works for whoever its parent assigned. */
function mergeRoles(own: RoleReading, inherited: RoleSet | null): RoleSet {
  if (!inherited) return own;
  const ownLead = own.leadUnits.length + own.owners.length > 0;
  if (ownLead) return own;
  if (!hasActors(own)) return inherited;
  return {
    ...inherited,
    coUnits: unique([...inherited.coUnits, ...own.coUnits]),
    coOwners: unique([...inherited.coOwners, ...own.coOwners]),
  };
}

const unique = (xs: string[]) => [...new Set(xs)];

function visit(ctx: Context, item: MinutesItem, inherited: Inherited): void {
  if (item.children.length === 0) {
    const segments = splitAssignments(ctx, item);
    const tail = segments.length > 1 ? sharedTailDeadline(ctx, segments[segments.length - 1]) : null;
    const shared = tail ? { ...inherited, deadline: tail } : inherited;
    for (const segment of segments) emit(ctx, segment, shared);
    return;
  }
  const own = ownText(ctx.text, item);
  const roles = readRoles(own, ctx.lexicon);
  const deadline = readDeadline(own, ctx.meetingDate);
  const childrenAssign = item.children.some((child) => {
    const words = ownText(ctx.text, child);
    return assigns(readRoles(words, ctx.lexicon)) || readDeadline(words, ctx.meetingDate).due !== null;
  });
  // "区住建委牵头做好以下工作：（一）…（二）…" with nothing more said per sub-item is one task.
  if (assigns(roles) && !childrenAssign) {
    emit(ctx, { start: item.start, bodyStart: item.bodyStart, end: item.end }, inherited);
    return;
  }
  const next: Inherited = {
    roles: hasActors(roles) ? mergeRoles(roles, inherited.roles) : inherited.roles,
    deadline: deadline.due !== null ? deadline : inherited.deadline,
  };
  for (const child of item.children) visit(ctx, child, next);
}

/** Sentences of [from, to) as [start, end) pairs, each keeping its closing punctuation. */
function sentences(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  for (const m of text.slice(from, to).matchAll(SENTENCE_END)) {
    const end = from + m.index + 1;
    if (text.slice(start, end).trim()) out.push([start, end]);
    start = end;
  }
  if (text.slice(start, to).trim()) out.push([start, to]);
  return out;
}

/**
 * One item may assign separate work to separate leads ("区教育局负责…；区卫健委负责…。"); each
 * becomes its own task. A sentence starts a new task when it names leads of the same kind (units,
 * or people) as the current task and none of the same ones; a sentence that only names who backs
 * the work up (做好资金保障), a 责任人 line, or a leader for a unit's work stays with the task.
 */
function splitAssignments(ctx: Context, item: MinutesItem): Segment[] {
  const segments: Segment[] = [{ start: item.start, bodyStart: item.bodyStart, end: item.end }];
  let current: { kind: 'unit' | 'person'; leads: string[] } | null = null;
  for (const [start, end] of sentences(ctx.text, item.bodyStart, item.end)) {
    const sentence = ctx.text.slice(start, end).trim();
    const roles = readRoles(sentence, ctx.lexicon);
    const kind = roles.leadUnits.length > 0 ? 'unit' : 'person';
    const leads = kind === 'unit' ? roles.leadUnits : roles.owners;
    if (roles.leadSource === 'none' || roles.supportOnly || leads.length === 0 || OWNER_LABEL_START.test(sentence))
      continue;
    // "牵头单位：A\n责任单位：B" is one task: B takes part in A's work.
    if (PRIMARY_LABEL_IN.test(ctx.text.slice(item.bodyStart, item.end)) && FIELD_LINE.test(sentence)) continue;
    if (current === null) {
      current = { kind, leads };
    } else if (current.kind === kind && !leads.some((l) => current?.leads.includes(l))) {
      const last = segments[segments.length - 1];
      if (last) last.end = trimEndOffset(ctx.text, last.bodyStart, start);
      const bodyStart = start + (ctx.text.slice(start, end).length - ctx.text.slice(start, end).trimStart().length);
      segments.push({ start: bodyStart, bodyStart, end: item.end });
      current = { kind, leads };
    } else if (current.kind === kind) {
      current.leads = [...current.leads, ...leads];
    }
  }
  return segments;
}

/** "以上工作均于12月底前完成。" after separately assigned work sets the date for all of it. */
function sharedTailDeadline(ctx: Context, last: Segment | undefined): DeadlineReading | null {
  if (!last) return null;
  for (const [start, end] of sentences(ctx.text, last.bodyStart, last.end)) {
    const sentence = ctx.text.slice(start, end);
    if (!SHARED_TAIL.test(sentence)) continue;
    const deadline = readDeadline(sentence, ctx.meetingDate);
    if (deadline.due !== null) return deadline;
  }
  return null;
}

function trimEndOffset(text: string, from: number, end: number): number {
  let e = end;
  while (e > from && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

/** What a meeting only heard or noted ("会议听取了…汇报。") before it assigns work in the same item. */
const RECORD_SENTENCE = /^(?:会议)?(?:听取了?|通报了?|传达(?:学习)?了?|学习了?)[^。；]*[。；]$/;

/**
 * "一、会议听取了…的汇报。会议要求，县政府办公室牵头…": the task starts where the assignment does,
 * so the report heard stays out of its source.
 */
function skipLeadingRecords(ctx: Context, segment: Segment): Segment {
  const parts = sentences(ctx.text, segment.bodyStart, segment.end);
  let skip = 0;
  while (skip < parts.length - 1) {
    const [start, end] = parts[skip] ?? [0, 0];
    const sentence = ctx.text.slice(start, end).trim();
    if (!RECORD_SENTENCE.test(sentence) || readRoles(sentence, ctx.lexicon).hasRoleCue) break;
    skip++;
  }
  const first = parts[skip];
  if (skip === 0 || !first) return segment;
  const rest = ctx.text.slice(first[0], segment.end);
  if (!readRoles(rest, ctx.lexicon).hasRoleCue) return segment;
  const at = first[0] + (rest.length - rest.trimStart().length);
  return { start: at, bodyStart: at, end: segment.end };
}

function emit(ctx: Context, whole: Segment, inherited: Inherited): void {
  const segment = skipLeadingRecords(ctx, whole);
  const words = ctx.text.slice(segment.bodyStart, segment.end);
  const roles = readRoles(words, ctx.lexicon);
  const deadline = readDeadline(words, ctx.meetingDate);
  const verdict = classifyItem({
    text: words,
    roles,
    deadline,
    inherited: inherited.roles,
    inheritedDue: inherited.deadline?.due != null,
  });
  if (!verdict.task) return;

  const merged = mergeRoles(roles, inherited.roles);
  const due = deadline.due ?? inherited.deadline?.due ?? null;
  const estimated = deadline.due !== null ? deadline.estimated : (inherited.deadline?.estimated ?? false);
  const removed: Span[] = [
    ...roles.spans.map(([start, end]) => ({ start, end })),
    ...deadline.matches.map((m) => ({ start: m.start, end: m.end })),
  ];
  const ownLead = roles.leadUnits.length + roles.owners.length > 0;
  pushTask(ctx, {
    title: summarizeTitle(words, removed),
    start: segment.start,
    end: segment.end,
    roles: merged,
    due,
    estimated,
    leadSource: !ownLead && inherited.roles ? 'inherited' : roles.primaryLead ? 'primary' : roles.leadSource,
    deadline: deadline.due !== null || !inherited.deadline ? deadline : null,
  });
}

interface TaskDraft {
  title: string;
  start: number;
  end: number;
  roles: RoleSet;
  due: string | null;
  estimated: boolean;
  leadSource: ConfidenceSignals['leadSource'];
  deadline: DeadlineReading | null;
}

function pushTask(ctx: Context, draft: TaskDraft): void {
  const { roles: merged, due, estimated } = draft;
  const reasons: ReviewReason[] = [];
  if (due === null) reasons.push('noDeadline');
  if (due !== null && estimated) reasons.push('estimatedDeadline');
  if (merged.leadUnits.length + merged.owners.length === 0) reasons.push('noLead');
  ctx.tasks.push({
    title: draft.title,
    sourceText: ctx.text.slice(draft.start, draft.end),
    leadUnits: [...merged.leadUnits],
    coUnits: [...merged.coUnits],
    owners: [...merged.owners],
    coOwners: [...merged.coOwners],
    due,
    needsReview: reasons.length > 0,
    reviewReasons: reasons,
    confidence: fieldConfidence({
      title: draft.title,
      roles: merged,
      leadSource: draft.leadSource,
      deadline: draft.deadline,
      due,
      estimated,
      lexicon: ctx.lexicon,
    }),
    start: draft.start,
    end: draft.end,
  });
}
