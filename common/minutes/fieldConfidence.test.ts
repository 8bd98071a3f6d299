import { describe, expect, it } from 'vitest';
import { extractTasks } from './minutesExtractor.ts';
import { UNCERTAIN, type ExtractedTask } from './types.ts';

const uncertain = (task: ExtractedTask | undefined) =>
  Object.entries(task?.confidence ?? {})
    .filter(([, v]) => v < UNCERTAIN)
    .map(([k]) => k)
    .sort();

const UNITS = [
  { name: '临川区住房和城乡建设局', aliases: ['区住建局'] },
  { name: '临川区财政局', aliases: ['区财政局'] },
];
const PEOPLE = [{ name: '赵明' }, { name: '欧阳春' }];

describe('field confidence', () => {
  it('is high for labelled fields, directory names and absolute dates', () => {
    const [task] = extractTasks(
      '一、加快前期手续办理。牵头单位：区住建局；配合单位：区财政局；完成时限：2026年12月20日前。',
      {
        meetingDate: '2026-11-18',
        units: UNITS,
      },
    );
    expect(task?.confidence).toMatchObject({ leadUnits: 0.97, coUnits: 0.95, due: 0.97 });
    expect(uncertain(task)).toEqual([]);
  });

  it('is low for a missing date and for a unit the directory does not know', () => {
    const [task] = extractTasks('一、区住建局要会同区城投公司做好管网改造。', {
      meetingDate: '2026-11-18',
      units: UNITS,
    });
    expect(task).toMatchObject({ leadUnits: ['区住建局'], coUnits: ['区城投公司'], due: null });
    expect(uncertain(task)).toEqual(['coUnits', 'due']);
  });

  it('marks an estimated date and a lead read only from a sentence subject', () => {
    const [task] = extractTasks('一、各街道要于春节前完成燃气安全排查。', { meetingDate: '2026-12-10' });
    expect(task?.due).toBe('2027-02-04');
    expect(uncertain(task)).toEqual(['due', 'leadUnits']);
  });

  it('trusts 长期坚持 as "no date" more than silence', () => {
    const [standing] = extractTasks('一、区消防救援大队要加大消防宣传力度，长期坚持。', { meetingDate: '2026-12-21' });
    expect(standing?.due).toBeNull();
    expect(standing?.confidence.due).toBeGreaterThanOrEqual(UNCERTAIN);
  });
});

describe('people from the directory', () => {
  it('reads a known name without 同志 or a title, and a known compound surname', () => {
    const [task] = extractTasks('一、赵明负责协调用水指标，欧阳春配合，下周三前拿出方案。', {
      meetingDate: '2026-06-16',
      people: PEOPLE,
    });
    expect(task).toMatchObject({ owners: ['赵明'], coOwners: ['欧阳春'], due: '2026-06-24' });
    expect(task?.confidence.owners).toBe(0.9);
  });

  it('still reads people by their cues without a directory', () => {
    const [task] = extractTasks('一、赵明同志负责协调用水指标，下周三前拿出方案。', { meetingDate: '2026-06-16' });
    expect(task?.owners).toEqual(['赵明']);
  });
});
