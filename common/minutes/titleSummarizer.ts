// A short task title from a decision item: its action clauses with the role phrases (由…牵头,
// …配合), deadlines and meeting formulae (会议要求, 会议原则同意该计划) taken out, prefixed by the
// item's topic (关于X, 《文件》) when the action alone does not name it.

export const TITLE_MAX = 40;

const CLAUSE_SPLIT = /[，,。；;：:！!？?\n]/;
/** "会议研究了《…》", "会议听取了…": a record of the meeting, never the action. */
const MEETING_RECORD = /^会议(?:研究了|听取了?|审议(?:通过)?了?|通报了?|传达(?:学习)?了?|学习了?|讨论了?)/;
/** "会议要求", "会议原则同意该计划": a formula whose remainder, if any, is the action. */
const MEETING_FORMULA =
  /^(?:会议(?:研究)?(?:原则同意|原则通过|同意|决定|要求|明确|强调|指出|认为|议定|确定|提出)|原则同意|原则通过|研究决定)/;
const LEADING_FILLER =
  /^(?:(?:主要|分管)?(?:负责同志|负责人|领导同志)|并于|并在|于|在|并|要|需|应|务必|须|及时|同时|抓紧|尽快|立即|切实|认真|进一步|全面|均|及|和)+/;
const TRAILING_FILLER = /的$/;
/** Clauses that only point elsewhere: "做好以下工作", "以上工作均于…完成", a numbering left inside. */
const POINTER = /^(?:(?:做好|抓好|完成|落实)?以下(?:几项|几方面|各项)?工作|以上|上述)/;
const INNER_NUMBERING = /^(?:[0-9]{1,2}[.．、]|[（(][0-9一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]是)\s*/;
/** A sentence that records a decision ("会议同意…方案。") rather than assigning work. */
const DECISION_SENTENCE = /^(?:会议)?(?:审议|听取|原则同意|原则通过|同意|通报|研究了|传达|学习|认为|指出)/;

export interface Span {
  start: number;
  end: number;
}

interface Clause {
  text: string;
  heading: boolean;
  formula: boolean;
  /** Part of a sentence that only records a decision and names nobody. */
  record: boolean;
}

function blank(text: string, spans: readonly Span[]): string {
  const chars = [...text];
  // Offsets are UTF-16 code units; CJK text in minutes is in the BMP, so indices match.
  for (const { start, end } of spans)
    for (let i = Math.max(0, start); i < Math.min(chars.length, end); i++) chars[i] = '\u0000';
  return chars.join('');
}

/** Sentences (by 。！？ and line breaks) that record a decision and contain no removed role phrase. */
function recordSentences(text: string, removed: readonly Span[]): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const piece of text.split(/(?<=[。！!？?\n])/)) {
    const end = start + piece.length;
    const touched = removed.some(
      (r) => r.start < end && start < r.end && !/^[\d一二三四五六七八九十]/.test(text.slice(r.start, r.end)),
    );
    if (DECISION_SENTENCE.test(piece.trim()) && !touched) out.push({ start, end });
    start = end;
  }
  return out;
}

function clausesOf(text: string, removed: readonly Span[]): Clause[] {
  const masked = blank(text, removed);
  const records = recordSentences(text, removed);
  const clauses: Clause[] = [];
  let offset = 0;
  for (const raw of masked.split(CLAUSE_SPLIT)) {
    const original = text.slice(offset, offset + raw.length).trim();
    const record = records.some((r) => offset >= r.start && offset < r.end);
    offset += raw.length + 1;
    let kept = raw
      .replace(/\u0000+/g, '')
      .trim()
      .replace(INNER_NUMBERING, '');
    const heading = /^关于/.test(original) && clauses.length === 0;
    let formula = MEETING_RECORD.test(kept);
    if (!formula && MEETING_FORMULA.test(kept)) {
      kept = kept.replace(MEETING_FORMULA, '');
      formula = kept.length < 8 || /^[该此上述]/.test(kept);
    }
    clauses.push({ text: heading ? original : kept, heading, formula: formula || POINTER.test(kept), record });
  }
  return clauses;
}

function topicOf(text: string, clauses: readonly Clause[]): string | null {
  const heading = clauses.find((c) => c.heading);
  if (heading) return heading.text.replace(/^关于/, '').replace(/(?:的)?(?:问题|事项|事宜)$/, '');
  const book = /《[^》]{1,40}》/.exec(text);
  // 《…（征求意见稿）》 → 《…》: the draft marker only lengthens the title.
  return book ? book[0].replace(/[（(][^）)]*[）)]/g, '') : null;
}

function clip(parts: readonly string[], max: number): string {
  let out = '';
  for (const part of parts) {
    const next = out ? `${out}，${part}` : part;
    if (next.length > max) break;
    out = next;
  }
  if (out) return out;
  const first = parts[0] ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

/**
 * `removed` are the spans (offsets into `text`) of role phrases, labelled fields and deadline
 * expressions; what remains of each clause is the action.
 */
export function summarizeTitle(text: string, removed: readonly Span[], max = TITLE_MAX): string {
  const clauses = clausesOf(text, removed);
  const candidates = clauses.filter((c) => !c.heading && !c.formula);
  // Leave out what only records a decision, unless nothing else is said.
  const assigned = candidates.filter((c) => !c.record);
  const actions = (assigned.length > 0 ? assigned : candidates)
    .map((c) => c.text.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').trim())
    .filter((t) => t.length >= 3);
  const topic = topicOf(text, clauses);
  if (actions.length === 0) {
    // Nothing but roles and dates ("城投负责，年底前完成。"): the item's own words say it best.
    const fallback = topic ?? text.replace(/\s+/g, '').replace(/[。；;，,！!]+$/, '');
    return clip([fallback], max);
  }
  const action = clip(actions, max);
  if (!topic || action.includes(topic.replace(/[《》]/g, ''))) return action;
  const combined = `${topic}：${action}`;
  if (combined.length <= max) return combined;
  // "原则同意该计划…修改完善后报审": without the topic the title would not say what is revised.
  return /该|此|上述/.test(text) ? `${combined.slice(0, max - 1)}…` : action;
}
