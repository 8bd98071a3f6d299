// The text rules of full-text search, pure: how a query splits into terms, which index answers each term (trigrams
// from three characters, the bigram side index below that), the bigram form of indexed text, and highlighted snippets.

/** Terms in one query, and the longest term kept: a query is a few words, not a document. */
export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 64;
/** The trigram tokenizer matches nothing shorter than three characters; shorter terms go to the bigram index. */
export const TRIGRAM_MIN = 3;

/** Letters and digits of any script: a run of them is what the bigram index cuts into pairs. */
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** The terms of a query: split on white space, duplicates and empty terms dropped, each cut to MAX_TERM_LENGTH. */
export function queryTerms(q: string): string[] {
  const terms = q
    .split(/\s+/u)
    .map((t) => [...t].slice(0, MAX_TERM_LENGTH).join(''))
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** A term's length in characters (a CJK character, or an astral one, counts once). */
export const termLength = (term: string): number => [...term].length;

/** Whether the trigram index can answer the term. */
export const usesTrigrams = (term: string): boolean => termLength(term) >= TRIGRAM_MIN;

/** A term as an FTS5 phrase of the trigram table: quoted, inner quotes doubled, so nothing in it is query syntax. */
export function trigramPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * A short term (one or two characters) as a query of the bigram table: a pair is one token, a single character is the
 * prefix of the pair it starts (or the last character of a run, indexed alone). Null when it has no letter or digit.
 */
export function bigramQuery(term: string): string | null {
  const runs = term.toLowerCase().match(WORD_RUN) ?? [];
  if (runs.length === 0) return null;
  // Two characters split by punctuation ("a-b") are two single characters that must both occur.
  if (runs.length > 1) return runs.map((c) => `"${c}"*`).join(' AND ');
  const run = runs[0]!;
  return termLength(run) === 1 ? `"${run}"*` : `"${run}"`;
}

/**
 * Text in the bigram index's form: every run of letters and digits cut into overlapping pairs, the last character of
 * a run also alone, space-separated, so that unicode61 sees one token per pair. Every character then starts a token,
 * which lets a one-character prefix query find it anywhere.
 */
export function bigramText(text: string): string {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(WORD_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) out.push(i + 1 < chars.length ? chars[i]! + chars[i + 1]! : chars[i]!);
  }
  return out.join(' ');
}

/** A piece of a snippet: plain text, or a part that matched a term. Rendered as text, never as markup. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** Characters of context shown before the first match, and the length of a snippet. */
const LEAD = 24;
const SNIPPET_LENGTH = 96;

function foldedIndexOf(haystack: string, needle: string, from: number): number {
  return haystack.toLowerCase().indexOf(needle.toLowerCase(), from);
}

/** Splits text into parts, marking every occurrence of any term (ASCII case ignored, as the indexes do). */
export function markTerms(text: string, terms: readonly string[]): SnippetPart[] {
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (term.length === 0) continue;
    for (let at = foldedIndexOf(text, term, 0); at >= 0; at = foldedIndexOf(text, term, at + term.length))
      ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const parts: SnippetPart[] = [];
  let pos = 0;
  for (const [start, end] of ranges) {
    if (end <= pos) continue;
    const from = Math.max(start, pos);
    if (from > pos) parts.push({ text: text.slice(pos, from), mark: false });
    parts.push({ text: text.slice(from, end), mark: true });
    pos = end;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), mark: false });
  return parts;
}

/**
 * A window of the body around the first match of any term, with every match in it marked; the start of the body when
 * nothing in it matched (the hit was in its title). Ellipses say where text was cut.
 */
export function snippetOf(body: string, terms: readonly string[]): SnippetPart[] {
  const flat = body.replace(/\s+/gu, ' ').trim();
  const firsts = terms.map((t) => foldedIndexOf(flat, t, 0)).filter((i) => i >= 0);
  const first = firsts.length > 0 ? Math.min(...firsts) : 0;
  const start = Math.max(0, first - LEAD);
  const end = Math.min(flat.length, start + SNIPPET_LENGTH);
  const parts = markTerms(flat.slice(start, end), terms);
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < flat.length) parts.push({ text: '…', mark: false });
  return parts;
}
