import { describe, expect, it } from 'vitest';
import { fieldsFromTask, matchUnit, missingFields, type DirectoryUnit } from './decisionAttrs.ts';
import { readDecisionAttrs } from './nodeAttrs.ts';

const UNITS: DirectoryUnit[] = [
  { id: 'ndrc', name: '区发展和改革委员会', shortName: '区发改委', aliases: [] },
  { id: 'finance', name: '区财政局', shortName: null, aliases: [] },
  { id: 'office', name: '区政府办公室', shortName: '区政府办', aliases: ['区府办'] },
  { id: 'housing', name: '区住房和城乡建设委员会', shortName: '区住建委', aliases: [] },
  { id: 'city-housing', name: '市住房和城乡建设委员会', shortName: '市住建委', aliases: [] },
];

describe('matchUnit', () => {
  it.each([
    ['区发展和改革委员会', 'ndrc'],
    ['区发改委', 'ndrc'],
    ['区府办', 'office'],
    [' 区财政局 ', 'finance'],
    // Without the district prefix: one unit only goes by that bare name.
    ['发改委', 'ndrc'],
    ['财政局', 'finance'],
    // 住建委 is both the district's and the city's: no guess.
    ['住建委', null],
    ['区教育局', null],
    ['', null],
  ])('%s → %s', (name, id) => {
    expect(matchUnit(name, UNITS)?.id ?? null).toBe(id);
  });
});

describe('fieldsFromTask', () => {
  const people = new Map([
    ['张伟', 'u-zhangwei'],
    ['李华', null],
  ]);

  it('links names the directories know and keeps every name as written', () => {
    const fields = fieldsFromTask(
      {
        leadUnits: ['区发改委'],
        coUnits: ['区财政局', '各镇街'],
        owners: ['张伟'],
        coOwners: ['李华'],
        due: '2026-06-30',
      },
      UNITS,
      people,
    );
    expect(fields).toEqual({
      leadUnits: [{ unitId: 'ndrc', name: '区发改委' }],
      coUnits: [
        { unitId: 'finance', name: '区财政局' },
        { unitId: null, name: '各镇街' },
      ],
      owners: [{ userId: 'u-zhangwei', name: '张伟' }],
      coOwners: [{ userId: null, name: '李华' }],
      due: '2026-06-30',
      noDeadline: false,
    });
  });

  it('says 期限待定 when the minutes name no deadline', () => {
    const fields = fieldsFromTask(
      { leadUnits: ['区财政局'], coUnits: [], owners: [], coOwners: [], due: null },
      UNITS,
      people,
    );
    expect(fields.due).toBeNull();
    expect(fields.noDeadline).toBe(true);
    expect(missingFields(fields)).toEqual(['due']);
  });

  it('drops repeats, and a lead named again as its own co-unit', () => {
    const fields = fieldsFromTask(
      {
        leadUnits: ['区发改委', '区发展和改革委员会'],
        coUnits: ['区发改委', '区财政局'],
        owners: ['张伟', '张伟'],
        coOwners: ['张伟'],
        due: null,
      },
      UNITS,
      people,
    );
    expect(fields.leadUnits).toEqual([{ unitId: 'ndrc', name: '区发改委' }]);
    expect(fields.coUnits).toEqual([{ unitId: 'finance', name: '区财政局' }]);
    expect(fields.owners).toEqual([{ userId: 'u-zhangwei', name: '张伟' }]);
    expect(fields.coOwners).toEqual([]);
  });

  it('reports what a task still needs', () => {
    expect(
      missingFields(
        fieldsFromTask({ leadUnits: [], coUnits: ['区财政局'], owners: [], coOwners: [], due: null }, UNITS, people),
      ),
    ).toEqual(['lead', 'due']);
    expect(
      missingFields(
        fieldsFromTask(
          { leadUnits: [], coUnits: [], owners: ['张伟'], coOwners: [], due: '2026-07-01' },
          UNITS,
          people,
        ),
      ),
    ).toEqual([]);
  });
});

describe('readDecisionAttrs', () => {
  it('gives defaults for what an item lacks and ignores what does not fit', () => {
    expect(
      readDecisionAttrs({
        id: null,
        leadUnits: [{ unitId: null, name: '区财政局' }],
        due: '2026-02-30',
        confirmed: 'yes',
      }),
    ).toEqual({
      id: '',
      leadUnits: [{ unitId: null, name: '区财政局' }],
      coUnits: [],
      owners: [],
      coOwners: [],
      due: null,
      noDeadline: false,
      confirmed: false,
    });
  });

  it('reads a confirmed item with a deadline as it is', () => {
    const attrs = {
      id: 'a1b2c3d4-0000',
      leadUnits: [],
      coUnits: [],
      owners: [{ userId: 'u1', name: '张伟' }],
      coOwners: [],
      due: '2026-07-31',
      noDeadline: false,
      confirmed: true,
    };
    expect(readDecisionAttrs(attrs)).toEqual(attrs);
  });
});
