// Scores extracted tasks against a labelled minutes document, exactly as the corpus README defines:
// a prediction matches an expected task when its title or source contains the expected `match`
// phrase; precision and recall count tasks; a field is right when the sets (or the date) are equal.

import { z } from 'zod';

export const SCORED_FIELDS = ['leadUnits', 'coUnits', 'owners', 'coOwners', 'due'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

const expectedTaskSchema = z.object({
  match: z.string().min(1),
  leadUnits: z.array(z.string()),
  coUnits: z.array(z.string()),
  owners: z.array(z.string()),
  coOwners: z.array(z.string()),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});

export const corpusDocumentSchema = z.object({
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  text: z.string(),
  expected: z.array(expectedTaskSchema),
  nonTasks: z.array(z.string()).default([]),
});

export type ExpectedTask = z.infer<typeof expectedTaskSchema>;
export type CorpusDocument = z.infer<typeof corpusDocumentSchema>;

/** The fields of a prediction that scoring looks at. */
export interface PredictedTask {
  title: string;
  sourceText: string;
  leadUnits: readonly string[];
  coUnits: readonly string[];
  owners: readonly string[];
  coOwners: readonly string[];
  due: string | null;
}

export interface FieldMiss {
  match: string;
  field: ScoredField;
  expected: unknown;
  actual: unknown;
}

export interface DocumentScore {
  expected: number;
  predicted: number;
  matched: number;
  fieldHits: Record<ScoredField, number>;
  fieldMisses: FieldMiss[];
  /** Expected `match` phrases no prediction contained. */
  missed: string[];
  /** Titles of predictions that matched nothing expected. */
  spurious: string[];
  /** nonTasks phrases that some prediction contains. */
  nonTaskViolations: string[];
}

const contains = (task: PredictedTask, phrase: string) =>
  task.title.includes(phrase) || task.sourceText.includes(phrase);

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

function fieldEqual(field: ScoredField, expected: ExpectedTask, actual: PredictedTask): boolean {
  return field === 'due' ? expected.due === actual.due : sameSet(expected[field], actual[field]);
}

export function scoreDocument(doc: CorpusDocument, predictions: readonly PredictedTask[]): DocumentScore {
  const used = new Set<number>();
  const fieldHits: Record<ScoredField, number> = { leadUnits: 0, coUnits: 0, owners: 0, coOwners: 0, due: 0 };
  const fieldMisses: FieldMiss[] = [];
  const missed: string[] = [];
  for (const expected of doc.expected) {
    const index = predictions.findIndex((p, i) => !used.has(i) && contains(p, expected.match));
    const actual = predictions[index];
    if (index < 0 || !actual) {
      missed.push(expected.match);
      continue;
    }
    used.add(index);
    for (const field of SCORED_FIELDS) {
      if (fieldEqual(field, expected, actual)) fieldHits[field] += 1;
      else fieldMisses.push({ match: expected.match, field, expected: expected[field], actual: actual[field] });
    }
  }
  return {
    expected: doc.expected.length,
    predicted: predictions.length,
    matched: used.size,
    fieldHits,
    fieldMisses,
    missed,
    spurious: predictions.filter((_, i) => !used.has(i)).map((p) => p.title),
    nonTaskViolations: doc.nonTasks.filter((phrase) => predictions.some((p) => contains(p, phrase))),
  };
}

export interface CorpusSummary {
  precision: number;
  recall: number;
  f1: number;
  field_accuracy: Record<ScoredField, number>;
  non_task_violations: number;
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);
const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function summarizeScores(scores: readonly DocumentScore[]): CorpusSummary {
  const sum = (f: (s: DocumentScore) => number) => scores.reduce((acc, s) => acc + f(s), 0);
  const matched = sum((s) => s.matched);
  const precision = ratio(
    matched,
    sum((s) => s.predicted),
  );
  const recall = ratio(
    matched,
    sum((s) => s.expected),
  );
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const field_accuracy = Object.fromEntries(
    SCORED_FIELDS.map((field) => [
      field,
      round(
        ratio(
          sum((s) => s.fieldHits[field]),
          matched,
        ),
      ),
    ]),
  ) as Record<ScoredField, number>;
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    field_accuracy,
    non_task_violations: sum((s) => s.nonTaskViolations.length),
  };
}
