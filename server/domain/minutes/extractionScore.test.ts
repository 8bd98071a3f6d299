import { describe, expect, it } from 'vitest';
import { scoreDocument, summarizeScores, type CorpusDocument, type PredictedTask } from './extractionScore.ts';

const doc: CorpusDocument = {
  meetingDate: '2026-11-18',
  text: '…',
  expected: [
    { match: '资金保障方案', leadUnits: ['区财政局'], coUnits: [], owners: [], coOwners: [], due: '2026-11-25' },
    {
      match: '居民意见征集',
      leadUnits: ['各相关街道'],
      coUnits: ['区住建委'],
      owners: [],
      coOwners: [],
      due: '2026-11-27',
    },
  ],
  nonTasks: ['南苑小区'],
};

const task = (over: Partial<PredictedTask>): PredictedTask => ({
  title: '',
  sourceText: '',
  leadUnits: [],
  coUnits: [],
  owners: [],
  coOwners: [],
  due: null,
  ...over,
});

describe('scoreDocument', () => {
  it('matches by the phrase in title or source and compares fields as sets', () => {
    const score = scoreDocument(doc, [
      task({ title: '提出资金保障方案', leadUnits: ['区财政局'], due: '2026-11-25' }),
      task({
        sourceText: '（二）做好居民意见征集。',
        leadUnits: ['各相关街道'],
        coUnits: ['区住建委'],
        due: '2026-11-30',
      }),
      task({ title: '南苑小区纳入计划' }),
    ]);
    expect(score).toMatchObject({ expected: 2, predicted: 3, matched: 2, missed: [], spurious: ['南苑小区纳入计划'] });
    expect(score.nonTaskViolations).toEqual(['南苑小区']);
    expect(score.fieldHits).toEqual({ leadUnits: 2, coUnits: 2, owners: 2, coOwners: 2, due: 1 });
    expect(score.fieldMisses).toEqual([
      { match: '居民意见征集', field: 'due', expected: '2026-11-27', actual: '2026-11-30' },
    ]);
  });

  it('uses each prediction for one expected task at most', () => {
    const score = scoreDocument(
      { ...doc, expected: [doc.expected[0], doc.expected[0]].flatMap((e) => (e ? [e] : [])) },
      [task({ title: '资金保障方案', leadUnits: ['区财政局'], due: '2026-11-25' })],
    );
    expect(score).toMatchObject({ matched: 1, missed: ['资金保障方案'] });
  });

  it('summarises precision, recall, F1 and field accuracy over documents', () => {
    const perfect = scoreDocument(doc, [
      task({ title: '资金保障方案', leadUnits: ['区财政局'], due: '2026-11-25' }),
      task({ title: '居民意见征集', leadUnits: ['各相关街道'], coUnits: ['区住建委'], due: '2026-11-27' }),
    ]);
    const half = scoreDocument(doc, [
      task({ title: '资金保障方案', leadUnits: ['区财政局'], due: null }),
      task({ title: '别的' }),
    ]);
    const summary = summarizeScores([perfect, half]);
    expect(summary.precision).toBe(0.75);
    expect(summary.recall).toBe(0.75);
    expect(summary.f1).toBe(0.75);
    expect(summary.field_accuracy.due).toBe(0.6667);
    expect(summary.field_accuracy.leadUnits).toBe(1);
  });
});
