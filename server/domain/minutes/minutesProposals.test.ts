import { describe, expect, it } from 'vitest';
import {
  decisionIdsToRenew,
  draftConfidence,
  indexDirectory,
  proposalsFromMinutes,
  textKey,
  type Directory,
} from './minutesProposals.ts';
import { uncertainFields, withoutFields } from './proposalFields.ts';
import { attendanceLines, compareSeats, minutesTemplate, minutesTitle, type TemplateSeat } from './minutesTemplate.ts';

const directory: Directory = {
  units: [
    { id: 'u-housing', name: '区住房和城乡建设委员会', shortName: '区住建委', aliases: [] },
    { id: 'u-finance', name: '区财政局', shortName: null, aliases: [] },
    { id: 'u-ndrc', name: '区发展和改革委员会', shortName: '区发改委', aliases: ['发改委'] },
    { id: 'u-a', name: '甲局', shortName: '共用简称', aliases: [] },
    { id: 'u-b', name: '乙局', shortName: '共用简称', aliases: [] },
  ],
  users: [
    { id: 'p-guo', displayName: '郭敏' },
    { id: 'p-w1', displayName: '王伟' },
    { id: 'p-w2', displayName: '王伟' },
  ],
};

describe('directory matching', () => {
  const index = indexDirectory(directory);
  it.each([
    ['区住建委', 'u-housing'],
    ['区住房和城乡建设委员会', 'u-housing'],
    ['发改委', 'u-ndrc'],
    [' 区财政局 ', 'u-finance'],
    ['区文旅局', null],
    ['共用简称', null],
  ])('unit %s → %s', (name, id) => expect(index.unitId(name)).toBe(id));
  it.each([
    ['郭敏', 'p-guo'],
    ['王伟', null],
    ['张三', null],
  ])('person %s → %s', (name, id) => expect(index.userId(name)).toBe(id));
});

const para = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const decision = (attrs: Record<string, unknown>, text: string) => ({
  type: 'decisionItem',
  attrs,
  content: [{ type: 'text', text }],
});

describe('proposals from minutes', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '城市更新专题会议纪要' }] },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [para('出席')] },
              { type: 'tableCell', content: [para('区住建委负责同志')] },
            ],
          },
        ],
      },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '会议议定事项' }] },
      decision(
        {
          id: 'dec-00000001',
          confirmed: true,
          leadUnits: [{ unitId: null, name: '区住建委' }],
          coUnits: [{ unitId: 'u-finance', name: '区财政局' }],
          owners: [{ userId: null, name: '郭敏' }],
          due: '2026-12-31',
        },
        '由区住建委牵头，区财政局配合，年底前完成老旧小区改造方案。',
      ),
      decision({ id: 'dec-00000002' }, '由区发改委负责，3个工作日内报送项目清单。'),
      decision({ id: 'dec-00000001', confirmed: true }, '重复的编号不会产生第二个建议。'),
      para('一、会议听取了区住建委关于城市更新工作的汇报。'),
      para('二、区应急局牵头，11月30日前完成燃气管道隐患排查。'),
    ],
  };
  const drafts = proposalsFromMinutes(doc, '2026-11-20', directory);

  it('makes one proposal per decision item and per assigned plain item, in reading order', () => {
    expect(drafts.map((d) => [d.origin, d.sourceKey.split(':')[0]])).toEqual([
      ['decision', 'decision'],
      ['decision', 'decision'],
      ['extracted', 'text'],
    ]);
  });

  it('takes the confirmed fields of a decision item and resolves typed names in the directory', () => {
    expect(drafts[0]).toMatchObject({
      decisionId: 'dec-00000001',
      sourceKey: 'decision:dec-00000001',
      sourceText: '由区住建委牵头，区财政局配合，年底前完成老旧小区改造方案。',
      leadUnits: [{ unitId: 'u-housing', name: '区住建委' }],
      coUnits: [{ unitId: 'u-finance', name: '区财政局' }],
      owners: [{ userId: 'p-guo', name: '郭敏' }],
      due: '2026-12-31',
      needsReview: false,
    });
    expect(drafts[0]!.title.length).toBeGreaterThan(0);
  });

  it('fills an untouched decision item from the extractor and flags it for review', () => {
    expect(drafts[1]).toMatchObject({
      leadUnits: [{ unitId: 'u-ndrc', name: '区发改委' }],
      due: '2026-11-25',
      needsReview: true,
    });
  });

  it('reads plain numbered items with the extractor, skipping reports and the header table', () => {
    expect(drafts[2]).toMatchObject({
      origin: 'extracted',
      decisionId: null,
      leadUnits: [{ unitId: null, name: '区应急局' }],
      due: '2026-11-30',
      needsReview: true,
    });
    expect(drafts[2]!.sourceKey).toBe(textKey(drafts[2]!.sourceText));
  });

  it('keys are stable: the same minutes give the same keys', () => {
    expect(proposalsFromMinutes(doc, '2026-11-20', directory).map((d) => d.sourceKey)).toEqual(
      drafts.map((d) => d.sourceKey),
    );
  });

  it('finds decision ids to renew: missing and repeated ones', () => {
    expect(decisionIdsToRenew(doc)).toEqual([2]);
    expect(
      decisionIdsToRenew({
        type: 'doc',
        content: [decision({}, '甲'), decision({ id: 'bad' }, '乙'), decision({ id: 'dec-00000003' }, '丙')],
      }),
    ).toEqual([0, 1]);
  });
});

