import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusDocumentSchema, scoreDocument } from '../../server/domain/minutes/extractionScore.ts';
import { extractTasks } from './minutesExtractor.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPORA = [
  join(repoRoot, 'tests', 'fixtures', 'minutes'),
  resolve(repoRoot, '..', 'shared', 'corpus', 'minutes'),
];

function documents(dir: string): Array<[string, string]> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, join(dir, f)]);
}

describe('extractTasks on labelled minutes', () => {
  const all = CORPORA.flatMap(documents);

  it('finds the fixtures', () => {
    expect(documents(CORPORA[0] ?? '').length).toBeGreaterThanOrEqual(10);
  });

  it.each(all)('%s: every task found with the right fields, no decision made a task', (_name, path) => {
    const doc = corpusDocumentSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    const score = scoreDocument(doc, extractTasks(doc.text, { meetingDate: doc.meetingDate }));
    expect({
      missed: score.missed,
      spurious: score.spurious,
      nonTasks: score.nonTaskViolations,
      fields: score.fieldMisses,
    }).toEqual({
      missed: [],
      spurious: [],
      nonTasks: [],
      fields: [],
    });
  });
});

describe('extractTasks', () => {
  const text = [
    '专题会议纪要',
    '',
    '（一）加快项目前期手续办理。责任单位：区住建委；配合单位：区财政局；完成时限：2026年12月20日前。',
    '（二）做好居民意见征集。由各相关街道负责，区住建委指导。',
    '（三）会议同意将南苑小区纳入2027年改造计划。',
  ].join('\n');

  it('proposes one task per assigning item with its source and offsets', () => {
    const tasks = extractTasks(text, { meetingDate: '2026-11-18' });
    expect(tasks).toHaveLength(2);
    for (const task of tasks) expect(text.slice(task.start, task.end)).toBe(task.sourceText);
    expect(tasks[0]).toEqual({
      title: '加快项目前期手续办理',
      sourceText: '（一）加快项目前期手续办理。责任单位：区住建委；配合单位：区财政局；完成时限：2026年12月20日前。',
      leadUnits: ['区住建委'],
      coUnits: ['区财政局'],
      owners: [],
      coOwners: [],
      due: '2026-12-20',
      needsReview: false,
      reviewReasons: [],
      confidence: { title: 0.9, leadUnits: 0.9, coUnits: 0.9, owners: 0.95, coOwners: 0.95, due: 0.97 },
      start: text.indexOf('（一）'),
      end: text.indexOf('（二）') - 1,
    });
  });

  it('flags tasks for review when the minutes set no deadline or no lead', () => {
    const [, second] = extractTasks(text, { meetingDate: '2026-11-18' });
    expect(second).toMatchObject({ due: null, needsReview: true, reviewReasons: ['noDeadline'] });
    const [noLead] = extractTasks('一、加快完成防暑降温物资发放，一周内发放到位。', { meetingDate: '2026-08-05' });
    expect(noLead).toMatchObject({ due: '2026-08-12', leadUnits: [], needsReview: true, reviewReasons: ['noLead'] });
    const [estimated] = extractTasks('一、区财政局牵头，5个工作日内报送。', { meetingDate: '2026-12-28' });
    expect(estimated).toMatchObject({ due: '2027-01-05', needsReview: true, reviewReasons: ['estimatedDeadline'] });
  });

  it('keeps names as written, with and without a directory', () => {
    const minutes = '一、由发改委牵头，城投配合，12月底前完成。';
    const units = [
      { name: '区发展和改革委员会', aliases: ['发改委'] },
      { name: '区城市建设投资集团', aliases: ['城投'] },
    ];
    expect(extractTasks(minutes, { meetingDate: '2026-11-18', units })[0]).toMatchObject({
      leadUnits: ['发改委'],
      coUnits: ['城投'],
    });
    expect(extractTasks(minutes, { meetingDate: '2026-11-18' })[0]).toMatchObject({
      leadUnits: ['发改委'],
      coUnits: [],
    });
  });

  it('splits one item that assigns separate work to separate leads', () => {
    const tasks = extractTasks('一、区教育局负责校园安全检查；区卫健委负责食品安全抽检。以上工作均于12月底前完成。', {
      meetingDate: '2026-11-18',
    });
    expect(tasks.map((t) => [t.leadUnits, t.due, t.sourceText])).toEqual([
      [['区教育局'], '2026-12-31', '一、区教育局负责校园安全检查；'],
      [['区卫健委'], '2026-12-31', '区卫健委负责食品安全抽检。以上工作均于12月底前完成。'],
    ]);
  });

  it('treats a parent that assigns work to plain sub-points as one task', () => {
    const minutes =
      '（一）区农业农村委牵头，做好以下工作，4月10日前完成：\n1. 组织农资储备调运；\n2. 开展农技人员下沉服务。';
    const tasks = extractTasks(minutes, { meetingDate: '2026-03-18' });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ leadUnits: ['区农业农村委'], due: '2026-04-10', sourceText: minutes });
  });

  it('gives sub-items their parent roles and dates when they name none', () => {
    const minutes =
      '二、区应急局牵头，各镇街配合，做好以下工作：\n（一）12月10日前完成隐患排查；\n（二）加强值班值守。';
    const tasks = extractTasks(minutes, { meetingDate: '2026-11-18' });
    expect(tasks.map((t) => [t.leadUnits, t.coUnits, t.due])).toEqual([
      [['区应急局'], ['各镇街'], '2026-12-10'],
      [['区应急局'], ['各镇街'], null],
    ]);
  });

  it('never throws and keeps offsets on arbitrary text', () => {
    const pieces = [
      '一、',
      '（一）',
      '1.',
      '（1）',
      '一是',
      '二是',
      '①',
      '②',
      '\n',
      '\n\n',
      '，',
      '。',
      '；',
      '：',
      '由',
      '请',
      '牵头',
      '负责',
      '配合',
      '会同',
      '区发改委',
      '各镇街',
      '张伟同志',
      '副区长刘芳',
      '责任单位：',
      '完成时限：',
      '12月',
      '底前',
      '15日',
      '5个工作日内',
      '下周五',
      '年底',
      '会议听取了',
      '会议要求',
      '（',
      '）',
      '《',
      '》',
      '同志',
      '出席：',
      '1.5',
      '２０２６年',
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: next() % 40 }, () => pieces[next() % pieces.length]).join('');
      const tasks = extractTasks(text, { meetingDate: '2026-11-18' });
      for (const task of tasks) {
        expect(text.slice(task.start, task.end)).toBe(task.sourceText);
        expect(task.due === null || /^\d{4}-\d{2}-\d{2}$/.test(task.due)).toBe(true);
        expect(task.title.length).toBeLessThanOrEqual(40);
      }
    }
  });

  it('returns nothing for text without decisions', () => {
    expect(extractTasks('', { meetingDate: '2026-11-18' })).toEqual([]);
    expect(extractTasks('会议听取了汇报。\n\n出席：陈明', { meetingDate: '2026-11-18' })).toEqual([]);
  });
});
