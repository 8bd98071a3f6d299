// Patterns met in published minutes (issue 18's development corpus), one case each, so that a change that
// breaks one names it.
import { describe, expect, it } from 'vitest';
import { extractTasks } from './minutesExtractor.ts';

type Fields = { title?: string; leadUnits?: string[]; coUnits?: string[]; owners?: string[]; due?: string | null };

const CASES: Array<[string, string, string, Fields[]]> = [
  [
    '牵头单位 beside 责任单位: the latter take part',
    '2026-03-18',
    '1.公布许可事项清单。（牵头单位：区市场监管局，责任单位：区商务局、各街道，完成时限：2026年4月30日前）',
    [{ leadUnits: ['区市场监管局'], coUnits: ['区商务局', '各街道'], due: '2026-04-30' }],
  ],
  [
    'labelled lines on separate lines stay one task',
    '2026-02-26',
    '二、开展清产核资。\n牵头单位：县农业农村局\n责任单位：各乡镇\n完成时限：5月31日前',
    [{ leadUnits: ['县农业农村局'], coUnits: ['各乡镇'], due: '2026-05-31' }],
  ],
  [
    'collective names with brackets',
    '2026-07-15',
    '1.各镇（街）指挥办于每周二前将上周工作进展报县指挥办。\n2.各区（市）县政府、市政府各部门每月10日前将上月工作情况报送市政府研究室。',
    [
      { leadUnits: ['各镇（街）指挥办'], due: '2026-07-21' },
      { leadUnits: ['各区（市）县政府', '市政府各部门'], due: '2026-08-10' },
    ],
  ],
  [
    'a topic before 由 is not part of the unit',
    '2026-11-12',
    '2、第十九中学：涉及消防问题由区教育局会同区消防救援大队沟通解决，力争年内开工。',
    [{ leadUnits: ['区教育局'], coUnits: ['区消防救援大队'], due: '2026-12-31' }],
  ],
  [
    'X要加强技术指导 is X’s own work',
    '2026-12-02',
    '钟宇要求：一是各乡镇要12月25日前完成图斑整改；二是县自然资源局要加强技术指导，每周五前报送整改进度。',
    [
      { leadUnits: ['各乡镇'], due: '2026-12-25' },
      { leadUnits: ['县自然资源局'], coUnits: [], due: '2026-12-04' },
    ],
  ],
  [
    'status lines and who met are not tasks',
    '2026-07-28',
    '5月28日上午，镇长向永斌召集辖区企业负责人进行集体约谈。会议由副镇长杨金双主持。\n\n一、上次会议议定事项落实情况\n1.标准厂房三期规划调整事项，已于7月10日完成批复。\n2.园区道路绿化提升事项，正在推进，预计8月底完工。\n\n二、本次会议议定事项\n1.园区规划建设局负责，8月15日前完成标准厂房四期招标。',
    [{ leadUnits: ['园区规划建设局'], due: '2026-08-15' }],
  ],
  [
    'a report heard first stays out of the task',
    '2026-12-15',
    '一、会议听取了工作报告起草情况的汇报。会议要求，县政府办公室牵头，各起草部门配合，12月30日前提交县委常委会议。',
    [{ leadUnits: ['县政府办公室'], coUnits: ['各起草部门'], due: '2026-12-30' }],
  ],
  [
    'a standing duty of named collectives is a task without a date',
    '2026-07-01',
    '会议强调，区生态环境局要会同区水务局，于7月底前完成入河排污口排查整治；各街道要落实河长巡河制度，长期坚持。',
    [
      { leadUnits: ['区生态环境局'], coUnits: ['区水务局'], due: '2026-07-31' },
      { leadUnits: ['各街道'], due: null },
    ],
  ],
  [
    'a short heading sentence keeps the assignment after it',
    '2026-09-24',
    '会议要求：一要摸清情况。由新区项目办牵头，10个工作日内梳理问题清单。二要做好群众工作。城关镇要做好征地拆迁政策宣传，长期坚持。',
    [
      { leadUnits: ['新区项目办'], due: '2026-10-15' },
      { leadUnits: ['城关镇'], due: null },
    ],
  ],
];

describe('real-world minutes patterns', () => {
  it.each(CASES)('%s', (_name, meetingDate, text, expected) => {
    const tasks = extractTasks(text, { meetingDate });
    expect(tasks).toHaveLength(expected.length);
    expected.forEach((fields, i) => expect(tasks[i]).toMatchObject(fields));
    for (const task of tasks) expect(text.slice(task.start, task.end)).toBe(task.sourceText);
  });
});