describe('minutes template', () => {
  const seats: TemplateSeat[] = [
    { name: '陈明', unitName: '区人民政府', role: 'attendee', rsvp: 'attend', substituteForName: null },
    { name: '刘芳', unitName: '区人民政府', role: 'attendee', rsvp: 'leave', substituteForName: null },
    { name: '李华', unitName: '区发改委', role: 'attendee', rsvp: 'pending', substituteForName: '张伟' },
    { name: '杨帆', unitName: '区财政局', role: 'non_voting', rsvp: 'attend', substituteForName: null },
    { name: '何军', unitName: '区财政局', role: 'observer', rsvp: 'attend', substituteForName: null },
    { name: '马涛', unitName: '区住建委', role: 'attendee', rsvp: 'absent', substituteForName: null },
    {
      name: '孙悦',
      unitName: '区政府办',
      role: 'attendee',
      rsvp: 'attend',
      substituteForName: null,
      listedElsewhere: true,
    },
  ];

  it('sorts seats into 出席, 列席 and 请假', () => {
    expect(attendanceLines(seats)).toEqual({
      attend: ['陈明', '李华（代张伟）'],
      nonVoting: ['区财政局杨帆'],
      leave: ['刘芳'],
    });
  });

  it('lists 出席 before 列席, then by unit order and name', () => {
    const seat = (role: string, unitOrder: number, unitName: string, name: string) => ({
      role,
      unitOrder,
      unitName,
      name,
    });
    const sorted = [
      seat('non_voting', 0, '区财政局', '杨帆'),
      seat('attendee', 2, '区住建委', '马涛'),
      seat('attendee', 1, '区发改委', '张伟'),
      seat('attendee', 1, '区发改委', '李华'),
    ].sort(compareSeats);
    expect(sorted.map((s) => s.name)).toEqual(['李华', '张伟', '马涛', '杨帆']);
  });

  it.each([
    ['城市更新专题会', '城市更新专题会纪要'],
    ['第5次常务会议纪要', '第5次常务会议纪要'],
  ])('titles %s as %s', (title, expected) => {
    expect(minutesTitle(title)).toBe(expected);
  });

  it('fills the header table and leaves the body to the minute-taker', () => {
    const doc = minutesTemplate({
      title: '城市更新专题会',
      time: '2026年11月20日 09:00–11:00',
      place: '第三会议室（区政府大楼）',
      hostName: '陈明',
      recorderName: '孙悦',
      seats,
    });
    const rows = (doc.content![1]!.content ?? []).map((r) =>
      (r.content ?? []).map((c) => c.content![0]!.content?.[0]?.text ?? ''),
    );
    expect(rows).toEqual([
      ['会议名称', '城市更新专题会'],
      ['时间', '2026年11月20日 09:00–11:00'],
      ['地点', '第三会议室（区政府大楼）'],
      ['主持', '陈明'],
      ['出席', '陈明、李华（代张伟）'],
      ['列席', '区财政局杨帆'],
      ['请假', '刘芳'],
      ['记录', '孙悦'],
    ]);
    expect(doc.content!.at(-1)).toEqual({ type: 'paragraph', content: [] });
  });
});

describe('proposal confidence', () => {
  it('lowers a field whose names the directory leaves without an id', () => {
    const extracted = { title: 0.9, leadUnits: 0.97, coUnits: 0.95, owners: 0.95, coOwners: 0.95, due: 0.97 };
    const parties = {
      leadUnits: [{ unitId: 'u1', name: '区住建委' }],
      coUnits: [{ unitId: null, name: '区城投公司' }],
      owners: [],
      coOwners: [],
    };
    expect(draftConfidence(extracted, parties)).toEqual({ ...extracted, coUnits: 0.6 });
  });

  it('forgets the fields a supervisor set, and lists the uncertain ones only while pending', () => {
    const stored = JSON.stringify({ title: 0.9, leadUnits: 0.5, due: 0.4 });
    expect(JSON.parse(withoutFields(stored, ['due']))).toEqual({ title: 0.9, leadUnits: 0.5 });
    expect(withoutFields('not json', ['due'])).toBe('{}');
    expect(uncertainFields(stored, 'pending')).toEqual(['leadUnits', 'due']);
    expect(uncertainFields(stored, 'confirmed')).toEqual([]);
    expect(uncertainFields('{', 'pending')).toEqual([]);
  });
});
